package io.civickit.web;

import java.util.Objects;
import java.util.Optional;

/**
 * One agent console account of the built-in sign-in: a user name, a {@link PasswordHash} and,
 * if the adviser uses an authenticator app, a TOTP secret.
 *
 * @param username lower-case letters, digits, dots, hyphens and underscores
 * @param passwordHash what {@link PasswordHash#hash} wrote
 * @param totpSecretBase32 the TOTP secret in base32, if the account has one
 */
public record StaffAccount(String username, String passwordHash, Optional<String> totpSecretBase32) {
  /** Validates the account. */
  public StaffAccount {
    Objects.requireNonNull(username, "username");
    if (!username.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
      throw new IllegalArgumentException("a staff username is lower-case letters, digits, dots, hyphens and "
          + "underscores, but was \"" + username + "\"");
    }
    Objects.requireNonNull(passwordHash, "passwordHash");
    if (PasswordHash.iterations(passwordHash).isEmpty()) {
      throw new IllegalArgumentException("the password of " + username + " is not a PasswordHash hash");
    }
    Objects.requireNonNull(totpSecretBase32, "totpSecretBase32");
  }

  @Override
  public String toString() {
    return "StaffAccount[" + username + ", totp=" + totpSecretBase32.isPresent() + "]";
  }
}
