package io.civickit.identity.matching;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the council holds about a person, as a {@link CouncilRecordLookup} returns it. Values may
 * be in any spelling: the matcher normalises both sides.
 *
 * @param reference the council's reference
 * @param name the full name, if held
 * @param dateOfBirth the date of birth, if held
 * @param postcode the postcode of the address held, if any
 */
public record CouncilRecord(String reference, Optional<String> name, Optional<LocalDate> dateOfBirth,
    Optional<String> postcode) {
  /**
   * Checks that every component is present; a fact not held is empty, never null.
   *
   * @throws NullPointerException if any component is null
   */
  public CouncilRecord {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(postcode, "postcode");
  }

  @Override
  public String toString() {
    // Personal data: only which facts are held is printed.
    return "CouncilRecord[name=" + name.isPresent() + ", dateOfBirth=" + dateOfBirth.isPresent()
        + ", postcode=" + postcode.isPresent() + "]";
  }
}
