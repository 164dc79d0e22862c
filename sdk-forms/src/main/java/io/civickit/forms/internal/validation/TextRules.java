package io.civickit.forms.internal.validation;

import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.validation.ValidationResult;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Text inputs and text areas: length in characters, words, and the question's pattern. */
final class TextRules {
  private TextRules() {}

  /**
   * @param multiline whether line breaks are kept (a text area)
   * @return the text, or the first rule it breaks
   */
  static ValidationResult text(RuleContext c, Question q, String base, boolean multiline) {
    String raw = c.raw(base);
    if (raw != null && raw.length() > 4L * q.maxLength() + 1000) {
      return c.error(q, base, "too.long", RuleContext.count("max", q.maxLength()));
    }
    String v = multiline ? Input.multiline(raw) : Input.line(raw);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    // The Design System's text input: an input with both an authored minimum and maximum says "between"
    boolean bothLimits = q.minLength() > 0 && q.maxLength() != Question.DEFAULT_MAX_LENGTH;
    if (Input.length(v) > q.maxLength()) {
      return bothLimits ? lengthBetween(c, q, base)
          : c.error(q, base, "too.long", RuleContext.count("max", q.maxLength()));
    }
    if (q.maxWords() > 0 && Input.words(v) > q.maxWords()) {
      return c.error(q, base, "too.many.words", RuleContext.count("max", q.maxWords()));
    }
    if (Input.length(v) < q.minLength()) {
      return bothLimits ? lengthBetween(c, q, base)
          : c.error(q, base, "too.short", RuleContext.count("min", q.minLength()));
    }
    if (!multiline && q.pattern().isPresent() && !Pattern.compile(q.pattern().get()).matcher(v).matches()) {
      return c.error(q, base, "pattern.invalid");
    }
    return RuleContext.ok(Value.text(v), v);
  }

  private static ValidationResult lengthBetween(RuleContext c, Question q, String base) {
    return c.error(q, base, "length.between", Map.of("min", Formats.number(BigDecimal.valueOf(q.minLength())),
        "max", Formats.number(BigDecimal.valueOf(q.maxLength()))));
  }
}
