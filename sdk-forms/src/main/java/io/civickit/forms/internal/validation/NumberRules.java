package io.civickit.forms.internal.validation;

import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.validation.ValidationResult;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Whole numbers, decimals and money: the number as typed, pence, and the question's range. */
final class NumberRules {
  /** Longest number or money input read, in characters. */
  static final int MAX_SHORT = 100;

  private NumberRules() {}

  /**
   * A number as people type it, once commas and spaces are gone: the pattern
   * {@code ^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$}, that is an optional sign, then digits with
   * an optional decimal point, and at least one digit.
   *
   * @param s a string
   * @return whether it is such a number
   */
  static boolean decimal(String s) {
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    boolean point = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  private static @Nullable BigDecimal parseNumber(String typed) {
    String s = typed.replace(",", "").replace(" ", "");
    if (s.length() > 60 || !decimal(s)) {
      return null;
    }
    try {
      return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * @param whole whether only whole numbers are allowed
   * @return the number, or the first rule it breaks
   */
  static ValidationResult number(RuleContext c, Question q, String base, boolean whole) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    BigDecimal n = v.length() > MAX_SHORT ? null : parseNumber(v);
    // The Design System's example after "must be a number": a decimal too where decimals are allowed.
    Map<String, String> example = Map.of("example",
        whole ? "30" : Formats.welsh(c.locale()) ? "30 neu 2.5" : "30 or 2.5");
    if (n == null) {
      return c.error(q, base, "number.invalid", example);
    }
    BigDecimal stripped = n.stripTrailingZeros();
    if (whole && stripped.scale() > 0) {
      return c.error(q, base, "number.whole", example);
    }
    BigDecimal value = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    Optional<ValidationResult> range = range(c, q, base, value, false);
    if (range.isPresent()) {
      return range.get();
    }
    return RuleContext.ok(Value.number(value), v);
  }

  /** @return the amount in pounds and pence, or the first rule it breaks */
  static ValidationResult money(RuleContext c, Question q, String base) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    String s = v.replace(" ", "");
    boolean negative = false;
    if (s.startsWith("-")) {
      negative = true;
      s = s.substring(1);
    }
    if (s.startsWith("£")) {
      s = s.substring(1);
    }
    if (!negative && s.startsWith("-")) {
      negative = true;
      s = s.substring(1);
    }
    BigDecimal n = v.length() > MAX_SHORT || s.startsWith("+") || s.startsWith("-") ? null : parseNumber(s);
    if (n == null) {
      return c.error(q, base, "money.invalid");
    }
    if (n.stripTrailingZeros().scale() > 2) {
      return c.error(q, base, "money.pence");
    }
    n = n.setScale(2);
    if (negative) {
      n = n.negate();
    }
    Optional<ValidationResult> range = range(c, q, base, n, true);
    if (range.isPresent()) {
      return range.get();
    }
    return RuleContext.ok(Value.number(n), Formats.money(n));
  }

  /** The question's minimum and maximum; money is never below zero unless a minimum says so. */
  private static Optional<ValidationResult> range(RuleContext c, Question q, String base, BigDecimal n,
      boolean money) {
    Optional<BigDecimal> min = q.min();
    if (money && min.isEmpty() && n.signum() < 0) {
      min = Optional.of(BigDecimal.ZERO);
    }
    Optional<BigDecimal> max = q.max();
    boolean low = min.isPresent() && n.compareTo(min.get()) < 0;
    boolean high = max.isPresent() && n.compareTo(max.get()) > 0;
    if (!low && !high) {
      return Optional.empty();
    }
    Map<String, String> vars = new HashMap<>();
    min.ifPresent(m -> vars.put("min", money ? Formats.money(m) : Formats.number(m)));
    max.ifPresent(m -> vars.put("max", money ? Formats.money(m) : Formats.number(m)));
    String key = min.isPresent() && max.isPresent() ? "number.between" : low ? "number.min"
        : money ? "money.max" : "number.max";
    return Optional.of(c.error(q, base, key, vars));
  }
}
