package io.civickit.core.progress;

import io.civickit.core.CivicKitException;

/**
 * Saved answers could not be decrypted: the row was altered, copied from another journey, or
 * encrypted with a key that is no longer in the key ring. Never returns garbage instead.
 */
public final class ProgressDecryptionException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  public ProgressDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }

  public ProgressDecryptionException(String message) {
    super(message);
  }
}
