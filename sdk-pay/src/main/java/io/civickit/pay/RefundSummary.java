package io.civickit.pay;

import java.util.Objects;

/**
 * Whether and how much of a payment can be refunded ({@code refund_summary}).
 *
 * @param status GOV.UK Pay's refund status for the payment: {@code available}, {@code pending},
 *     {@code full}, {@code unavailable}...
 * @param amountAvailablePence how much can still be refunded, in pence
 * @param amountSubmittedPence how much has been refunded already, in pence
 */
public record RefundSummary(String status, long amountAvailablePence, long amountSubmittedPence) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code status} is null
   */
  public RefundSummary {
    Objects.requireNonNull(status, "status");
  }
}
