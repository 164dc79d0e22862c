package io.civickit.benchmarks.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The phone rule every validator shares: libphonenumber says it is a valid number when read as
 * a UK number. CivicKit uses the same library, so each competitor is given it too (as a custom
 * JSON Schema format, a custom Bean Validation constraint, a call in the hand-written code).
 */
public final class UkPhone {
  private UkPhone() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** True for a valid UK (or international) telephone number. */
  public static boolean isValid(String typed) {
    if (typed == null || typed.isBlank()) {
      return false;
    }
    try {
      return UTIL.isValidNumber(UTIL.parse(typed, "GB"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** The number in E.164, or null when it is not valid. */
  public static String e164(String typed) {
    try {
      var n = UTIL.parse(typed, "GB");
      return UTIL.isValidNumber(n) ? UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
