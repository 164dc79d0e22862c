/**
 * Segments, nudges and experiments: {@link io.civickit.core.segment.SegmentRules} put people
 * into segments with rules in the condition language, {@link io.civickit.core.segment.Experiment}
 * assigns experiment arms deterministically from the journey id, and a
 * {@link io.civickit.core.segment.NudgePlan} says which nudges towards digital to show each
 * segment on each step, always alongside the offline route.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.segment.SegmentRules#builder()}.
 */
@NullMarked
package io.civickit.core.segment;

import org.jspecify.annotations.NullMarked;
