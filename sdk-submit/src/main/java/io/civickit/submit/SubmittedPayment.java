package io.civickit.submit;

import java.util.Objects;

/**
 * A payment made for a submission, as the payment step reported it. A plain record so that any
 * payment module (GOV.UK Pay or a council's own) can fill it in.
 *
 * @param amountPence the amount in pence, never negative
 * @param providerId the payment provider's id for this payment (for GOV.UK Pay, its
 *     {@code payment_id}); not personal data
 * @param status the provider's status for it, for example {@code success}
 * @param reference the reference the payment was made under, usually the journey reference
 */
public record SubmittedPayment(long amountPence, String providerId, String status, String reference) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a text component is null
   * @throws IllegalArgumentException if the amount is negative or a text component is blank
   */
  public SubmittedPayment {
    if (amountPence < 0) {
      throw new IllegalArgumentException("a payment amount must not be negative, but was " + amountPence);
    }
    notBlank(providerId, "providerId");
    notBlank(status, "status");
    notBlank(reference, "reference");
  }

  static void notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
