package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Question;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.ValidationResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every family of rules shares while one question is validated, and the wording of its
 * messages and results. The rules decide; this only reads the fields they name and words the
 * outcome they chose.
 *
 * @param input the submitted fields
 * @param locale the language of messages and displayed answers
 * @param today today's date, for the date rules
 * @param messages the message templates
 */
record RuleContext(Map<String, List<String>> input, Locale locale, LocalDate today, Messages messages) {
  // ------------------------------------------------------------------ reading input

  /** @return the first value of a field as sent, or null when absent */
  @Nullable String raw(String name) {
    return Input.first(input, name);
  }

  /** @return the first value of a field cleaned as one line, empty when absent */
  String line(String name) {
    return Input.line(Input.first(input, name));
  }

  /** @return every value sent for a field (checkboxes), empty when absent */
  List<String> values(String name) {
    List<String> raw = input.getOrDefault(name, List.of());
    return raw == null ? List.of() : raw;
  }

  // ------------------------------------------------------------------ wording the outcome

  /**
   * A question's message: its own wording for the key if it has one, else the templates', filled
   * with the question's noun and subject (and their Welsh mutations) and the given values.
   */
  String message(Question q, String key, Map<String, String> vars) {
    String noun = q.errorNoun().in(locale);
    String subject = q.subject(locale);
    Map<String, String> values = new HashMap<>(vars);
    values.put("noun", noun);
    values.put("Noun", capital(noun));
    values.put("subject", subject);
    values.put("Subject", capital(subject));
    boolean cy = Formats.welsh(locale);
    values.put("i_noun", cy ? Welsh.afterI(noun) : noun);
    values.put("i_subject", cy ? Welsh.afterI(subject) : subject);
    values.put("noun_soft", cy ? Welsh.object(noun) : noun);
    LocalisedText own = q.messages().get(key);
    if (own != null) {
      return Messages.fill(own.in(locale), values);
    }
    return messages.format(key, locale, values);
  }

  private static String capital(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(s, Character.charCount(first), s.length()).toString();
  }

  /** @return a number as a message shows it, under the given name: {@code {max}} of 1,000 */
  static Map<String, String> count(String name, long n) {
    return Map.of(name, Formats.number(BigDecimal.valueOf(n)));
  }

  /** @return one field in error with the key's message, without values */
  FieldError fieldError(Question q, String field, String key) {
    return new FieldError(field, message(q, key, Map.of()));
  }

  ValidationResult error(Question q, String field, String key) {
    return error(q, List.of(field), key, Map.of());
  }

  ValidationResult error(Question q, String field, String key, Map<String, String> vars) {
    return error(q, List.of(field), key, vars);
  }

  /** One message; the first field is linked from the error summary, the others highlighted too. */
  ValidationResult error(Question q, List<String> fields, String key, Map<String, String> vars) {
    String m = message(q, key, vars);
    List<FieldError> errors = new ArrayList<>();
    for (String f : fields) {
      errors.add(new FieldError(f, m));
    }
    return new ValidationResult.Invalid(errors);
  }

  /**
   * Checks one free-text part of a question in several inputs, adding its error, if any.
   *
   * @param requiredKey the message when the part is empty, or null when it may be
   */
  void checkPart(List<FieldError> errors, Question q, String field, String value, @Nullable String requiredKey,
      String tooLongKey, int max) {
    if (value.isEmpty()) {
      if (requiredKey != null) {
        errors.add(fieldError(q, field, requiredKey));
      }
    } else if (Input.length(value) > max) {
      errors.add(new FieldError(field, message(q, tooLongKey, count("max", max))));
    }
  }

  /** @return an answer with the display the rule chose */
  static ValidationResult ok(Value v, String display) {
    return new ValidationResult.Valid(Optional.of(v), display);
  }

  /** @return an answer displayed as check-your-answers shows the question's answers */
  ValidationResult shown(Question q, Value v) {
    return ok(v, AnswerFormat.display(q, v, locale));
  }

  /** @return no answer, as an optional question left empty gives */
  static ValidationResult none() {
    return new ValidationResult.Valid(Optional.empty(), "");
  }

  /** @return the key's error on an empty required question, or no answer on an optional one */
  ValidationResult missing(Question q, String field, String key) {
    return q.required() ? error(q, field, key) : none();
  }
}
