package io.civickit.forms.internal.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UK postcodes and National Insurance numbers: forgiving about case, spaces and punctuation. */
public final class Codes {
  private Codes() {}

  /**
   * A UK postcode without its space: the outward code (area letters, district, optional
   * sub-district letter) and the inward code (sector digit and two unit letters, never C, I, K,
   * M, O or V), with the letters each position allows; and GIR 0AA.
   */
  private static final Pattern POSTCODE = Pattern.compile(
      "^(GIR|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))"
          + "([0-9][ABD-HJLNP-UW-Z]{2})$");

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
    Matcher m = POSTCODE.matcher(c);
    return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
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
