package io.civickit.core;

import java.util.List;
import java.util.Objects;

/** What happened when a page was submitted. Every case carries the journey as it now is. */
public sealed interface SubmitResult {

  /** The journey after the submission. */
  Journey journey();

  /**
   * Accepted; the person goes on to {@code journey().currentStep()}.
   *
   * @param journey the journey as saved, on its next step
   */
  record Moved(Journey journey) implements SubmitResult {}

  /**
   * Errors: show the same page again with them and with what was typed
   * ({@code journey().drafts()}). {@code failuresOnStep} counts failures in a row on this step.
   *
   * @param journey the journey as saved, with the draft and failure count
   * @param errors the errors, in the order to show them; unmodifiable
   * @param failuresOnStep how many submissions of this step in a row have failed, counting this one
   */
  record Invalid(Journey journey, List<FieldError> errors, int failuresOnStep) implements SubmitResult {
    /**
     * Takes an unmodifiable copy of the errors.
     *
     * @throws NullPointerException if {@code errors} is null or holds null
     */
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /**
   * The journey reached an end step and is complete.
   *
   * @param journey the completed journey, as saved
   * @param outcome the end step's outcome
   */
  record Completed(Journey journey, Outcome outcome) implements SubmitResult {}

  /**
   * The step says the person needs a person: hand the journey off. Nothing was saved.
   *
   * @param journey the journey as it was before the submission
   * @param reason why it needs handing off
   * @param detail a short explanation for the adviser, without personal data
   */
  record HandoffNeeded(Journey journey, HandoffReason reason, String detail) implements SubmitResult {
    /**
     * Checks that the reason is present.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public HandoffNeeded {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The submission was not for a step the person can submit now: an old tab, a step off their
   * route, or a journey already submitted (the back button, a double click). Nothing changed;
   * send them to {@code journey().currentStep()}.
   *
   * @param journey the journey, unchanged
   * @param why why the submission was refused, for logs; not written for the person
   */
  record NotAvailable(Journey journey, String why) implements SubmitResult {}
}
