package io.civickit.core.handoff;

import io.civickit.core.CivicKitException;

/** A handoff was saved by someone else (another adviser, another app instance) since it was read. */
public final class HandoffConflictException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient HandoffId handoffId;
  private final long expectedVersion;

  /** Creates the exception for a handoff and the version the caller read. */
  public HandoffConflictException(HandoffId handoffId, long expectedVersion) {
    super("handoff " + handoffId + " was changed by someone else since version " + expectedVersion + " was read");
    this.handoffId = handoffId;
    this.expectedVersion = expectedVersion;
  }

  /** The handoff. */
  public HandoffId handoffId() {
    return handoffId;
  }

  /** The version the caller read. */
  public long expectedVersion() {
    return expectedVersion;
  }
}
