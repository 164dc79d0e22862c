package io.civickit.submit;

import io.civickit.core.Actor;
import io.civickit.core.Value;
import io.civickit.forms.LocalisedText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer in a {@link Submission}: the question as it was asked, the typed answer, the answer
 * as a person reads it in English and in Welsh, and who supplied it.
 *
 * @param questionId the question's id (the answer key), stable within a form version
 * @param type the question type's name in the form format, for example {@code address}
 * @param label the question as asked, in English and Welsh
 * @param value the typed answer; empty when an optional question was skipped
 * @param formattedEn the answer as shown on check your answers in English ("Not provided" when
 *     skipped); lines of an address or list are separated by {@code \n}
 * @param formattedCy the same in Welsh ("Heb ei ddarparu" when skipped)
 * @param suppliedBy who gave the answer: the person, an adviser (by staff id) or a system
 * @param prefilled true where the answer was seeded by the host (a council record, a link)
 *     rather than entered on the page
 */
public record SubmittedAnswer(String questionId, String type, LocalisedText label, Optional<Value> value,
    String formattedEn, String formattedCy, Actor suppliedBy, boolean prefilled) {

  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public SubmittedAnswer {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(formattedEn, "formattedEn");
    Objects.requireNonNull(formattedCy, "formattedCy");
    Objects.requireNonNull(suppliedBy, "suppliedBy");
  }

  /**
   * Whether the person (or whoever supplied it) gave an answer.
   *
   * @return false for an optional question that was skipped
   */
  public boolean provided() {
    return value.isPresent();
  }

  /**
   * The answer as shown, in a language.
   *
   * @param locale {@code cy} for Welsh, anything else for English
   * @return the formatted answer
   */
  public String formatted(Locale locale) {
    return "cy".equals(locale.getLanguage()) ? formattedCy : formattedEn;
  }

  @Override
  public String toString() {
    // Answers are personal data: never printed.
    return "SubmittedAnswer[" + questionId + ", " + type + ", by " + suppliedBy + (prefilled ? ", prefilled" : "")
        + (provided() ? "" : ", not provided") + "]";
  }
}
