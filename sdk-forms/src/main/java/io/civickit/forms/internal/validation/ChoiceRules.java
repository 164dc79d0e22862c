package io.civickit.forms.internal.validation;

import io.civickit.core.Value;
import io.civickit.forms.Option;
import io.civickit.forms.Question;
import io.civickit.forms.validation.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Radios, selects, yes or no, declarations and checkboxes: only the question's own options are
 * accepted, whatever a browser sends.
 */
final class ChoiceRules {
  /** Longest option value looked up; a longer one is not an option. */
  private static final int MAX_VALUE = 1000;

  private ChoiceRules() {}

  private static Optional<Option> option(Question q, String value) {
    if (value.length() > MAX_VALUE) {
      return Optional.empty();
    }
    for (Option o : q.options()) {
      if (o.value().equals(value)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** One of the options, by its value; displayed by its label. */
  static ValidationResult choice(RuleContext c, Question q, String base) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required.choice");
    }
    Optional<Option> o = option(q, v);
    return o.isPresent() ? RuleContext.ok(Value.text(o.get().value()), o.get().label().in(c.locale()))
        : c.error(q, base, "choice.invalid");
  }

  /** {@code yes} or {@code no} (or {@code true} or {@code false}), in any case. */
  static ValidationResult yesNo(RuleContext c, Question q, String base) {
    String v = c.line(base).toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return c.missing(q, base, "required.choice");
    }
    Boolean b = null;
    if (v.equals("yes") || v.equals("true")) {
      b = Boolean.TRUE;
    } else if (v.equals("no") || v.equals("false")) {
      b = Boolean.FALSE;
    }
    if (b == null) {
      return c.error(q, base, "choice.invalid");
    }
    return c.shown(q, Value.bool(b));
  }

  /** A declaration's one checkbox sends {@code yes} when ticked and nothing when not. */
  static ValidationResult declaration(RuleContext c, Question q, String base) {
    if (!c.line(base).equalsIgnoreCase("yes")) {
      return c.error(q, base, "declaration.required");
    }
    return c.shown(q, Value.bool(true));
  }

  /**
   * Any number of the options, kept in the question's order, within its minimum and maximum; an
   * exclusive option ("None of these") only on its own.
   */
  static ValidationResult checkboxes(RuleContext c, Question q, String base) {
    List<String> raw = c.values(base);
    if (raw.size() > Math.min(Input.MAX_VALUES, q.options().size() * 2 + 10)) {
      return c.error(q, base, "choice.invalid");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String r : raw) {
      String v = Input.line(r);
      if (v.isEmpty()) {
        continue;
      }
      if (option(q, v).isEmpty()) {
        return c.error(q, base, "choice.invalid");
      }
      chosen.add(v);
    }
    Optional<Option> none = q.options().stream().filter(Option::exclusive).findFirst();
    if (chosen.isEmpty()) {
      return none.isPresent() && q.required()
          ? c.error(q, base, "checkboxes.none", Map.of("none", none.get().label().in(c.locale())))
          : c.missing(q, base, "required.choice");
    }
    if (none.isPresent() && chosen.contains(none.get().value()) && chosen.size() > 1) {
      // "None of these" with other choices: GOV.UK Frontend prevents it in the browser; this holds without it.
      return c.error(q, base, "checkboxes.none", Map.of("none", none.get().label().in(c.locale())));
    }
    List<String> ordered = new ArrayList<>();
    for (Option o : q.options()) {
      if (chosen.contains(o.value())) {
        ordered.add(o.value());
      }
    }
    if (ordered.size() < q.minItems()) {
      return c.error(q, base, "checkboxes.min", Map.of("min", Integer.toString(q.minItems())));
    }
    if (q.maxItems() < q.options().size() && ordered.size() > q.maxItems()) {
      return c.error(q, base, "checkboxes.max", Map.of("max", Integer.toString(q.maxItems())));
    }
    return c.shown(q, Value.texts(ordered));
  }
}
