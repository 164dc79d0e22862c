package io.civickit.identity.matching;

import java.util.List;
import java.util.Optional;

/**
 * How the matcher reads the council's own records: a supplier implements this over the
 * council's system (revenues and benefits, housing, a CRM).
 *
 * <p>Both methods receive normalised values: references as {@link Normalise#reference} gives
 * them (upper case, without spaces, hyphens, slashes or dots) and postcodes as
 * {@link Normalise#postcode} gives them ({@code SW1A 1AA}). The council's system may hold them
 * in any spelling ({@code ct-1234 5678}, {@code sw1a1aa}): a record is found whatever spelling
 * it is held in, by comparing the normalised forms exactly, never by prefix or pattern.
 *
 * <p>The values come from what a person typed, so any text gives an empty result, not an
 * exception; an unknown reference or postcode is simply empty. (A fault in the council's system
 * may still be thrown.)
 *
 * <p>Implementations return what is held and nothing more: a fact the council does not hold
 * is empty in the {@link CouncilRecord}, never guessed. The matcher decides, and never tells the
 * person which fact differed.
 *
 * <p>The matcher calls a lookup from many requests at once, so it must be safe for concurrent
 * use. The contract suite {@code io.civickit.test.identity.CouncilRecordLookupContract} in
 * sdk-test checks all of this.
 */
public interface CouncilRecordLookup {

  /**
   * The record held under this reference.
   *
   * @param reference a reference normalised by {@link Normalise#reference}
   * @return the record, or empty if none is held under it
   */
  Optional<CouncilRecord> findByReference(String reference);

  /**
   * Every record held at this postcode, for policies without a reference. None by default, for
   * a system that cannot search by postcode.
   *
   * @param postcode a postcode normalised by {@link Normalise#postcode}
   * @return the records, empty if none is held there
   */
  default List<CouncilRecord> findByPostcode(String postcode) {
    return List.of();
  }
}
