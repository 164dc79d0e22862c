package io.civickit.notify.internal.outbox;

import io.civickit.core.ConfigurationException;
import io.civickit.core.progress.KeyRing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The outbox's column encryption: a row's recipients and personalisation sealed with AES-256-GCM
 * under the key ring, the message id bound in as associated data, behind a prefix that JSON never
 * starts with; without a key ring the columns hold JSON in the clear.
 */
final class OutboxColumnCipher {
  /** Prefix of a column value sealed with the key ring; JSON never starts with it. */
  static final String SEALED = "sealed:";

  private final Optional<KeyRing> keyRing;

  OutboxColumnCipher(Optional<KeyRing> keyRing) {
    this.keyRing = keyRing;
  }

  /** Encrypts a column value under the key ring, bound to the message id; the clear text when there is none. */
  String seal(String id, String json) {
    if (keyRing.isEmpty()) {
      return json;
    }
    byte[] sealed = keyRing.get().encrypt(json.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
    return SEALED + Base64.getEncoder().encodeToString(sealed);
  }

  /** Reverses {@link #seal}; values written without a key ring pass through. */
  String unseal(String id, String stored) {
    if (!stored.startsWith(SEALED)) {
      return stored;
    }
    if (keyRing.isEmpty()) {
      throw new ConfigurationException("Outbox.builder().keyRing", "is not set, and outbox message " + id + " is encrypted",
          "give the outbox the key ring it was written with");
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
    return new String(keyRing.get().decrypt(sealed, id.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }
}
