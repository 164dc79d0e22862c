package io.civickit.notify.channel;

import io.civickit.notify.Recipient;
import java.util.Optional;

/**
 * Delivers a notification through one provider: GOV.UK Notify, an SMTP server, a folder, a
 * supplier's webhook. Implement it to plug in another provider, and prove the implementation
 * with {@code io.civickit.test.notify.NotificationChannelContract} from {@code sdk-test}.
 *
 * <p>A channel makes exactly one attempt per {@link #send} and reports the outcome as a
 * {@link SendResult}: it never retries, sleeps or throws for an expected failure (a timeout, a
 * rejected address). It is called from several threads at once and must be thread-safe.
 *
 * <p>Built-in channels: {@link GovUkNotify#builder()}, {@link Smtp#builder()},
 * {@link FolderChannel#in(java.nio.file.Path)} and {@link Webhook#builder()}.
 */
public interface NotificationChannel {

  /**
   * A short, stable name for logs, metrics and rate limits (for example
   * {@code govuk-notify}); never personal data.
   */
  String name();

  /** Whether this channel can deliver to the recipient's kind (email, text message, letter). */
  boolean supports(Recipient recipient);

  /**
   * Makes one delivery attempt. Validates the recipient first: a malformed email address or
   * phone number is a {@link SendResult.PermanentFailure} and nothing is sent.
   */
  SendResult send(OutgoingNotification notification);

  /**
   * Whether {@link #lookup(String)} can tell if a message with a given idempotency key was
   * already accepted. Where it can, the outbox looks before it re-sends after an
   * {@link SendResult.UnknownOutcome}; where it cannot, the outbox re-sends and relies on the
   * channel being idempotent by key (as the file outbox is) or accepts the small risk of a
   * duplicate.
   */
  default boolean canLookUp() {
    return false;
  }

  /**
   * Finds a message this channel already accepted under the idempotency key.
   *
   * @return the acceptance, or empty if there is none (or {@link #canLookUp()} is false)
   * @throws io.civickit.core.CivicKitException if the provider could not be asked; the caller
   *     must then treat the outcome as still unknown
   */
  default Optional<SendResult.Accepted> lookup(String idempotencyKey) {
    return Optional.empty();
  }
}
