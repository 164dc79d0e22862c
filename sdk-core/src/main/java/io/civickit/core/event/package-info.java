/**
 * Journey events: every change to a journey is published as a {@link io.civickit.core.event.JourneyEvent}
 * through an {@link io.civickit.core.event.EventSink}. KPIs are computed from them. Events carry
 * ids, step ids, outcomes and reasons, never answers or personal data.
 */
@NullMarked
package io.civickit.core.event;

import org.jspecify.annotations.NullMarked;
