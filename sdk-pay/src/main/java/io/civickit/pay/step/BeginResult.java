package io.civickit.pay.step;

import java.net.URI;
import java.util.Objects;

/** What pressing the pay button did. */
public sealed interface BeginResult {

  /**
   * Send the person to GOV.UK Pay (HTTP 303 to {@code nextUrl}). The payment id was saved on the
   * journey before this was returned. A second press while this payment is in progress returns
   * the same payment again.
   *
   * @param nextUrl GOV.UK Pay's payment page
   * @param paymentId GOV.UK Pay's id for the payment
   */
  record Redirect(URI nextUrl, String paymentId) implements BeginResult {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if either is null
     */
    public Redirect {
      Objects.requireNonNull(nextUrl, "nextUrl");
      Objects.requireNonNull(paymentId, "paymentId");
    }

    @Override
    public String toString() {
      // next_url holds a one-time token for the payment page: never printed.
      return "Redirect[" + paymentId + "]";
    }
  }

  /**
   * The payment has already been settled one way or another (paid, or being processed after the
   * card details were sent): show this outcome instead of taking another payment.
   *
   * @param outcome where the payment stands
   */
  record AlreadySettled(PaymentOutcome outcome) implements BeginResult {
    /**
     * Checks the outcome is present.
     *
     * @throws NullPointerException if {@code outcome} is null
     */
    public AlreadySettled {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * The fee came to nothing: no payment was created and the journey moved on.
   *
   * @param outcome the outcome, a {@link PaymentOutcome.Paid} of 0 pence
   */
  record NothingToPay(PaymentOutcome outcome) implements BeginResult {
    /**
     * Checks the outcome is present.
     *
     * @throws NullPointerException if {@code outcome} is null
     */
    public NothingToPay {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * The journey is not on the payment step (an old tab, the back button, a finished journey):
   * nothing was done; send the person to {@code currentStep}.
   *
   * @param currentStep the step the journey is on
   */
  record NotAvailable(String currentStep) implements BeginResult {
    /**
     * Checks the step is present.
     *
     * @throws NullPointerException if {@code currentStep} is null
     */
    public NotAvailable {
      Objects.requireNonNull(currentStep, "currentStep");
    }
  }
}
