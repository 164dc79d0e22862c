package io.civickit.identity.matching;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which facts must agree for a claim to match a record.
 *
 * @param name a short name for events and evidence, for example {@code reference-and-postcode}
 * @param required facts that must all be given and agree
 * @param optional facts of which at least {@code optionalNeeded} must be given and agree
 * @param optionalNeeded how many of {@code optional} must agree
 */
public record MatchPolicy(String name, Set<Fact> required, Set<Fact> optional, int optionalNeeded) {
  /**
   * Checks that the policy is safe to use, and takes unmodifiable copies of the sets.
   *
   * @throws NullPointerException if {@code name}, {@code required} or {@code optional} is null
   * @throws IllegalArgumentException if {@code optionalNeeded} is negative or more than the optional
   *     facts; if fewer than 2 facts in all must agree; if a fact is both required and optional; or
   *     if the policy uses neither the reference nor the postcode, without which the record cannot
   *     be found
   */
  public MatchPolicy {
    Objects.requireNonNull(name, "name");
    required = Set.copyOf(required);
    optional = Set.copyOf(optional);
    if (optionalNeeded < 0 || optionalNeeded > optional.size()) {
      throw new IllegalArgumentException("optionalNeeded must be 0 to " + optional.size() + ", but was " + optionalNeeded);
    }
    if (required.size() + optionalNeeded < 2) {
      throw new IllegalArgumentException("a policy must need at least 2 facts to agree, but " + name + " needs "
          + (required.size() + optionalNeeded));
    }
    for (Fact f : required) {
      if (optional.contains(f)) {
        throw new IllegalArgumentException(f + " cannot be both required and optional in " + name);
      }
    }
    Set<Fact> all = EnumSet.noneOf(Fact.class);
    all.addAll(required);
    all.addAll(optional);
    if (!all.contains(Fact.REFERENCE) && !all.contains(Fact.POSTCODE)) {
      throw new IllegalArgumentException(name + " must use the reference or the postcode, to find the record");
    }
  }

  /** The reference and the postcode must both agree (a council tax bill has both). */
  public static MatchPolicy referenceAndPostcode() {
    return new MatchPolicy("reference-and-postcode", EnumSet.of(Fact.REFERENCE, Fact.POSTCODE), Set.of(), 0);
  }

  /** Name, date of birth and postcode must all agree; no reference is needed. */
  public static MatchPolicy nameDateOfBirthAndPostcode() {
    return new MatchPolicy("name-date-of-birth-and-postcode",
        EnumSet.of(Fact.NAME, Fact.DATE_OF_BIRTH, Fact.POSTCODE), Set.of(), 0);
  }

  /** Any {@code n} of the four facts must agree; the reference or the postcode must be given to find the record. */
  public static MatchPolicy anyOfFour(int n) {
    return new MatchPolicy(n + "-of-4", Set.of(), EnumSet.allOf(Fact.class), n);
  }
}
