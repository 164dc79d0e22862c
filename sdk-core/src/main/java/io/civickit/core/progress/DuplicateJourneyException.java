package io.civickit.core.progress;

import io.civickit.core.CivicKitException;

/** A new journey's id or reference number is already taken. The engine retries with a new reference. */
public final class DuplicateJourneyException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which id or reference was taken
   */
  public DuplicateJourneyException(String message) {
    super(message);
  }
}
