package io.civickit.benchmarks.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One way of validating the housing form's submission. {@link #validate} does everything an
 * application would do with a posted form (bind it to what the library reads, validate, collect
 * the errors with their messages) and returns the library's own result; {@link #invalidQuestions}
 * reads that result for the fairness test, outside the measured code.
 */
public interface SubmissionValidator {

  /** A short name for reports. */
  String name();

  /** Validates a posted form. */
  Object validate(Map<String, List<String>> input);

  /** The ids of the questions that {@code result} (from {@link #validate}) says are wrong. */
  Set<String> invalidQuestions(Object result);

  /** The question id an input or property name belongs to: {@code date_of_birth-day} belongs to {@code date_of_birth}. */
  static String questionOf(String field) {
    int dash = field.indexOf('-');
    return dash < 0 ? field : field.substring(0, dash);
  }
}
