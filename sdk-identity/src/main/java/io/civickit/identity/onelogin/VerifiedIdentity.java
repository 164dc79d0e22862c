package io.civickit.identity.onelogin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The name and date of birth One Login proved at medium confidence ({@code P2}), read from a
 * verified core identity JWT. The JWT itself is not kept.
 *
 * @param givenNames the current given names, in the order given
 * @param familyName the current family name (parts joined by a space)
 * @param dateOfBirth the date of birth One Login is most confident in
 * @param verifiedAt when this service verified the credential
 */
public record VerifiedIdentity(List<String> givenNames, String familyName, LocalDate dateOfBirth, Instant verifiedAt) {
  /**
   * Checks the components and takes an unmodifiable copy of the given names.
   *
   * @throws NullPointerException if any component is null, or the given names hold null
   */
  public VerifiedIdentity {
    givenNames = List.copyOf(givenNames);
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }

  /** Given names then family name, separated by spaces. */
  public String fullName() {
    return (String.join(" ", givenNames) + " " + familyName).strip();
  }

  @Override
  public String toString() {
    return "VerifiedIdentity[P2, " + verifiedAt + "]";
  }
}
