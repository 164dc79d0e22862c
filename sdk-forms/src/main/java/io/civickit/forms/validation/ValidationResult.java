package io.civickit.forms.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The result of validating one question's input: a typed answer, or its errors. */
public sealed interface ValidationResult {

  /**
   * The input is valid.
   *
   * @param value the normalised typed value, empty when an optional question was left blank
   * @param display the answer as shown back to the person: what they typed for a phone number,
   *     otherwise the answer as {@link AnswerFormat} writes it ("5 January 2026", "£1,234.50",
   *     option labels, "SW1A 1AA")
   */
  record Valid(Optional<Value> value, String display) implements ValidationResult {
    /** Checks for nulls. */
    public Valid {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(display, "display");
    }
  }

  /**
   * The input is not valid.
   *
   * <p>Each error names the input it belongs to. The first is the question's first error by
   * GOV.UK order (missing, then impossible, then the rest) and is the one the error summary
   * links to. A question made of several inputs can have more: an address has one per line in
   * error, each with its own message; a date lists every part to highlight (all with the same
   * message, first part first); a repeating group has the errors of every item.
   *
   * @param errors the errors, at least one
   */
  record Invalid(List<FieldError> errors) implements ValidationResult {
    /** Copies the list; it must not be empty. */
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one error");
      }
    }

    /**
     * One error.
     *
     * @param error the error
     */
    public Invalid(FieldError error) {
      this(List.of(Objects.requireNonNull(error, "error")));
    }

    /**
     * The first error: the one to show for the question and to link to from the error summary.
     *
     * @return the first error
     */
    public FieldError error() {
      return errors.get(0);
    }
  }
}
