package io.civickit.core.handoff;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Outcome;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Steps, a definition and a clock for handoff tests. */
final class Fixtures {
  private Fixtures() {}

  /** A page with one required text answer keyed by the step id; {@code sensitive} marks it for redaction. */
  static Step text(String id, boolean sensitive) {
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
      public Set<String> sensitiveAnswerKeys() {
        return sensitive ? Set.of(id) : Set.of();
      }

      @Override
      public StepResult submit(StepSubmission s) {
        String v = s.first(id).map(String::strip).orElse("");
        if (v.isEmpty()) {
          return new StepResult.Rejected(List.of(new FieldError(id, "Enter " + id)));
        }
        return StepResult.Accepted.of(Map.of(id, Answer.of(Value.text(v), v, s.actor())));
      }
    };
  }

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

  /** name -> bank-account (sensitive) -> notes -> check -> done. */
  static JourneyDefinition definition() {
    return JourneyDefinition.builder("garden-waste", 1)
        .step(text("name", false))
        .step(text("bank-account", true))
        .step(text("notes", false))
        .step(page("check"))
        .step(page("done"))
        .end("done", Outcome.SUCCESS)
        .build();
  }

  static Map<String, List<String>> input(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
