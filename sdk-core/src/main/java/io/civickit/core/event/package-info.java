/**
 * Journey events: every change to a journey is published as a {@link io.civickit.core.event.JourneyEvent}
 * through an {@link io.civickit.core.event.EventSink}. KPIs are computed from them. Events carry
 * ids, step ids, outcomes and reasons, never answers or personal data.
 *
 * <p><b>Start here:</b> pick a sink from {@link io.civickit.core.event.EventSink}'s factories
 * ({@code jdbc(dataSource)} to keep events for KPIs, {@code slf4j()} to log them,
 * {@code all(...)} for both) and give it to {@code Journeys.builder().events(...)}. In tests,
 * {@link io.civickit.core.event.EventLog} keeps them in a list. A supplier's own sink passes
 * {@code io.civickit.test.EventSinkContract} in sdk-test.
 */
@NullMarked
package io.civickit.core.event;

import org.jspecify.annotations.NullMarked;
