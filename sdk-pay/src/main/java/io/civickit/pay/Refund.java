package io.civickit.pay;

import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) a payment.
 *
 * @param refundId GOV.UK Pay's id for the refund
 * @param paymentId the payment refunded
 * @param amountPence how much, in pence
 * @param status where the refund is
 * @param createdDate when it was created
 */
public record Refund(String refundId, String paymentId, long amountPence, RefundStatus status, Instant createdDate) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the amount is not positive
   */
  public Refund {
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdDate, "createdDate");
    if (amountPence <= 0) {
      throw new IllegalArgumentException("a refund amount is positive, but was " + amountPence);
    }
  }
}
