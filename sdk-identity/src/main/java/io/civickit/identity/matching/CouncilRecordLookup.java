package io.civickit.identity.matching;

import java.util.List;
import java.util.Optional;

/**
 * How the matcher reads the council's own records: a supplier implements this over the
 * council's system (revenues and benefits, housing, a CRM). Both methods receive normalised
 * values: references upper-case without spaces or hyphens, postcodes as {@code SW1A 1AA}.
 *
 * <p>Implementations return what is held and nothing more: the matcher decides, and never tells
 * the person which fact differed.
 */
public interface CouncilRecordLookup {

  /** The record with this reference. */
  Optional<CouncilRecord> findByReference(String reference);

  /** The records at this postcode, for policies without a reference. None by default. */
  default List<CouncilRecord> findByPostcode(String postcode) {
    return List.of();
  }
}
