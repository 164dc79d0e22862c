package io.civickit.core;

/**
 * The root of every exception CivicKit throws for a bug or an infrastructure fault.
 *
 * <p>Expected outcomes (a wrong passcode, a form with errors, an expired link) are never
 * exceptions: they are returned as sealed result types. An exception means the caller or the
 * infrastructure did something it should not have; its message says what.
 *
 * <p>It is never thrown itself, only its specific subclasses ({@link ConfigurationException},
 * {@link StorageUnavailableException}, {@link UnreadableDataException},
 * {@link ServiceUnavailableException} and each module's own), so its constructors are for
 * subclasses only. Catch it to handle every CivicKit failure in one place.
 */
public class CivicKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what went wrong. */
  protected CivicKitException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the fault that caused it. */
  protected CivicKitException(String message, Throwable cause) {
    super(message, cause);
  }
}
