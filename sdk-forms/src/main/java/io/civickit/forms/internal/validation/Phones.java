package io.civickit.forms.internal.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Telephone numbers: a contact number (UK or international, extensions allowed) checked with
 * libphonenumber, and a mobile number that can receive text messages by GOV.UK Notify's rules.
 * Ofcom's drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx...), which libphonenumber
 * rejects, are accepted as real numbers.
 */
public final class Phones {
  private Phones() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** First seven digits of the UK national numbers Ofcom keeps for drama; each range is 1,000 numbers. */
  private static final Set<String> DRAMA = Set.of(
      "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", // Leeds .. Reading 01xx 496 0xxx
      "1214960", "1314960", "1414960", "1514960", "1614960", // Birmingham .. Manchester
      "1914980", // Tyneside 0191 498 0xxx
      "2079460", // London 020 7946 0xxx
      "2896496", // Northern Ireland 028 9649 6xxx
      "2920180", // Cardiff 029 2018 0xxx
      "1632960", // no area 01632 960xxx
      "7700900", // mobile 07700 900xxx
      "8081570", // freephone 08081 570xxx
      "9098790", // premium rate 0909 879 0xxx
      "3069990"); // UK-wide 03069 990xxx

  private static final Pattern EXTENSION = Pattern.compile(
      "(?i)^(.*?)[\\s,;]*(?:extension|ext\\.?|x|#)\\s*[:.]?\\s*([0-9]{1,6})$");
  private static final Pattern MOBILE_CHARS = Pattern.compile("[0-9 ()+\\-]+");

  /** What checking a number gives. */
  public sealed interface Result permits Number, Problem {}

  /** A number ready for sending: E.164, with the extension when one was given. */
  public record Number(String e164, @Nullable String extension) implements Result {}

  /** Why a number was not accepted, as a message key. */
  public record Problem(String key) implements Result {}

  /**
   * @param nationalNumber a UK national significant number (no leading 0)
   * @return whether it is in one of Ofcom's drama ranges
   */
  public static boolean drama(String nationalNumber) {
    return nationalNumber.length() == 10 && DRAMA.contains(nationalNumber.substring(0, 7));
  }

  private static String nsn(PhoneNumber n) {
    return UTIL.getNationalSignificantNumber(n);
  }

  private static @Nullable PhoneNumber parse(String s) {
    try {
      return UTIL.parse(s, "GB");
    } catch (NumberParseException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether {@link #EXTENSION} can match: each way of writing an extension it knows ("extension",
   * "ext", "x", "#") has an x or a #, and it matches letters in ASCII only.
   */
  static boolean mayHaveExtension(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'x' || c == 'X' || c == '#') {
        return true;
      }
    }
    return false;
  }

  /**
   * The number of digits in a contact number, or -1 when it is empty or has a character other
   * than digits, spaces, brackets, {@code + - . /}.
   */
  static int contactDigits(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c != ' ' && c != '(' && c != ')' && c != '+' && c != '-' && c != '.' && c != '['
          && c != ']' && c != '/') {
        return -1;
      }
    }
    return digits;
  }

  /**
   * The most usual way of writing a UK number, "020 7946 0123" (digits and spaces only, a 0 then a
   * digit other than 0, 10 or 11 digits in all), read as libphonenumber's {@code parse(s, "GB")}
   * reads it once it is known to be valid: +44 and the digits after the 0.
   *
   * <p>For such text the parser finds no extension and no international prefix, takes GB's
   * calling code, and removes the national prefix 0 unless the rest is not a possible GB number;
   * the rest of a number valid for GB always is. So when the number returned here is valid for GB
   * it is the one the parser gives, and the parser (about half of the time spent checking a
   * contact number) can be skipped. When it is not valid, the caller parses as usual.
   *
   * @param s a contact number without an extension
   * @return the number, or null when it is not written so
   */
  static @Nullable PhoneNumber nationalUk(String s) {
    long nsn = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 0 ? c != '0' : digits == 1 && c == '0') {
          return null;
        }
        nsn = nsn * 10 + (c - '0');
        digits++;
      } else if (c != ' ') {
        return null;
      }
    }
    if (digits != 10 && digits != 11) {
      return null;
    }
    return new PhoneNumber().setCountryCode(44).setNationalNumber(nsn);
  }

  /**
   * {@code UTIL.isValidNumber(n)}, with a shortcut for UK numbers: +44 numbers are attributed to
   * the GB region first (it is the main region of +44 and has no leading-digit rule), so a
   * number valid for GB is valid, and isValidNumber would only test GB's number types again.
   */
  private static boolean valid(PhoneNumber n) {
    return (n.getCountryCode() == 44 && UTIL.isValidNumberForRegion(n, "GB")) || UTIL.isValidNumber(n);
  }

  /**
   * Checks a contact number: a UK number in any usual format ("020 7946 0000", "+44 (0)20...",
   * "0044 20..."), an international number starting + or 00, optionally followed by an extension
   * ("ext 123", "x123", "#123").
   *
   * @param typed the cleaned input, not empty
   * @return the number, or the message key {@code phone.invalid}
   */
  public static Result contact(String typed) {
    if (typed.length() > 60) {
      return new Problem("phone.invalid");
    }
    String number = typed;
    String extension = null;
    if (mayHaveExtension(typed)) {
      Matcher m = EXTENSION.matcher(typed);
      if (m.matches() && !m.group(1).isBlank()) {
        number = m.group(1).strip();
        extension = m.group(2);
      }
    }
    int digits = contactDigits(number);
    if (digits < 7 || digits > 17) {
      return new Problem("phone.invalid");
    }
    PhoneNumber national = nationalUk(number);
    if (national != null && UTIL.isValidNumberForRegion(national, "GB")) {
      return new Number("+44" + national.getNationalNumber(), extension);
    }
    PhoneNumber n = parse(number.replace('[', '(').replace(']', ')').replace('/', ' '));
    if (n == null) {
      return new Problem("phone.invalid");
    }
    String nsn = nsn(n);
    boolean ok = valid(n) || (n.getCountryCode() == 44 && drama(nsn));
    if (!ok) {
      return new Problem("phone.invalid");
    }
    return new Number("+" + n.getCountryCode() + nsn, extension);
  }

  /**
   * Checks a mobile number by GOV.UK Notify's rules: only digits, spaces, brackets, hyphens and
   * +; a UK mobile (07..., +44 7..., 0044 7...) of the right length, or an international mobile
   * number; landlines and pagers are refused.
   *
   * @param typed the cleaned input, not empty
   * @return the number (no extension), or a {@link Problem}
   */
  public static Result mobile(String typed) {
    if (typed.length() > 60) {
      return new Problem("mobile.too.long");
    }
    if (!MOBILE_CHARS.matcher(typed).matches()) {
      return new Problem("mobile.characters");
    }
    String digits = typed.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return new Problem("mobile.invalid");
    }
    String stripped = stripZeros(digits);
    boolean uk = (digits.startsWith("0") && !digits.startsWith("00") && !typed.strip().startsWith("+"))
        || stripped.startsWith("44") || (stripped.startsWith("7") && stripped.length() < 11);
    return uk ? ukMobile(stripped) : internationalMobile(stripped);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private static Result ukMobile(String stripped) {
    String n = stripped.startsWith("44") ? stripZeros(stripped.substring(2)) : stripped;
    if (!n.startsWith("7")) {
      PhoneNumber landline = n.isEmpty() ? null : parse("+44" + n);
      boolean isLandline = landline != null && (drama(n) || landlineType(UTIL.getNumberType(landline)));
      return new Problem(isLandline ? "mobile.landline" : "mobile.invalid");
    }
    if (n.length() > 10) {
      return new Problem("mobile.too.long");
    }
    if (n.length() < 10) {
      return new Problem("mobile.too.short");
    }
    if (drama(n)) {
      return new Number("+44" + n, null);
    }
    PhoneNumber p = parse("+44" + n);
    if (p == null || !UTIL.isValidNumber(p)) {
      return new Problem("mobile.invalid");
    }
    PhoneNumberType t = UTIL.getNumberType(p);
    if (t != PhoneNumberType.MOBILE && t != PhoneNumberType.FIXED_LINE_OR_MOBILE
        && t != PhoneNumberType.PERSONAL_NUMBER) {
      return new Problem("mobile.invalid");
    }
    return new Number("+44" + n, null);
  }

  private static boolean landlineType(PhoneNumberType t) {
    return t == PhoneNumberType.FIXED_LINE || t == PhoneNumberType.UAN || t == PhoneNumberType.TOLL_FREE
        || t == PhoneNumberType.SHARED_COST || t == PhoneNumberType.PREMIUM_RATE || t == PhoneNumberType.VOIP;
  }

  private static Result internationalMobile(String stripped) {
    if (stripped.length() < 8) {
      return new Problem("mobile.too.short");
    }
    if (stripped.length() > 15) {
      return new Problem("mobile.too.long");
    }
    PhoneNumber p = parse("+" + stripped);
    if (p == null || !UTIL.isValidNumber(p)) {
      return new Problem("mobile.invalid");
    }
    PhoneNumberType t = UTIL.getNumberType(p);
    if (t == PhoneNumberType.MOBILE || t == PhoneNumberType.FIXED_LINE_OR_MOBILE) {
      return new Number(UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164), null);
    }
    return new Problem(landlineType(t) ? "mobile.landline" : "mobile.invalid");
  }

  /**
   * A stored E.164 number written for people: UK numbers in the national format
   * ("01632 960 001"), others in the international format.
   *
   * @param e164 the number
   * @return the text, or the input when it does not parse
   */
  public static String pretty(String e164) {
    Optional<PhoneNumber> n = Optional.ofNullable(parse(e164));
    if (n.isEmpty()) {
      return e164;
    }
    return UTIL.format(n.get(), n.get().getCountryCode() == 44
        ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
  }
}
