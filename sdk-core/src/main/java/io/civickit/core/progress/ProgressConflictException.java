package io.civickit.core.progress;

import io.civickit.core.CivicKitException;
import io.civickit.core.JourneyId;

/**
 * A save named a version that is no longer the stored one: someone else (another tab, another
 * app instance) saved first. Nothing was overwritten. Reload the journey and apply the change again.
 */
public final class ProgressConflictException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient JourneyId journeyId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception; the message says what to do, and names the journey only by its id.
   *
   * @param journeyId the journey whose save failed
   * @param expectedVersion the version the failed save was based on
   * @param actualVersion the stored version, or -1 when the journey no longer exists
   */
  public ProgressConflictException(JourneyId journeyId, long expectedVersion, long actualVersion) {
    super("journey " + journeyId + " was saved at version " + expectedVersion + " but the stored version is "
        + (actualVersion < 0 ? "gone (deleted or purged)" : String.valueOf(actualVersion))
        + ": nothing was overwritten; reload it and try again");
    this.journeyId = journeyId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * The journey whose save failed. Not kept when the exception is serialised, so this is null on
   * an exception that has been deserialised.
   *
   * @return the journey's id, or null after deserialisation
   */
  public JourneyId journeyId() {
    return journeyId;
  }

  /** The version the failed save was based on. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version in the store, or -1 if the journey is gone. */
  public long actualVersion() {
    return actualVersion;
  }
}
