package io.civickit.core.progress;

import io.civickit.core.CivicKitException;

/**
 * Saved answers could not be decrypted: the row was altered, copied from another journey, or
 * encrypted with a key that is no longer in the key ring. Never returns garbage instead.
 */
public final class ProgressDecryptionException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with the fault that caused it.
   *
   * @param message what could not be decrypted, and why; never any of the saved answers
   * @param cause the underlying fault, such as the cipher's exception
   */
  public ProgressDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception for a check that failed without an underlying fault, such as a key id
   * missing from the key ring.
   *
   * @param message what could not be decrypted, and why; never any of the saved answers
   */
  public ProgressDecryptionException(String message) {
    super(message);
  }
}
