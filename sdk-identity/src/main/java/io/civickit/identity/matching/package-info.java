/**
 * Matching what a person says against the council's own records.
 *
 * <p><b>Start here:</b> {@link io.civickit.identity.matching.RecordMatcher#builder()}, with a
 * {@link io.civickit.identity.matching.CouncilRecordLookup} the council implements over its
 * records and a {@link io.civickit.identity.matching.MatchPolicy}.
 */
@NullMarked
package io.civickit.identity.matching;

import org.jspecify.annotations.NullMarked;
