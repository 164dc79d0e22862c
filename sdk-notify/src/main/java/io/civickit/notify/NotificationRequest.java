package io.civickit.notify;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One notification to send: a template, who to, the personalisation, and the idempotency key
 * that makes a retry or a double click one message rather than two.
 *
 * @param templateId the template's id
 * @param recipient who it goes to (the channel kind follows from this)
 * @param personalisation values for the template's placeholders; extra values are ignored
 * @param idempotencyKey the same key twice is one message
 * @param language the template language to use ({@code en} or {@code cy})
 */
public record NotificationRequest(
    String templateId,
    Recipient recipient,
    Map<String, Object> personalisation,
    String idempotencyKey,
    Locale language) {

  /**
   * Checks the components and takes an unmodifiable copy of the personalisation.
   *
   * @throws NullPointerException if any component is null, or the personalisation holds a null key
   *     or value
   * @throws IllegalArgumentException if {@code idempotencyKey} is blank
   */
  public NotificationRequest {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(recipient, "recipient");
    personalisation = Map.copyOf(personalisation);
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(language, "language");
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("the idempotency key must not be blank");
    }
  }

  @Override
  public String toString() {
    // Personalisation is personal data: never printed.
    return "NotificationRequest[template=" + templateId + ", recipient=" + recipient
        + ", fields=" + personalisation.keySet() + ", key=" + idempotencyKey + ", language=" + language + "]";
  }
}
