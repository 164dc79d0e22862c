package io.civickit.pay.step;

import io.civickit.core.Journey;
import io.civickit.pay.PaymentFailureReason;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a journey's payment stands, with what to offer the person next. Each case carries the
 * journey as it now is: after {@link Paid} it has moved on past the payment step.
 */
public sealed interface PaymentOutcome {

  /** The journey, as saved after the outcome was recorded. */
  Journey journey();

  /** What the outcome page offers, first the main action. */
  List<NextAction> nextActions();

  /**
   * Paid (or, with delayed capture, authorised and waiting for the council to capture): the
   * journey has moved on; show {@code journey().currentStep()}.
   *
   * @param journey the journey, moved on
   * @param record the payment, for the confirmation page and the submission
   */
  record Paid(Journey journey, PaymentRecord record) implements PaymentOutcome {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if either is null
     */
    public Paid {
      Objects.requireNonNull(journey, "journey");
      Objects.requireNonNull(record, "record");
    }

    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.CONTINUE);
    }
  }

  /**
   * The card was declined ({@code P0010}): "Your payment has been declined. No money has been
   * taken." Offer to try again (perhaps with another card) or get help.
   *
   * @param journey the journey, still on the payment step
   */
  record Declined(Journey journey) implements PaymentOutcome {
    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.TRY_AGAIN, NextAction.GET_HELP);
    }
  }

  /**
   * The payment page timed out ({@code P0020}). No money was taken. Offer to try again.
   *
   * @param journey the journey, still on the payment step
   */
  record Expired(Journey journey) implements PaymentOutcome {
    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.TRY_AGAIN, NextAction.GET_HELP);
    }
  }

  /**
   * The person cancelled on the payment page ({@code P0030}). No money was taken. Offer to try
   * again or get help.
   *
   * @param journey the journey, still on the payment step
   */
  record CancelledByUser(Journey journey) implements PaymentOutcome {
    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.TRY_AGAIN, NextAction.GET_HELP);
    }
  }

  /**
   * Something went wrong at GOV.UK Pay or its provider ({@code P0050}), or the service cancelled
   * the payment ({@code P0040}). No money was taken. "Sorry, there is a problem with the
   * service": offer to try again later or get help.
   *
   * @param journey the journey, still on the payment step
   * @param reason GOV.UK Pay's reason, when it gave a known code
   */
  record Error(Journey journey, Optional<PaymentFailureReason> reason) implements PaymentOutcome {
    /**
     * Checks the reason is present (perhaps empty).
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public Error {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.GET_HELP, NextAction.TRY_AGAIN);
    }
  }

  /**
   * The payment has not finished: the person may still be on the payment page (another tab), or
   * their card details are being checked. Offer to continue to the payment page when
   * {@code continueAt} is present, otherwise to wait and check again.
   *
   * @param journey the journey, still on the payment step
   * @param continueAt GOV.UK Pay's payment page, while the person can still use it
   */
  record StillInProgress(Journey journey, Optional<URI> continueAt) implements PaymentOutcome {
    /**
     * Checks {@code continueAt} is present (perhaps empty).
     *
     * @throws NullPointerException if {@code continueAt} is null
     */
    public StillInProgress {
      Objects.requireNonNull(continueAt, "continueAt");
    }

    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.WAIT);
    }

    @Override
    public String toString() {
      return "StillInProgress[" + journey + (continueAt.isPresent() ? ", can continue" : "") + "]";
    }
  }

  /**
   * No payment has been started for this journey: show the payment step with its pay button.
   *
   * @param journey the journey
   */
  record NotStarted(Journey journey) implements PaymentOutcome {
    @Override
    public List<NextAction> nextActions() {
      return List.of(NextAction.PAY);
    }
  }
}
