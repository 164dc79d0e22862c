package io.civickit.notify.internal.template;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How GOV.UK Notify writes a personalisation value into a message and reads one as yes or no.
 * Notify is written in Python, so this is Python's way: {@code str()} of a value, the words it
 * takes as yes, ASCII white space.
 */
final class NotifyValues {
  private static final String[] YES_IN_ORDER = {"yes", "y", "true", "t", "1", "include", "show"};
  private static final Set<String> YES = Set.of(YES_IN_ORDER);

  private NotifyValues() {}

  /**
   * A value as GOV.UK Notify writes it. Notify is written in Python and turns each value into
   * text with {@code str()}: {@code True} and {@code False} for booleans, and for a number with
   * a fractional part Python's shortest form, which differs from Java's outside 0.001 to
   * 10,000,000 ({@code 10000000.0}, {@code 1e+16}, {@code 1e-05}). Whole numbers and any other
   * value are written with {@code String.valueOf}; a {@code BigDecimal} keeps the scale it was
   * given (a Java caller's "1.50" stays "1.50").
   */
  static String text(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double d) {
      return pythonFloat(d, Double.toString(d));
    }
    if (value instanceof Float f) {
      // A float travels to Notify as its shortest JSON text, which Python reads back exactly.
      return pythonFloat(f.doubleValue(), Float.toString(f));
    }
    return String.valueOf(value);
  }

  /** Python's {@code repr} of a float, from Java's digits for it. */
  static String pythonFloat(double d, String javaText) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    java.math.BigDecimal abs = new java.math.BigDecimal(javaText).abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    int exponent = digits.length() - 1 - abs.scale(); // of the first digit
    String sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int e = Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }
    String plain = abs.toPlainString();
    return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
  }

  /** "a", "a and b", "a, b and c". */
  static String prose(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** The values Notify treats as yes for conditional text, ignoring case. */
  static boolean isYes(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return YES.contains(value.toLowerCase(Locale.ROOT));
      }
    }
    for (String yes : YES_IN_ORDER) { // in ASCII, ignoring case is lower-casing
      if (value.equalsIgnoreCase(yes)) {
        return true;
      }
    }
    return false;
  }

  /** The text without ASCII white space at either end. */
  static String trimAscii(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isAsciiWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  /** Python's ASCII white space. */
  static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }
}
