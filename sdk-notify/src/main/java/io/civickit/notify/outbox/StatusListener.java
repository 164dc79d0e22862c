package io.civickit.notify.outbox;

/**
 * Hears every status change of every message this outbox instance makes. Called on the worker's
 * thread, after the change is stored (for an enqueue inside a caller's transaction: after the
 * insert, before the caller commits). Keep it quick; an exception it throws is logged and
 * ignored.
 */
@FunctionalInterface
public interface StatusListener {

  /** One message changed status. */
  void onStatusChange(StatusChange change);
}
