package io.civickit.forms.internal.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** UK postcodes and National Insurance numbers: forgiving about case, spaces and punctuation. */
public final class Codes {
  private Codes() {}

  /*
   * A UK postcode without its space is the outward code (area letters, district, optional
   * sub-district letter) and the inward code (sector digit and two unit letters, never C, I, K,
   * M, O or V), with the letters each position allows; and GIR 0AA. As a pattern:
   *
   *   ^(GIR|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))
   *   ([0-9][ABD-HJLNP-UW-Z]{2})$
   *
   * checked by hand below (outward and inward), the inward code being always the last three
   * characters.
   */

  /**
   * A National Insurance number without spaces: two prefix letters (the first never D, F, I,
   * Q, U or V; the second never D, F, I, O, Q, U or V; never BG, GB, KN, NK, NT, TN or ZZ), six
   * digits and a suffix letter A to D.
   */
  private static final Pattern NINO = Pattern.compile(
      "^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$");

  private static String compact(String typed) {
    StringBuilder b = new StringBuilder(Math.min(typed.length(), 32));
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString();
  }

  /**
   * Normalises a UK postcode: any case, spaces and punctuation ({@code " sw1a-1aa "}) give
   * {@code SW1A 1AA}.
   *
   * @param typed what was typed
   * @return the postcode, or empty when it is not a full UK postcode
   */
  public static Optional<String> postcode(String typed) {
    if (typed.length() > 40) {
      return Optional.empty();
    }
    String c = compact(Input.line(typed));
    if (c.length() < 5 || c.length() > 7) {
      return Optional.empty();
    }
    int split = c.length() - 3;
    return outward(c, split) && inward(c, split)
        ? Optional.of(c.substring(0, split) + " " + c.substring(split)) : Optional.empty();
  }

  private static boolean in(char c, String set) {
    return set.indexOf(c) >= 0;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The outward code, {@code c[0..end)}, by the first group of the pattern above: GIR, or an area
   * letter followed by a district of one or two digits, a letter and one or two digits, a digit
   * and a letter, or a letter, a digit and a letter, each letter from those its position allows.
   */
  static boolean outward(String c, int end) {
    if (end < 2 || end > 4) {
      return false;
    }
    if (end == 3 && c.startsWith("GIR")) {
      return true;
    }
    if (!in(c.charAt(0), "ABCDEFGHIJKLMNOPRSTUWYZ")) {
      return false;
    }
    char a = c.charAt(1);
    char b = end > 2 ? c.charAt(2) : 0;
    char d = end > 3 ? c.charAt(3) : 0;
    String second = "ABCDEFGHKLMNOPQRSTUVWXY";
    switch (end) {
      case 2: // A9
        return digit(a);
      case 3: // A99, AA9, A9A
        return (digit(a) && digit(b)) || (in(a, second) && digit(b)) || (digit(a) && in(b, "ABCDEFGHJKPSTUW"));
      default: // AA99, AA9A
        return in(a, second) && digit(b) && (digit(d) || in(d, "ABEHMNPRVWXY"));
    }
  }

  /** The inward code, {@code c[start..start + 3)}: a digit and two letters, never C, I, K, M, O or V. */
  static boolean inward(String c, int start) {
    String unit = "ABDEFGHJLNPQRSTUWXYZ";
    return digit(c.charAt(start)) && in(c.charAt(start + 1), unit) && in(c.charAt(start + 2), unit);
  }

  /**
   * Normalises a National Insurance number: any case, spaces and punctuation
   * ({@code "qq 12-34-56 c"}) give {@code QQ123456C}.
   *
   * @param typed what was typed
   * @return the number without spaces, or empty when it is not in the right format
   */
  public static Optional<String> nationalInsuranceNumber(String typed) {
    if (typed.length() > 40) {
      return Optional.empty();
    }
    String c = compact(Input.line(typed)).toUpperCase(Locale.ROOT);
    return NINO.matcher(c).matches() ? Optional.of(c) : Optional.empty();
  }

  /**
   * @param nino a normalised National Insurance number
   * @return it spaced as people write it, {@code QQ 12 34 56 C}
   */
  public static String spaced(String nino) {
    if (nino.length() != 9) {
      return nino;
    }
    return nino.substring(0, 2) + " " + nino.substring(2, 4) + " " + nino.substring(4, 6) + " "
        + nino.substring(6, 8) + " " + nino.charAt(8);
  }
}
