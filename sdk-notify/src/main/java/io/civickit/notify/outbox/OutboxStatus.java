package io.civickit.notify.outbox;

/** Where a message in the outbox is. */
public enum OutboxStatus {
  /** Waiting for a worker: new, or waiting to be retried. */
  QUEUED,
  /** Claimed by a worker, which holds a lease on it. */
  SENDING,
  /** A channel accepted it. */
  SENT,
  /** The provider reported that it reached the person ({@link Outbox#markDelivered}). */
  DELIVERED,
  /** Dead-lettered: it failed for good on every channel it could go to; the last error is kept. */
  FAILED;

  /** Whether the message will not change again on its own. */
  public boolean isFinal() {
    return this == SENT || this == DELIVERED || this == FAILED;
  }
}
