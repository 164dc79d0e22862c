package io.civickit.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a check relied on, for the journey's record: never a secret, a code or a personal detail.
 *
 * @param method how the person was checked, for example {@code email-passcode}, {@code sms-passcode},
 *     {@code council-record}, {@code totp}, {@code one-login}
 * @param facts non-secret facts about the check, for example {@code policy=reference-and-postcode}
 *     or {@code vot=Cl.Cm}; masked where they touch personal data
 * @param at when the check passed
 */
public record Evidence(String method, Map<String, String> facts, Instant at) {
  /**
   * Checks the components and takes an unmodifiable copy of the facts.
   *
   * @throws NullPointerException if any component is null, or the facts hold a null key or value
   * @throws IllegalArgumentException if {@code method} is blank
   */
  public Evidence {
    Objects.requireNonNull(method, "method");
    facts = Map.copyOf(facts);
    Objects.requireNonNull(at, "at");
    if (method.isBlank()) {
      throw new IllegalArgumentException("an evidence method must not be blank");
    }
  }

  /** Evidence with no extra facts. */
  public static Evidence of(String method, Instant at) {
    return new Evidence(method, Map.of(), at);
  }
}
