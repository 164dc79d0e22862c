package io.civickit.core;

/** Where a journey is in its life. */
public enum JourneyStatus {
  /** The person is working through the steps. */
  IN_PROGRESS,
  /** The person chose to save and come back later. */
  SAVED,
  /** Handed to an assisted channel; it can be handed back to continue online. */
  HANDED_OFF,
  /** Finished: the service did what it should (which may be telling them they are not eligible). */
  COMPLETED,
  /** The person or the host app gave up on it. */
  ABANDONED,
  /** Left untouched past the retention period and purged. */
  EXPIRED;

  /** True once nothing more can be submitted. */
  public boolean isFinal() {
    return this == COMPLETED || this == ABANDONED || this == EXPIRED;
  }
}
