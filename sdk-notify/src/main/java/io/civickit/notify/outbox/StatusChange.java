package io.civickit.notify.outbox;

import io.civickit.notify.NotificationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message moving from one status to another.
 *
 * @param id the message
 * @param idempotencyKey the key it was enqueued with
 * @param from its status before (empty when it was just enqueued)
 * @param to its status now
 * @param channel the channel involved, if any
 * @param providerId the provider's id, once sent
 * @param error the failure that caused the change, if any (no personal data)
 * @param at when, by the outbox's clock
 */
public record StatusChange(
    NotificationId id,
    String idempotencyKey,
    Optional<OutboxStatus> from,
    OutboxStatus to,
    Optional<String> channel,
    Optional<String> providerId,
    Optional<String> error,
    Instant at) {

  /**
   * Checks that every component is present; an absent value is empty, never null.
   *
   * @throws NullPointerException if any component is null
   */
  public StatusChange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(at, "at");
  }
}
