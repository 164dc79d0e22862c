package io.civickit.core;

import java.util.List;
import java.util.Objects;

/** What happened when a page was submitted. Every case carries the journey as it now is. */
public sealed interface SubmitResult {

  /** The journey after the submission. */
  Journey journey();

  /** Accepted; the person goes on to {@code journey().currentStep()}. */
  record Moved(Journey journey) implements SubmitResult {}

  /**
   * Errors: show the same page again with them and with what was typed
   * ({@code journey().drafts()}). {@code failuresOnStep} counts failures in a row on this step.
   */
  record Invalid(Journey journey, List<FieldError> errors, int failuresOnStep) implements SubmitResult {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /** The journey reached an end step and is complete. */
  record Completed(Journey journey, Outcome outcome) implements SubmitResult {}

  /** The step says the person needs a person: hand the journey off. */
  record HandoffNeeded(Journey journey, HandoffReason reason, String detail) implements SubmitResult {
    public HandoffNeeded {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The submission was not for a step the person can submit now: an old tab, a step off their
   * route, or a journey already submitted (the back button, a double click). Nothing changed;
   * send them to {@code journey().currentStep()}.
   */
  record NotAvailable(Journey journey, String why) implements SubmitResult {}
}
