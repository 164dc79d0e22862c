package io.civickit.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A journey's unguessable id: 128 random bits, written as 22 URL-safe base64 characters.
 * It is never shown to the person (that is the {@link Reference}); it is what stores key on.
 *
 * @param value the 22 characters, from {@code [A-Za-z0-9_-]}
 */
public record JourneyId(String value) {

  private static final SecureRandom SECURE = new SecureRandom();

  /**
   * Checks the id's form. Use {@link #tryParse(String)} for ids that arrive from outside.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not 22 URL-safe base64 characters
   */
  public JourneyId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[A-Za-z0-9_-]{22}")) {
      throw new IllegalArgumentException(
          "a journey id is 22 URL-safe base64 characters, but was \"" + abbreviate(value) + "\"");
    }
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }

  /** A new id from a {@link SecureRandom}. */
  public static JourneyId random() {
    return random(SECURE);
  }

  /** A new id from the given source of randomness (tests pass a seeded one). */
  public static JourneyId random(RandomGenerator random) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 16; i += 8) {
      long l = random.nextLong();
      for (int j = 0; j < 8; j++) {
        bytes[i + j] = (byte) (l >>> (8 * j));
      }
    }
    return new JourneyId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Parses an id, returning empty instead of throwing for anything malformed (ids arrive from browsers). */
  public static java.util.Optional<JourneyId> tryParse(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{22}")
        ? java.util.Optional.of(new JourneyId(value)) : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
