package io.civickit.pay.step;

import io.civickit.pay.PaymentStatus;
import java.util.Objects;

/**
 * A journey's payment, for the submission document and the agent console.
 *
 * @param amountPence the amount, in pence (0 when the fee was nothing and no payment was taken)
 * @param paymentId GOV.UK Pay's id for the payment (empty text when none was needed)
 * @param status the payment's status when last looked at
 * @param reference the reference sent to GOV.UK Pay: the journey's reference
 * @param provider who took the payment: {@value #GOV_UK_PAY}, or {@code none} when nothing was due
 */
public record PaymentRecord(long amountPence, String paymentId, PaymentStatus status, String reference,
    String provider) {

  /** The provider name for payments taken through GOV.UK Pay. */
  public static final String GOV_UK_PAY = "govuk-pay";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the amount is negative
   */
  public PaymentRecord {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(provider, "provider");
    if (amountPence < 0) {
      throw new IllegalArgumentException("an amount is at least 0, but was " + amountPence);
    }
  }
}
