package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.address.Countries;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.forms.validation.ValidationResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An address outside the UK: line 1 and the country are needed, the other lines, the town, the
 * region and the postal code are optional (many countries have no postal code or region), each
 * part at most the question's {@code maxLength} characters (a postal code at most 20); the
 * country must be one of {@link Countries}. Each part in error has its own message.
 */
final class InternationalAddressRule {
  /** The longest postal code accepted; the longest in use are 10 characters with their spaces. */
  static final int POSTAL_CODE_MAX = 20;
  /** The parts that are free text, with the key of their too-long message. */
  private static final String[][] TEXT_PARTS = {
      {"line1", "address.line1.too.long"}, {"line2", "address.line2.too.long"}, {"line3", "address.line3.too.long"},
      {"town", "address.town.too.long"}, {"region", "address.region.too.long"}, {"postcode", "address.postal.too.long"}};

  private final QuestionValidator v;
  private final Question q;
  private final String base;
  private final Locale locale;

  InternationalAddressRule(QuestionValidator v, Question q, String base, Locale locale) {
    this.v = v;
    this.q = q;
    this.base = base;
    this.locale = locale;
  }

  ValidationResult validate() {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String[] p : TEXT_PARTS) {
      typed.put(p[0], v.line(base + "-" + p[0]));
    }
    String country = v.line(base + "-country");
    if (country.isEmpty() && typed.values().stream().allMatch(String::isEmpty)) {
      return v.missing(q, base + "-line1", "required");
    }
    List<FieldError> errors = new ArrayList<>();
    for (String[] p : TEXT_PARTS) {
      String value = typed.get(p[0]);
      String field = base + "-" + p[0];
      int max = p[0].equals("postcode") ? Math.min(POSTAL_CODE_MAX, q.maxLength()) : q.maxLength();
      if (p[0].equals("line1") && value.isEmpty()) {
        errors.add(new FieldError(field, v.message(q, "international.line1.required", Map.of())));
      } else if (Input.length(value) > max) {
        errors.add(new FieldError(field, v.message(q, p[1], Map.of("max", Formats.number(BigDecimal.valueOf(max))))));
      }
    }
    if (country.isEmpty()) {
      errors.add(new FieldError(base + "-country", v.message(q, "international.country.required", Map.of())));
    } else if (Countries.find(country).isEmpty()) {
      errors.add(new FieldError(base + "-country", v.message(q, "international.country.invalid", Map.of())));
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    typed.forEach((part, value) -> {
      if (!value.isEmpty()) {
        f.put(part, Value.text(value));
      }
    });
    f.put("country", Value.text(country));
    Value answer = Value.fields(f);
    return new ValidationResult.Valid(Optional.of(answer), AnswerFormat.display(q, answer, locale));
  }
}
