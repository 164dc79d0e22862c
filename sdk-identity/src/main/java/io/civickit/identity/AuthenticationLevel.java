package io.civickit.identity;

import java.util.Optional;

/**
 * How strongly someone proved they hold their account: the GPG 44 levels of protection as
 * GOV.UK One Login's credential trust vectors.
 */
public enum AuthenticationLevel {
  /** {@code Cl}: a password alone. One Login advises it only for services holding no personal data. */
  LOW("Cl"),
  /** {@code Cl.Cm}: a password and a second factor. One Login's default, and required for identity. */
  MEDIUM("Cl.Cm");

  private final String vector;

  AuthenticationLevel(String vector) {
    this.vector = vector;
  }

  /** The credential trust vector: {@code Cl} or {@code Cl.Cm}. */
  public String vectorOfTrust() {
    return vector;
  }

  /** True when this level is the same as or above {@code other}. */
  public boolean isAtLeast(AuthenticationLevel other) {
    return compareTo(other) >= 0;
  }

  /** The level of a {@code vot} claim value such as {@code Cl.Cm}; empty for anything else. */
  public static Optional<AuthenticationLevel> fromVector(String vot) {
    for (AuthenticationLevel level : values()) {
      if (level.vector.equals(vot)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
