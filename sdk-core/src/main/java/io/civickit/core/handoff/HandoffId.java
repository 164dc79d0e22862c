package io.civickit.core.handoff;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The id of one handoff: 128 random bits as 22 URL-safe base64 characters. Channels use it as
 * their idempotency key, so a retried handoff is one chat, one call-back, one email.
 *
 * @param value the 22-character id
 */
public record HandoffId(String value) {
  private static final SecureRandom SECURE = new SecureRandom();

  /** Checks the format. */
  public HandoffId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[A-Za-z0-9_-]{22}")) {
      throw new IllegalArgumentException("a handoff id is 22 URL-safe base64 characters, but was \""
          + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "\"");
    }
  }

  /** A new random id. */
  public static HandoffId random() {
    return random(SECURE);
  }

  /** A new id from the given randomness (tests pass a seeded one). */
  public static HandoffId random(RandomGenerator random) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 16; i += 8) {
      long l = random.nextLong();
      for (int j = 0; j < 8; j++) {
        bytes[i + j] = (byte) (l >>> (8 * j));
      }
    }
    return new HandoffId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Parses an id that arrived from outside, returning empty for anything malformed. */
  public static Optional<HandoffId> tryParse(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{22}") ? Optional.of(new HandoffId(value)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
