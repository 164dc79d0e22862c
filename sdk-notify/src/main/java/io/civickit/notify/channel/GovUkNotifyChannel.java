package io.civickit.notify.channel;

import java.util.List;
import java.util.Optional;

/**
 * A {@link NotificationChannel} that sends through the GOV.UK Notify API v2, and can also ask
 * Notify for a notification's status. Built with {@link GovUkNotify#builder()}.
 *
 * <p>Notify does not deduplicate requests. This channel sends the idempotency key as Notify's
 * {@code reference}, and {@link #lookup(String)} finds an earlier acceptance by that reference,
 * so that after a timeout or a server error the outbox asks before it sends again.
 */
public interface GovUkNotifyChannel extends NotificationChannel {

  /**
   * Gets one notification by Notify's id ({@code GET /v2/notifications/{id}}).
   *
   * @return the notification, or empty if Notify does not know the id
   * @throws io.civickit.core.CivicKitException if Notify could not be asked or refused the request
   */
  Optional<NotifyNotification> status(String notificationId);

  /**
   * Finds the notifications sent with a reference ({@code GET /v2/notifications?reference=...}),
   * newest first.
   *
   * @throws io.civickit.core.CivicKitException if Notify could not be asked or refused the request
   */
  List<NotifyNotification> findByReference(String reference);
}
