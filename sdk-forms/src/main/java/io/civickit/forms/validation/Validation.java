package io.civickit.forms.validation;

import io.civickit.forms.Question;
import io.civickit.forms.internal.validation.Codes;
import io.civickit.forms.internal.validation.QuestionValidator;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates answers to questions by GOV.UK Design System rules, with messages in English and
 * Welsh. Never throws on any input: bad input always gives {@link ValidationResult.Invalid}.
 *
 * <p>Input names, for a question with id {@code q}: {@code q} for a single input and every
 * ticked checkbox; {@code q-day}, {@code q-month}, {@code q-year} for a date; {@code q-line1},
 * {@code q-line2}, {@code q-town}, {@code q-postcode} (and {@code q-uprn} from an address look-up)
 * for an address; {@code q-name}, {@code q-size}, {@code q-type} for the metadata of an uploaded
 * file; {@code q[0].item}, {@code q[1].item}... and {@code q-items} for a repeating group.
 *
 * <pre>{@code
 * ValidationResult r = Validation.validate(question, request.formFields(), locale, LocalDate.now(clock));
 * if (r instanceof ValidationResult.Invalid invalid) {
 *   invalid.error().message();   // "Your date of birth must be in the past"
 * }
 * }</pre>
 */
public final class Validation {
  private Validation() {}

  /**
   * Validates one question with the built-in messages.
   *
   * @param question the question
   * @param input the submitted form fields
   * @param locale the person's language (Welsh for {@code cy})
   * @param today today's date in the service's time zone, for past/future rules
   * @return the typed answer or the errors
   */
  public static ValidationResult validate(Question question, Map<String, List<String>> input, Locale locale,
      LocalDate today) {
    return validate(question, input, locale, today, Messages.defaults());
  }

  /**
   * Validates one question with a council's own messages.
   *
   * @param question the question
   * @param input the submitted form fields
   * @param locale the person's language (Welsh for {@code cy})
   * @param today today's date in the service's time zone
   * @param messages the messages, e.g. {@code Messages.defaults().with(locale, overrides)}
   * @return the typed answer or the errors
   */
  public static ValidationResult validate(Question question, Map<String, List<String>> input, Locale locale,
      LocalDate today, Messages messages) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(locale, "locale");
    return new QuestionValidator(question, input, locale, today, messages).validate();
  }

  /**
   * The "Not provided" text for skipped optional questions.
   *
   * @param locale the language
   * @return "Not provided" or "Heb ei ddarparu"
   */
  public static String notProvided(Locale locale) {
    return AnswerFormat.notProvided(locale);
  }

  /**
   * Normalises a UK postcode as a postcode question does.
   *
   * @param typed what was typed, in any case, with any spaces or punctuation
   * @return e.g. {@code SW1A 1AA}, or empty when it is not a full UK postcode
   */
  public static Optional<String> normalisePostcode(String typed) {
    return Codes.postcode(Objects.requireNonNull(typed, "typed"));
  }

  /**
   * Normalises a National Insurance number as a National Insurance number question does.
   *
   * @param typed what was typed, in any case, with any spaces or punctuation
   * @return e.g. {@code AB123456C}, or empty when it is not in the right format
   */
  public static Optional<String> normaliseNationalInsuranceNumber(String typed) {
    return Codes.nationalInsuranceNumber(Objects.requireNonNull(typed, "typed"));
  }
}
