package io.civickit.benchmarks.validation;

import io.civickit.core.FieldError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The practical limit: code written by hand for exactly this form, with CivicKit's rules and
 * GOV.UK-style messages, but no regular expressions, no reflection and no message bundles. Phone numbers
 * still go through libphonenumber: nobody writes the numbering plan by hand.
 */
public final class HandWrittenSubmission implements SubmissionValidator {

  /** Typed values and errors. */
  public record Outcome(Map<String, Object> values, List<FieldError> errors) {}

  private static final Set<String> TENURES = Set.copyOf(HousingForm.TENURES);
  private static final Set<String> AREAS = Set.copyOf(HousingForm.AREAS);
  private static final Set<String> SUPPORT = Set.copyOf(HousingForm.SUPPORT);
  private static final Set<String> CONTACT = Set.copyOf(HousingForm.CONTACT);

  @Override
  public String name() {
    return "hand-written";
  }

  @Override
  public Outcome validate(Map<String, List<String>> in) {
    Map<String, Object> v = new HashMap<>(64);
    List<FieldError> e = new ArrayList<>();
    text(in, "full_name", "full name", 100, true, v, e);
    text(in, "preferred_name", "preferred name", 50, false, v, e);
    date(in, "date_of_birth", "date of birth", v, e);
    email(in, "email", true, v, e);
    phone(in, "phone", v, e);
    text(in, "address_line1", "building and street", 100, true, v, e);
    text(in, "address_line2", "second address line", 100, false, v, e);
    text(in, "town", "town or city", 60, true, v, e);
    postcode(in, "postcode", v, e);
    number(in, "household_size", "household size", true, 1, 20, v, e);
    number(in, "bedrooms", "number of bedrooms", true, 0, 10, v, e);
    number(in, "weekly_rent", "weekly rent", false, 0, 5000, v, e);
    date(in, "move_in_date", "move-in date", v, e);
    choice(in, "tenure", "tenure", TENURES, v, e);
    choice(in, "council_area", "council area", AREAS, v, e);
    yesNo(in, "has_children", "answer about children", v, e);
    yesNo(in, "receives_benefits", "answer about benefits", v, e);
    yesNo(in, "needs_adaptations", "answer about adaptations", v, e);
    checkboxes(in, "support_needs", "support needs", SUPPORT, v, e);
    choice(in, "contact_preference", "contact preference", CONTACT, v, e);
    text(in, "employer_name", "employer name", 100, false, v, e);
    number(in, "monthly_income", "monthly income", false, 0, 100_000, v, e);
    date(in, "tenancy_start", "tenancy start date", v, e);
    email(in, "alt_email", false, v, e);
    text(in, "reason", "reason for moving", 1000, true, v, e);
    return new Outcome(v, e);
  }

  // ---- reading input ------------------------------------------------------------------------

  private static String raw(Map<String, List<String>> in, String name) {
    List<String> v = in.get(name);
    if (v == null || v.isEmpty() || v.get(0) == null) {
      return "";
    }
    return clean(v.get(0));
  }

  /** Strips white space (no-break spaces too) and drops zero-width characters, as CivicKit does. */
  static String clean(String s) {
    String t = s.length() > 10_000 ? s.substring(0, 10_000) : s;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\u00A0' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
        StringBuilder b = new StringBuilder(t.length());
        for (int j = 0; j < t.length(); j++) {
          char d = t.charAt(j);
          if (d == '\u00A0') {
            b.append(' ');
          } else if (d != '\u200B' && d != '\u200C' && d != '\u200D' && d != '\u2060' && d != '\uFEFF') {
            b.append(d);
          }
        }
        return b.toString().strip();
      }
    }
    return t.strip();
  }

  private static String capital(String noun) {
    return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
  }

  // ---- rules ---------------------------------------------------------------------------------

  private static void text(Map<String, List<String>> in, String id, String noun, int max, boolean required,
      Map<String, Object> v, List<FieldError> e) {
    String s = raw(in, id);
    if (s.isEmpty()) {
      if (required) {
        e.add(new FieldError(id, "Enter " + noun));
      }
    } else if (s.codePointCount(0, s.length()) > max) {
      e.add(new FieldError(id, capital(noun) + " must be " + max + " characters or less"));
    } else {
      v.put(id, s);
    }
  }

  private static void number(Map<String, List<String>> in, String id, String noun, boolean whole, long min, long max,
      Map<String, Object> v, List<FieldError> e) {
    String s = raw(in, id);
    if (s.indexOf(',') >= 0) {
      s = s.replace(",", "");
    }
    if (s.isEmpty()) {
      e.add(new FieldError(id, "Enter " + noun));
      return;
    }
    int shape = shape(s);
    if (shape == 0 || (whole && shape == 2)) {
      e.add(new FieldError(id, capital(noun) + (whole && shape == 2 ? " must be a whole number" : " must be a number")));
      return;
    }
    BigDecimal n = new BigDecimal(s);
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      e.add(new FieldError(id, capital(noun) + " must be between " + min + " and " + max));
    } else {
      v.put(id, n);
    }
  }

  /** 0: not a number; 1: a whole number; 2: a decimal. Up to 15 digits, then up to 10 decimals. */
  private static int shape(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int whole = i - start;
    if (whole < 1 || whole > 15) {
      return 0;
    }
    if (i == s.length()) {
      return 1;
    }
    if (s.charAt(i) != '.') {
      return 0;
    }
    int frac = s.length() - i - 1;
    if (frac < 1 || frac > 10) {
      return 0;
    }
    for (int j = i + 1; j < s.length(); j++) {
      if (s.charAt(j) < '0' || s.charAt(j) > '9') {
        return 0;
      }
    }
    return 2;
  }

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
      "dec"};

  private static void date(Map<String, List<String>> in, String id, String noun, Map<String, Object> v,
      List<FieldError> e) {
    String d = raw(in, id + "-day");
    String m = raw(in, id + "-month");
    String y = raw(in, id + "-year");
    if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
      e.add(new FieldError(id + "-day", "Enter " + noun));
      return;
    }
    if (d.isEmpty() || m.isEmpty() || y.isEmpty()) {
      String field = id + (d.isEmpty() ? "-day" : m.isEmpty() ? "-month" : "-year");
      String missing = d.isEmpty() ? (m.isEmpty() ? "a day and month" : y.isEmpty() ? "a day and year" : "a day")
          : m.isEmpty() ? (y.isEmpty() ? "a month and year" : "a month") : "a year";
      e.add(new FieldError(field, capital(noun) + " must include " + missing));
      return;
    }
    int day = digits(d, 1, 2);
    int month = digits(m, 1, 2);
    if (month < 0) {
      month = monthName(m);
    } else if (month < 1 || month > 12) {
      month = -1;
    }
    if (day < 0) {
      e.add(new FieldError(id + "-day", capital(noun) + " must be a real date"));
      return;
    }
    if (month < 0) {
      e.add(new FieldError(id + "-month", capital(noun) + " must be a real date"));
      return;
    }
    int year = digits(y, 4, 4);
    if (year < 0) {
      boolean allDigits = digits(y, 1, 19) >= 0;
      e.add(new FieldError(id + "-year", allDigits ? "Year must include 4 numbers" : capital(noun) + " must be a real date"));
      return;
    }
    try {
      v.put(id, LocalDate.of(year, month, day));
    } catch (DateTimeException x) {
      e.add(new FieldError(id + "-day", capital(noun) + " must be a real date"));
    }
  }

  /** The value of a string of {@code min..max} ASCII digits, or -1. */
  private static int digits(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n > Integer.MAX_VALUE ? 0 : (int) n;
  }

  private static int monthName(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      String full = java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT);
      if (lower.equals(MONTHS[i]) || lower.equals(full) || (i == 8 && lower.equals("sept"))) {
        return i + 1;
      }
    }
    return -1;
  }

  private static final String EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com";

  private static void email(Map<String, List<String>> in, String id, boolean required, Map<String, Object> v,
      List<FieldError> e) {
    String s = raw(in, id);
    if (s.indexOf(' ') >= 0) {
      s = s.replace(" ", "");
    }
    if (s.isEmpty()) {
      if (required) {
        e.add(new FieldError(id, "Enter your email address"));
      }
    } else if (!validEmail(s)) {
      e.add(new FieldError(id, EMAIL_MESSAGE));
    } else {
      v.put(id, s);
    }
  }

  /** GOV.UK Notify's rules for ASCII addresses: local part characters, dotted host labels, a letters-only TLD. */
  static boolean validEmail(String s) {
    if (s.length() > 320 || s.contains("..")) {
      return false;
    }
    int at = s.indexOf('@');
    if (at <= 0 || s.indexOf('@', at + 1) >= 0 || at == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0)) {
        return false;
      }
    }
    int labels = 0;
    int start = at + 1;
    if (s.length() - start > 253) {
      return false;
    }
    for (int i = start; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        int len = i - start;
        if (len < 1 || len > 63 || s.charAt(start) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        boolean last = i == s.length();
        for (int j = start; j < i; j++) {
          char c = s.charAt(j);
          boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
          if (last ? !letter : !(letter || c >= '0' && c <= '9' || c == '-')) {
            return false;
          }
        }
        if (last && len < 2) {
          return false;
        }
        labels++;
        start = i + 1;
      }
    }
    return labels >= 2;
  }

  private static void phone(Map<String, List<String>> in, String id, Map<String, Object> v, List<FieldError> e) {
    String s = raw(in, id);
    if (s.isEmpty()) {
      e.add(new FieldError(id, "Enter your telephone number"));
      return;
    }
    String e164 = s.length() > 40 ? null : UkPhone.e164(s);
    if (e164 == null) {
      e.add(new FieldError(id, "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"));
    } else {
      v.put(id, e164);
    }
  }

  private static void postcode(Map<String, List<String>> in, String id, Map<String, Object> v, List<FieldError> e) {
    String s = raw(in, id);
    if (s.isEmpty()) {
      e.add(new FieldError(id, "Enter your postcode"));
      return;
    }
    StringBuilder b = new StringBuilder(8);
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toUpperCase(s.charAt(i));
      if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    int n = b.length();
    if (n < 5 || n > 7 || !isDigit(b.charAt(n - 3)) || !isLetter(b.charAt(n - 2)) || !isLetter(b.charAt(n - 1))
        || !outward(b, n - 3)) {
      e.add(new FieldError(id, "Enter a full UK postcode"));
      return;
    }
    v.put(id, b.substring(0, n - 3) + " " + b.substring(n - 3));
  }

  /** [A-Z]{1,2}[0-9][0-9A-Z]? */
  private static boolean outward(CharSequence s, int len) {
    int i = 0;
    if (len < 2 || len > 4 || !isLetter(s.charAt(i++))) {
      return false;
    }
    if (isLetter(s.charAt(i))) {
      i++;
    }
    if (i >= len || !isDigit(s.charAt(i++))) {
      return false;
    }
    return i == len || (i == len - 1 && (isDigit(s.charAt(i)) || isLetter(s.charAt(i))));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void choice(Map<String, List<String>> in, String id, String noun, Set<String> options,
      Map<String, Object> v, List<FieldError> e) {
    String s = raw(in, id);
    if (s.isEmpty()) {
      e.add(new FieldError(id, "Select " + noun));
    } else if (!options.contains(s)) {
      e.add(new FieldError(id, "Select " + noun));
    } else {
      v.put(id, s);
    }
  }

  private static void yesNo(Map<String, List<String>> in, String id, String noun, Map<String, Object> v,
      List<FieldError> e) {
    String s = raw(in, id).toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      e.add(new FieldError(id, "Select " + noun));
    } else if (s.equals("yes") || s.equals("true")) {
      v.put(id, Boolean.TRUE);
    } else if (s.equals("no") || s.equals("false")) {
      v.put(id, Boolean.FALSE);
    } else {
      e.add(new FieldError(id, "Select " + noun));
    }
  }

  private static void checkboxes(Map<String, List<String>> in, String id, String noun, Set<String> options,
      Map<String, Object> v, List<FieldError> e) {
    List<String> raw = in.getOrDefault(id, List.of());
    if (raw.size() > options.size()) {
      e.add(new FieldError(id, "Select " + noun));
      return;
    }
    List<String> chosen = new ArrayList<>(raw.size());
    for (String r : raw) {
      String s = r == null ? "" : clean(r);
      if (s.isEmpty() || chosen.contains(s)) {
        continue;
      }
      if (!options.contains(s)) {
        e.add(new FieldError(id, "Select " + noun));
        return;
      }
      chosen.add(s);
    }
    if (!chosen.isEmpty()) {
      v.put(id, chosen);
    }
  }

  @Override
  public Set<String> invalidQuestions(Object result) {
    Set<String> out = new TreeSet<>();
    ((Outcome) result).errors().forEach(x -> out.add(SubmissionValidator.questionOf(x.field())));
    return out;
  }
}
