package io.civickit.forms.internal.json;

import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.Locale;

/** The question builder's defaults, which the JSON format leaves out. */
final class Defaults {
  /** A question with every setting left at its default. */
  static final Question QUESTION = Question.builder("probe", QuestionType.TEXT).label("x", "x")
      .errorNoun("x", "x").build();

  private Defaults() {}

  /** @return e.g. {@code today-or-past} */
  static String jsonName(Question.DateRule rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
