package io.civickit.notify.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * A notification as GOV.UK Notify reports it when asked for its status.
 *
 * @param id Notify's notification id
 * @param reference the reference it was sent with (CivicKit sends the idempotency key), if any
 * @param type {@code email}, {@code sms} or {@code letter}
 * @param status Notify's status, for example {@code created}, {@code sending}, {@code delivered},
 *     {@code permanent-failure}, {@code temporary-failure}, {@code technical-failure},
 *     {@code accepted}, {@code received}
 */
public record NotifyNotification(String id, Optional<String> reference, String type, String status) {
  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public NotifyNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
  }

  /** Whether Notify says the message reached the person (or, for a letter, was received by the printer). */
  public boolean isDelivered() {
    return status.equals("delivered") || status.equals("received");
  }

  /** Whether Notify has given up on the message. */
  public boolean isFailed() {
    return status.endsWith("failure") || status.equals("validation-failed") || status.equals("virus-scan-failed")
        || status.equals("cancelled");
  }
}
