package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.validation.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A repeating group: every item that holds anything is validated question by question, then
 * the number of such items is checked against the group's minimum and maximum.
 */
final class RepeatingGroupRules {
  private RepeatingGroupRules() {}

  /**
   * @param each validates one item question at its field base
   * @return the items, or every error found in them and in their number
   */
  static ValidationResult group(RuleContext c, Question q, String base,
      BiFunction<Question, String, ValidationResult> each) {
    List<Integer> filled = new ArrayList<>();
    FieldNames.items(c.input(), base).forEach((i, f) -> {
      if (f) {
        filled.add(i);
      }
    });
    if (filled.isEmpty()) {
      return c.missing(q, base, "group.required");
    }
    List<FieldError> errors = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    for (int i : filled) {
      Map<String, Value> fields = new LinkedHashMap<>();
      for (Question item : q.items()) {
        ValidationResult r = each.apply(item, FieldNames.itemBase(base, i, item));
        if (r instanceof ValidationResult.Invalid inv) {
          errors.addAll(inv.errors());
        } else {
          ((ValidationResult.Valid) r).value().ifPresent(v -> fields.put(item.id(), v));
        }
      }
      values.add(Value.fields(fields));
    }
    if (filled.size() > q.maxItems()) {
      errors.add(new FieldError(base, c.message(q, "group.max", Map.of("max", Integer.toString(q.maxItems())))));
    } else if (filled.size() < q.minItems()) {
      errors.add(new FieldError(base, c.message(q, "group.min", Map.of("min", Integer.toString(q.minItems())))));
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    return c.shown(q, Value.items(values));
  }
}
