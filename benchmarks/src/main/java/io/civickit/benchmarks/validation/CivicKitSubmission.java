package io.civickit.benchmarks.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** CivicKit: {@link Validation#validate} for each question, as a form page does. */
public final class CivicKitSubmission implements SubmissionValidator {

  /** Typed answers and the errors, as a page gets them. */
  public record Outcome(Map<String, Value> values, List<FieldError> errors) {}

  private final List<Question> questions;
  private final LocalDate today;

  /** Validates the housing form. */
  public CivicKitSubmission() {
    this(HousingForm.QUESTIONS);
  }

  /** Validates these questions. */
  public CivicKitSubmission(List<Question> questions) {
    this.questions = List.copyOf(questions);
    this.today = LocalDate.of(2025, 6, 1);
  }

  @Override
  public String name() {
    return "CivicKit";
  }

  @Override
  public Outcome validate(Map<String, List<String>> input) {
    Map<String, Value> values = new HashMap<>(questions.size() * 2);
    List<FieldError> errors = new ArrayList<>();
    for (Question q : questions) {
      ValidationResult r = Validation.validate(q, input, Locale.UK, today);
      if (r instanceof ValidationResult.Valid v) {
        v.value().ifPresent(value -> values.put(q.id(), value));
      } else {
        errors.add(((ValidationResult.Invalid) r).error());
      }
    }
    return new Outcome(values, errors);
  }

  @Override
  public Set<String> invalidQuestions(Object result) {
    Set<String> out = new TreeSet<>();
    ((Outcome) result).errors().forEach(e -> out.add(SubmissionValidator.questionOf(e.field())));
    return out;
  }
}
