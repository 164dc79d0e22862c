package io.civickit.pay;

import java.util.Objects;

/** What asking GOV.UK Pay for a refund did. */
public sealed interface RefundResult {

  /**
   * Accepted: the refund is submitted (or already done).
   *
   * @param refund the refund
   */
  record Submitted(Refund refund) implements RefundResult {
    /**
     * Checks that the refund is present.
     *
     * @throws NullPointerException if {@code refund} is null
     */
    public Submitted {
      Objects.requireNonNull(refund, "refund");
    }
  }

  /**
   * The amount still available to refund was not what the request said: someone else refunded
   * in between ({@code P0604}, HTTP 412). Nothing was refunded; look the payment up and decide again.
   */
  record AmountAvailableMismatch() implements RefundResult {}

  /**
   * The payment cannot be refunded now, or not by that much ({@code P0603}): not yet captured,
   * already fully refunded, or disputed. Nothing was refunded.
   *
   * @param code GOV.UK Pay's error code
   */
  record NotAvailable(String code) implements RefundResult {
    /**
     * Checks that the code is present.
     *
     * @throws NullPointerException if {@code code} is null
     */
    public NotAvailable {
      Objects.requireNonNull(code, "code");
    }
  }
}
