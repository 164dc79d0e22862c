package io.civickit.forms.internal.journey;

import io.civickit.core.Answer;
import io.civickit.forms.Question;
import io.civickit.forms.validation.AnswerFormat;
import java.util.Locale;

/** Shows a saved answer on check your answers, in the person's language. */
public final class AnswerText {
  private AnswerText() {}

  /**
   * @param answer a saved answer
   * @return whether it holds something (not a skipped optional question)
   */
  public static boolean provided(Answer answer) {
    return AnswerFormat.provided(answer.value());
  }

  /**
   * @param q the question
   * @param answer its answer, or null when there is none
   * @param locale the language
   * @return the text; several lines are separated by a new line
   */
  public static String format(Question q, Answer answer, Locale locale) {
    if (answer == null || !provided(answer)) {
      return AnswerFormat.notProvided(locale);
    }
    return AnswerFormat.display(q, answer.value(), answer.display().orElse(""), locale);
  }
}
