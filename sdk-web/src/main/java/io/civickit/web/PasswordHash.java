package io.civickit.web;

import io.civickit.core.internal.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff passwords, stored only as PBKDF2-HMAC-SHA256 hashes with a random salt
 * ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, base64). The JDK's own PBKDF2 is used so the
 * runner needs no extra library; a council with Argon2 or bcrypt in its stack should use that.
 * Run {@code java -cp ... io.civickit.web.PasswordHash} to hash a password for the staff accounts file.
 */
public final class PasswordHash {
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /**
   * Hashes a password with {@link #DEFAULT_ITERATIONS}.
   *
   * @param password the password
   * @return {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
   */
  public static String hash(char[] password) {
    return hash(password, DEFAULT_ITERATIONS);
  }

  /**
   * Hashes a password with the given number of iterations (tests use fewer).
   *
   * @param password the password
   * @param iterations at least 1000
   * @return {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
   */
  public static String hash(char[] password, int iterations) {
    if (iterations < 1000) {
      throw new IllegalArgumentException("iterations must be at least 1000, but was " + iterations);
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] h = pbkdf2(password, salt, iterations);
    Base64.Encoder e = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$" + iterations + "$" + e.encodeToString(salt) + "$" + e.encodeToString(h);
  }

  /**
   * The number of iterations a stored hash uses.
   *
   * @param stored a hash made by {@link #hash}
   * @return its iterations, or empty for a malformed hash
   */
  public static java.util.OptionalInt iterations(String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return java.util.OptionalInt.empty();
    }
    try {
      return java.util.OptionalInt.of(Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      return java.util.OptionalInt.empty();
    }
  }

  /**
   * Whether the password matches the stored hash; compared in constant time.
   *
   * @param password the password typed
   * @param stored the stored hash
   * @return false for a wrong password or a malformed hash
   */
  public static boolean matches(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1000 || iterations > 10_000_000) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return Digests.equal(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    }
  }

  /**
   * Reads a password from the console (or standard input) and prints its hash.
   *
   * @param args none
   * @throws java.io.IOException if standard input cannot be read
   */
  public static void main(String[] args) throws java.io.IOException {
    char[] password;
    if (System.console() != null) {
      password = System.console().readPassword("Password: ");
    } else {
      password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip().toCharArray();
    }
    System.out.println(hash(password));
  }
}
