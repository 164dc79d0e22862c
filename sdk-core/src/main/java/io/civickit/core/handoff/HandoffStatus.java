package io.civickit.core.handoff;

/** Where a handoff is in its life: requested, accepted by an adviser, then resolved or handed back. */
public enum HandoffStatus {
  /** Passed to a channel; no adviser has picked it up yet. */
  REQUESTED,
  /** An adviser picked it up. */
  ACCEPTED,
  /** The adviser dealt with it (by phone, a case, or by completing the journey with the person). */
  RESOLVED,
  /** The adviser sent the person a "continue online" link to finish the journey themselves. */
  HANDED_BACK;

  /** True while an adviser still has something to do. */
  public boolean isOpen() {
    return this == REQUESTED || this == ACCEPTED;
  }
}
