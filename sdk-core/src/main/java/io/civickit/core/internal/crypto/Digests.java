package io.civickit.core.internal.crypto;

import io.civickit.core.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256, HMAC-SHA256 and constant-time comparison, in one place for every CivicKit module.
 * Internal: exported only to CivicKit's own modules, never part of the API.
 *
 * <p>A JVM without SHA-256 or HMAC-SHA256 (a stripped-down runtime, or a security provider list
 * edited to leave them out) is a {@link ConfigurationException} naming the algorithm.
 */
public final class Digests {
  private static final String SHA_256 = "SHA-256";
  private static final String HMAC_SHA_256 = "HmacSHA256";

  private Digests() {}

  /** A fresh SHA-256 digest, for hashing a stream in parts. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance(SHA_256);
    } catch (GeneralSecurityException e) {
      throw missingAlgorithm(SHA_256, e);
    }
  }

  /** The SHA-256 of the bytes. */
  public static byte[] sha256(byte[] data) {
    return newSha256().digest(Objects.requireNonNull(data, "data"));
  }

  /** The SHA-256 of the text's UTF-8 bytes. */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  /** A fresh HMAC-SHA256 keyed with {@code key}, for signing in parts or keeping per thread. */
  public static Mac hmacSha256(Key key) {
    Objects.requireNonNull(key, "key");
    try {
      Mac mac = Mac.getInstance(HMAC_SHA_256);
      mac.init(key);
      return mac;
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalArgumentException("not a key HmacSHA256 can use: " + key.getAlgorithm(), e);
    } catch (GeneralSecurityException e) {
      throw missingAlgorithm(HMAC_SHA_256, e);
    }
  }

  /** A fresh HMAC-SHA256 keyed with the key's bytes (which must not be empty). */
  public static Mac hmacSha256(byte[] key) {
    return hmacSha256(new SecretKeySpec(key, HMAC_SHA_256));
  }

  /** The HMAC-SHA256 of the bytes under the key. */
  public static byte[] hmacSha256(byte[] key, byte[] data) {
    return hmacSha256(key).doFinal(Objects.requireNonNull(data, "data"));
  }

  /**
   * Whether two byte arrays are equal, in time that depends on their lengths only, never on
   * where they first differ: for a MAC, a token or a password hash a caller gave.
   */
  public static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
  }

  /** {@link #equal(byte[], byte[])} on the strings' UTF-8 bytes. */
  public static boolean equal(String a, String b) {
    return equal(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The exception for a JVM without an algorithm every standard JDK 17 has.
   *
   * @param algorithm the algorithm's JCA name, such as {@code SHA-256}
   * @param cause the provider's failure
   * @return the exception to throw
   */
  public static ConfigurationException missingAlgorithm(String algorithm, Throwable cause) {
    return new ConfigurationException("the JVM's security providers", "have no " + algorithm,
        "run on a JDK whose providers include it (every standard JDK 17 does)", cause);
  }
}
