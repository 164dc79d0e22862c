/**
 * An optional Micrometer adapter for live journey counters. It needs {@code micrometer-core}
 * on the class path; sdk-core does not bring it.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.kpi.micrometer.JourneyMeters}, registered as an event sink beside the store of events.
 */
@NullMarked
package io.civickit.core.kpi.micrometer;

import org.jspecify.annotations.NullMarked;
