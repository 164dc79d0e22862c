package io.civickit.pay;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment as GOV.UK Pay reports it. Holds no personal data: the person's email address and card
 * details in Pay's answer are not kept.
 *
 * @param paymentId GOV.UK Pay's id for the payment
 * @param amountPence the amount, in pence
 * @param reference the service's reference sent when it was created (CivicKit sends the journey's reference)
 * @param description the description the person saw
 * @param state where the payment is
 * @param nextUrl where to send the person to pay; present only while they still can
 *     ({@code created} and {@code started})
 * @param returnUrl where GOV.UK Pay sends the person afterwards
 * @param delayedCapture true when the service captures the payment itself
 * @param createdDate when the payment was created
 * @param provider the payment service provider ({@code payment_provider}): {@code worldpay},
 *     {@code stripe}, {@code sandbox}...
 * @param refundSummary how much can be refunded, when GOV.UK Pay says
 */
public record Payment(String paymentId, long amountPence, String reference, String description, PaymentState state,
    Optional<URI> nextUrl, String returnUrl, boolean delayedCapture, Instant createdDate, String provider,
    Optional<RefundSummary> refundSummary) {

  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public Payment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextUrl, "nextUrl");
    Objects.requireNonNull(returnUrl, "returnUrl");
    Objects.requireNonNull(createdDate, "createdDate");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(refundSummary, "refundSummary");
  }

  /** The payment's status, short for {@code state().status()}. */
  public PaymentStatus status() {
    return state.status();
  }

  @Override
  public String toString() {
    // next_url carries a one-time token for the payment page: never printed.
    return "Payment[" + paymentId + ", " + amountPence + "p, " + state.status().apiName()
        + state.code().map(c -> " " + c).orElse("") + ", reference=" + reference + "]";
  }
}
