package io.civickit.notify.outbox;

import io.civickit.notify.NotificationId;
import io.civickit.notify.Recipient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in the outbox as it stands. Holds no personalisation.
 *
 * @param id the outbox's id for it
 * @param idempotencyKey the key it was enqueued with
 * @param templateId its template
 * @param recipient who it is going to now (a fallback recipient after a fallback)
 * @param status where it is
 * @param attempts attempts made on the current recipient
 * @param nextAttemptAt when a worker may next try it (for a queued message)
 * @param channel the channel that last tried it
 * @param providerId the provider's id once sent
 * @param lastError the last failure, with no personal data in it
 */
public record OutboxMessage(
    NotificationId id,
    String idempotencyKey,
    String templateId,
    Recipient recipient,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> channel,
    Optional<String> providerId,
    Optional<String> lastError) {

  /**
   * Checks that every component is present; an absent value is empty, never null.
   *
   * @throws NullPointerException if any component is null
   */
  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(lastError, "lastError");
  }
}
