package io.civickit.files;

import io.civickit.core.CivicKitException;

/** A file store failed: the disk or database refused, or stored data could not be read. */
public class FileStoreException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed, naming ids only (never a file's name or contents) */
  public FileStoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming ids only
   * @param cause the underlying fault
   */
  public FileStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
