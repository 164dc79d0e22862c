package io.civickit.forms.internal.validation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and cleans submitted form fields. Invisible characters (zero-width spaces, word joiners,
 * byte order marks) are removed wherever they are; other kinds of space become ordinary spaces;
 * surrounding white space is removed. Never throws.
 */
public final class Input {
  private Input() {}

  /** Most values read from one field (checkboxes), against abuse. */
  public static final int MAX_VALUES = 1_000;

  private static boolean invisible(char c) {
    return c == '\u180E' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
        || c == '\uFEFF' || c == '\u00AD';
  }

  private static boolean space(char c) {
    return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
        || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\t'
        || c == '\u000B' || c == '\u000C';
  }

  /**
   * Whether cleaning changes or drops this character: an invisible character, an unusual space,
   * a line break or another control character. A value with none of these cleans to itself,
   * stripped.
   */
  private static boolean needsCleaning(char c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && (invisible(c) || space(c)));
  }

  /**
   * Cleans a single-line value: invisible characters and other control characters removed, line
   * breaks and unusual spaces turned into spaces, then stripped.
   *
   * @param s the raw value, may be null
   * @return the cleaned value, never null
   */
  public static String line(@Nullable String s) {
    return clean(s, false);
  }

  /**
   * Cleans a multi-line value: like {@link #line} but line breaks are kept, as {@code \n}
   * ({@code \r\n} and {@code \r} become {@code \n}, so each counts as one character).
   *
   * @param s the raw value, may be null
   * @return the cleaned value, never null
   */
  public static String multiline(@Nullable String s) {
    return clean(s, true);
  }

  /**
   * Cleans a value; with {@code breaks}, line breaks are kept as {@code \n}, else they become
   * spaces. Values with nothing to clean, the most common, are only stripped.
   */
  private static String clean(@Nullable String s, boolean breaks) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    int i = 0;
    while (i < s.length() && ((breaks && s.charAt(i) == '\n') || !needsCleaning(s.charAt(i)))) {
      i++;
    }
    if (i == s.length()) {
      return s.strip();
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (invisible(c)) {
        continue;
      }
      if (breaks && c == '\r') {
        b.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (breaks && c == '\n') {
        b.append('\n');
      } else if (space(c) || c == '\n' || c == '\r') {
        b.append(' ');
      } else if (c >= 0x20 && c != 0x7F) {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  /**
   * The first value of a field, or null when absent.
   *
   * @param input the submitted fields
   * @param name the field name
   * @return the raw first value, or null
   */
  public static @Nullable String first(Map<String, List<String>> input, String name) {
    List<String> v = input.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    return v.get(0);
  }

  /**
   * The number of code points, so that an emoji counts as one character as the GOV.UK character
   * count shows it.
   *
   * @param s a string
   * @return its length in characters
   */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * @param s a string
   * @return whether it is one or more of the digits 0 to 9 (the pattern {@code ^[0-9]+$})
   */
  public static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Words as GOV.UK Frontend's character count counts them: runs of characters other than
   * whitespace ({@code /\S+/g}).
   *
   * @param s the text
   * @return the number of words
   */
  public static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = jsSpace(s.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }

  /** JavaScript's {@code \s}: the white space and line terminators of ECMAScript. */
  private static boolean jsSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
  }
}
