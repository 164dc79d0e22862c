package io.civickit.identity.internal;

import io.civickit.core.internal.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hashing (HMAC-SHA256) and constant-time comparison, shared by every check. */
public final class Secrets {
  /** The shortest server key accepted: 256 bits, the HMAC-SHA256 output size. */
  public static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  public Secrets(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the server key must be at least " + MIN_KEY_BYTES + " bytes (256 bits), but was " + key.length + " bytes");
    }
    this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
  }

  /** HMAC-SHA256 over the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
  public byte[] mac(String... parts) {
    Mac mac = Digests.hmacSha256(key);
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      mac.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8), (byte) bytes.length});
      mac.update(bytes);
    }
    return mac.doFinal();
  }

  /** {@link #mac} as lower-case hex. */
  public String macHex(String... parts) {
    return HexFormat.of().formatHex(mac(parts));
  }

  /** Compares a fresh MAC with a stored hex one in time that does not depend on where they differ. */
  public static boolean matches(byte[] computed, String storedHex) {
    byte[] stored;
    try {
      stored = HexFormat.of().parseHex(storedHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return Digests.equal(computed, stored);
  }
}
