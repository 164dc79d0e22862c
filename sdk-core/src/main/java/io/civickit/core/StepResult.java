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

  /** The input had errors; the page is shown again with them, and with what was typed. */
  record Rejected(List<FieldError> errors) implements StepResult {
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejected submission needs at least one error");
      }
    }
  }

  /** The step cannot go on and the person needs a person: hand the journey off. */
  record NeedsHandoff(HandoffReason reason, String detail) implements StepResult {
    public NeedsHandoff {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
