package io.civickit.core;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal steps for engine tests: a required text field, a page with no answers, an end page. */
final class TestSteps {
  private TestSteps() {}

  /** A page with one required text question whose answer key is the step id. */
  static Step text(String id) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of(id);
      }

      @Override
      public StepResult submit(StepSubmission s) {
        String v = s.first(id).map(String::strip).orElse("");
        if (v.isEmpty()) {
          return new StepResult.Rejected(List.of(new FieldError(id, "Enter " + id)));
        }
        return StepResult.Accepted.of(Map.of(id, Answer.of(Value.text(v), v, s.actor())));
      }

      @Override
      public boolean fits(String key, Answer answer) {
        return answer.value() instanceof Value.Text;
      }
    };
  }

  /** A page with one yes/no question. */
  static Step yesNo(String id) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of(id);
      }

      @Override
      public StepResult submit(StepSubmission s) {
        String v = s.first(id).orElse("");
        if (!v.equals("yes") && !v.equals("no")) {
          return new StepResult.Rejected(List.of(new FieldError(id, "Select yes or no")));
        }
        return StepResult.Accepted.of(Map.of(id, Answer.of(Value.bool(v.equals("yes")))));
      }
    };
  }

  /** A page without questions (check answers, confirmation). */
  static Step page(String id) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of();
      }

      @Override
      public StepResult submit(StepSubmission s) {
        return StepResult.Accepted.of(Map.of());
      }
    };
  }

  static Map<String, List<String>> input(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
