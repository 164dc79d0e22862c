package io.civickit.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a step made of a submission. */
public sealed interface StepResult {

  /**
   * The input was valid.
   *
   * @param answers the answers to save, by key
   * @param cleared answer keys to drop (for example questions a new answer has hidden)
   * @param assuranceLevel the identity assurance level reached, for identity-check steps
   */
  record Accepted(Map<String, Answer> answers, Set<String> cleared, Optional<String> assuranceLevel)
      implements StepResult {
    /**
     * Takes unmodifiable copies of the answers and cleared keys.
     *
     * @throws NullPointerException if any component is null, or a map or set holds null
     */
    public Accepted {
      answers = Map.copyOf(answers);
      cleared = Set.copyOf(cleared);
      Objects.requireNonNull(assuranceLevel, "assuranceLevel");
    }

    /** Accepted with these answers. */
    public static Accepted of(Map<String, Answer> answers) {
      return new Accepted(answers, Set.of(), Optional.empty());
    }
  }

  /**
   * The input had errors; the page is shown again with them, and with what was typed.
   *
   * @param errors the errors, in the order to show them; unmodifiable
   */
  record Rejected(List<FieldError> errors) implements StepResult {
    /**
     * Takes an unmodifiable copy of the errors.
     *
     * @throws NullPointerException if {@code errors} is null or holds null
     * @throws IllegalArgumentException if there are no errors
     */
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejected submission needs at least one error");
      }
    }
  }

  /**
   * The step cannot go on and the person needs a person: hand the journey off.
   *
   * @param reason why it needs handing off
   * @param detail a short explanation for the adviser, without personal data
   */
  record NeedsHandoff(HandoffReason reason, String detail) implements StepResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public NeedsHandoff {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
