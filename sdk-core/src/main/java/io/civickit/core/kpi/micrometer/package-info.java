/**
 * An optional Micrometer adapter for live journey counters. It needs {@code micrometer-core}
 * on the class path; sdk-core does not bring it.
 */
@NullMarked
package io.civickit.core.kpi.micrometer;

import org.jspecify.annotations.NullMarked;
