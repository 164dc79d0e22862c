package io.civickit.notify;

/**
 * Sends a notification made from a template the council controls.
 *
 * <p>This is the one interface other modules use to reach a person: sdk-identity sends
 * passcodes through it, handoff sends "continue online" links through it. Implementations
 * deliver through a {@code NotificationChannel} directly or enqueue into the durable outbox.
 */
@FunctionalInterface
public interface Notifier {

  /**
   * Sends (or durably queues) one notification. Sending the same
   * {@link NotificationRequest#idempotencyKey()} twice results in one message.
   *
   * @return the id under which the notification can be traced
   */
  NotificationId send(NotificationRequest request);
}
