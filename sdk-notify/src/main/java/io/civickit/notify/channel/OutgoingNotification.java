package io.civickit.notify.channel;

import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message ready for a channel: the request it came from and the message rendered from it.
 *
 * <p>Channels that deliver content themselves (SMTP, the file outbox, a webhook) send
 * {@link #message()}; GOV.UK Notify renders its own copy from {@link #templateId()} and
 * {@link #personalisation()}.
 *
 * @param idempotencyKey the same key twice is one message; channels pass it to the provider where they can
 * @param templateId the template the message was rendered from
 * @param recipient who it goes to
 * @param personalisation the values the template was filled with
 * @param language the template language used
 * @param message the rendered message, whose kind matches the recipient's
 */
public record OutgoingNotification(
    String idempotencyKey,
    String templateId,
    Recipient recipient,
    Map<String, Object> personalisation,
    Locale language,
    RenderedMessage message) {

  /**
   * Checks the components and takes an unmodifiable copy of the personalisation.
   *
   * @throws NullPointerException if any component is null, or the personalisation holds a null key
   *     or value
   * @throws IllegalArgumentException if the message's kind does not match the recipient's (an SMS
   *     for an email address, say)
   */
  public OutgoingNotification {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(recipient, "recipient");
    personalisation = Map.copyOf(personalisation);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(message, "message");
    boolean matches = (recipient instanceof Recipient.Email && message instanceof RenderedMessage.Email)
        || (recipient instanceof Recipient.Sms && message instanceof RenderedMessage.Sms)
        || (recipient instanceof Recipient.Letter && message instanceof RenderedMessage.Letter);
    if (!matches) {
      throw new IllegalArgumentException("a " + message.getClass().getSimpleName()
          + " message cannot go to a " + recipient.getClass().getSimpleName() + " recipient");
    }
  }

  /** Pairs a request with the message rendered from it. */
  public static OutgoingNotification of(NotificationRequest request, RenderedMessage message) {
    return new OutgoingNotification(request.idempotencyKey(), request.templateId(), request.recipient(),
        request.personalisation(), request.language(), message);
  }

  @Override
  public String toString() {
    return "OutgoingNotification[key=" + idempotencyKey + ", template=" + templateId + ", recipient=" + recipient + "]";
  }
}
