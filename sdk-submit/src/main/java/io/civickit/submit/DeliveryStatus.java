package io.civickit.submit;

/** Where one submission's delivery to one destination is. */
public enum DeliveryStatus {
  /** Waiting for its (next) attempt. */
  QUEUED,
  /** Claimed by a worker, which holds a lease on it. */
  SENDING,
  /** The destination holds the submission. */
  DELIVERED,
  /** Dead-lettered: failed for good or too many times; waiting for someone to send it again. */
  FAILED
}
