/**
 * Journey KPIs with the GOV.UK Service Manual's definitions: completion rate, digital take-up,
 * handoff rate and reasons, drop-off by step, time to complete and cost per transaction, by
 * segment, experiment arm and period. {@link io.civickit.core.kpi.Kpis} computes them from an
 * in-memory list of events or with SQL on the JDBC event table; both give the same numbers.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.kpi.Kpis} with a {@link io.civickit.core.kpi.KpiQuery}.
 */
@NullMarked
package io.civickit.core.kpi;

import org.jspecify.annotations.NullMarked;
