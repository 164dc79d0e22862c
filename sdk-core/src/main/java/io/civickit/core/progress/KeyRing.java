package io.civickit.core.progress;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM keys for encrypting saved answers, each with an id, one of them active.
 *
 * <p>New saves use the active key; reads use whichever key the saved bytes name, so keys rotate
 * without losing drafts: add a new key as active, keep the old ones until every journey saved
 * under them has been saved again or expired, or re-encrypt them at once with
 * {@link KeyRotation} ({@code civickit keys rotate}). The caller binds each ciphertext to where it
 * belongs with associated data (a saved journey: its id and version), so a row copied onto another
 * journey, or an older save of the same journey put back, does not decrypt.
 *
 * <p>A key ring is written as text {@code id1:base64key,id2:base64key}, the first being active:
 * keep it in the council's secret store and pass it with {@link #parse(String)}.
 */
public final class KeyRing {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  // Cipher.getInstance looks the provider up on every call; a Cipher is not thread-safe but is
  // fully re-initialised (key and a fresh nonce) before each use, so one per thread is safe.
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  });

  private final String activeId;
  private final Map<String, SecretKey> keys;

  private KeyRing(String activeId, Map<String, SecretKey> keys) {
    this.activeId = activeId;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /**
   * A key ring from raw 32-byte keys by id; {@code activeId} names the one new saves use.
   *
   * @throws IllegalArgumentException for a key that is not 32 bytes, a bad id, or an unknown active id
   */
  public static KeyRing of(String activeId, Map<String, byte[]> keys) {
    Map<String, SecretKey> map = new LinkedHashMap<>();
    keys.forEach((id, bytes) -> {
      checkId(id);
      if (bytes.length != 32) {
        throw new IllegalArgumentException("key \"" + id + "\" must be 32 bytes (AES-256), but was " + bytes.length);
      }
      map.put(id, new SecretKeySpec(bytes.clone(), "AES"));
    });
    if (!map.containsKey(activeId)) {
      throw new IllegalArgumentException("the active key \"" + activeId + "\" is not in the ring " + map.keySet());
    }
    return new KeyRing(activeId, map);
  }

  private static void checkId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,32}")) {
      throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, '.', '_' or '-', but was \"" + id + "\"");
    }
  }

  /** A new ring with one fresh random key. */
  public static KeyRing generate(String keyId) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return of(keyId, Map.of(keyId, key));
  }

  /**
   * Reads {@code id1:base64key,id2:base64key}; the first key is active.
   *
   * @throws IllegalArgumentException naming the entry that is wrong (never printing key material)
   */
  public static KeyRing parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, byte[]> keys = new LinkedHashMap<>();
    String active = null;
    int n = 0;
    for (String entry : text.strip().split(",")) {
      n++;
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("key ring entry " + n + " is not id:base64key");
      }
      String id = entry.substring(0, colon).strip();
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("key \"" + id + "\" in the key ring is not base64");
      }
      if (keys.put(id, bytes) != null) {
        throw new IllegalArgumentException("key id \"" + id + "\" appears twice in the key ring");
      }
      if (active == null) {
        active = id;
      }
    }
    return of(active, keys);
  }

  /** This ring as text for {@link #parse(String)}: contains the keys, so keep it secret. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(activeId).append(':').append(Base64.getEncoder().encodeToString(keys.get(activeId).getEncoded()));
    keys.forEach((id, k) -> {
      if (!id.equals(activeId)) {
        b.append(',').append(id).append(':').append(Base64.getEncoder().encodeToString(k.getEncoded()));
      }
    });
    return b.toString();
  }

  /** A copy of this ring with a new active key, the old keys kept for reading. */
  public KeyRing rotateTo(String newKeyId, byte[] newKey) {
    Map<String, byte[]> raw = new LinkedHashMap<>();
    raw.put(newKeyId, newKey);
    keys.forEach((id, k) -> {
      if (raw.putIfAbsent(id, k.getEncoded()) != null) {
        throw new IllegalArgumentException("key id \"" + id + "\" is already in the ring");
      }
    });
    return of(newKeyId, raw);
  }

  /** The id of the key new saves use. */
  public String activeKeyId() {
    return activeId;
  }

  /** The ids of every key that can decrypt. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /** Encrypts with the active key; {@code associatedData} must be given again to decrypt. */
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    byte[] id = activeId.getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header(id));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
          .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static byte[] header(byte[] id) {
    byte[] h = new byte[2 + id.length];
    h[0] = FORMAT;
    h[1] = (byte) id.length;
    System.arraycopy(id, 0, h, 2, id.length);
    return h;
  }

  /**
   * The id of the key that sealed these bytes, read from their header without decrypting: lets a
   * re-encryption pass skip what is already under the active key. Empty when the bytes are not in
   * CivicKit's encrypted format.
   */
  public java.util.Optional<String> keyIdOf(byte[] sealed) {
    if (sealed.length < 2 || sealed[0] != FORMAT || sealed.length < 2 + (sealed[1] & 0xff)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new String(sealed, 2, sealed[1] & 0xff, StandardCharsets.US_ASCII));
  }

  /**
   * Decrypts bytes made by {@link #encrypt}.
   *
   * @throws ProgressDecryptionException if the bytes were altered, the associated data differs,
   *     or the key they name is not in this ring
   */
  public byte[] decrypt(byte[] sealed, byte[] associatedData) {
    if (sealed.length < 2 || sealed[0] != FORMAT) {
      throw new ProgressDecryptionException("saved data is not in CivicKit's encrypted format");
    }
    int idLength = sealed[1] & 0xff;
    if (sealed.length < 2 + idLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new ProgressDecryptionException("saved data is truncated");
    }
    byte[] id = java.util.Arrays.copyOfRange(sealed, 2, 2 + idLength);
    String keyId = new String(id, StandardCharsets.US_ASCII);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new ProgressDecryptionException("saved data was encrypted with key \"" + keyId
          + "\", which is not in the key ring " + keys.keySet() + ": add it back to read these journeys");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, key,
          new GCMParameterSpec(TAG_BITS, sealed, 2 + idLength, NONCE_BYTES));
      cipher.updateAAD(header(id));
      cipher.updateAAD(associatedData);
      int offset = 2 + idLength + NONCE_BYTES;
      return cipher.doFinal(sealed, offset, sealed.length - offset);
    } catch (AEADBadTagException e) {
      throw new ProgressDecryptionException(
          "saved data failed its integrity check: it was altered or belongs to another journey", e);
    } catch (GeneralSecurityException e) {
      throw new ProgressDecryptionException("saved data could not be decrypted: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "KeyRing[active=" + activeId + ", keys=" + keys.keySet() + "]";
  }
}
