package io.civickit.spring;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The server key: the secret that keys passcode hashes and handoff context signatures, as a
 * bean. Configured from {@code civickit.server-key}; define a bean of this type to supply it
 * another way (a vault, for example).
 */
public final class ServerKey {
  /** The shortest key accepted, in bytes. */
  public static final int MIN_BYTES = 32;

  private final byte[] key;

  private ServerKey(byte[] key) {
    this.key = key.clone();
  }

  /**
   * Wraps a key.
   *
   * @param key at least {@value #MIN_BYTES} random bytes
   * @return the server key
   * @throws IllegalArgumentException if the key is shorter, naming its length
   */
  public static ServerKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException("the server key must be at least " + MIN_BYTES + " bytes, but was "
          + key.length);
    }
    return new ServerKey(key);
  }

  /** A copy of the key's bytes. */
  public byte[] bytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerKey k && MessageDigest.isEqual(key, k.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never the key itself. */
  @Override
  public String toString() {
    return "ServerKey[" + key.length + " bytes]";
  }
}
