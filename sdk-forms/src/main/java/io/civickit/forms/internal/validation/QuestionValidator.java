package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.ValidationResult;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Validates one question's input by GOV.UK rules. Never throws on any input.
 *
 * <p>Field names, for a question whose field base is {@code B} (its id, or
 * {@code GROUP[i].ID} inside a repeating group): {@code B} for single inputs and every
 * checkbox value; {@code B-day}, {@code B-month}, {@code B-year} for dates; {@code B-line1},
 * {@code B-line2}, {@code B-town}, {@code B-postcode} (and optionally {@code B-uprn}) for
 * addresses; {@code B-name}, {@code B-size}, {@code B-type} for a file's metadata; and
 * {@code B[i].ITEM...} plus {@code B-items} for the items of a repeating group.
 */
// Over 500 lines and kept whole for now: one switch over question types sharing messages and field
// naming. Issue 20 asks for it to be split (field naming apart, rules per family of types); it is
// left whole while it is being changed on another branch, to be split after that lands.
public final class QuestionValidator {
  /** Longest number, money, postcode or code input read, in characters. */
  static final int MAX_SHORT = 100;
  /** Most items of a repeating group ever read, whatever the question allows. */
  public static final int MAX_GROUP_INDEX = 1_000;


  private final Question root;
  private final Map<String, List<String>> input;
  private final Locale locale;
  private final LocalDate today;
  private final Messages messages;

  /**
   * @param q the question
   * @param input submitted fields
   * @param locale language of messages
   * @param today today's date
   * @param messages the message templates
   */
  public QuestionValidator(Question q, Map<String, List<String>> input, Locale locale, LocalDate today,
      Messages messages) {
    this.root = q;
    this.input = input == null ? Map.of() : input;
    this.locale = locale == null ? Locale.UK : locale;
    this.today = today;
    this.messages = messages;
  }

  /** @return the result; never throws */
  public ValidationResult validate() {
    try {
      return validate(root, root.id());
    } catch (RuntimeException e) {
      // Input must never crash a page. A bug here shows as a generic error on the question.
      return fallback(root, root.id());
    }
  }

  /**
   * Validates without the safety net, so that tests can prove the net is never needed.
   *
   * @return the result
   * @throws RuntimeException on a bug
   */
  public ValidationResult validateWithoutSafetyNet() {
    return validate(root, root.id());
  }

  private ValidationResult fallback(Question q, String base) {
    String message;
    try {
      message = message(q, "required", Map.of());
    } catch (RuntimeException e) {
      message = q.errorNoun().in(locale);
    }
    return new ValidationResult.Invalid(new FieldError(firstField(q, base), message));
  }

  /**
   * The id of the first input of a question, which the error summary links to.
   *
   * @param q the question
   * @param base its field base
   * @return the input id
   */
  public static String firstField(Question q, String base) {
    switch (q.type()) {
      case DATE:
        return base + "-day";
      case MONTH_YEAR:
        return base + "-month";
      case ADDRESS:
        return base + "-line1";
      case FIRST_AND_LAST_NAME:
        return base + "-first";
      case INTERNATIONAL_ADDRESS:
        return base + "-line1";
      default:
        return base;
    }
  }

  private ValidationResult validate(Question q, String base) {
    switch (q.type()) {
      case TEXT:
      case NAME:
        return text(q, base, false);
      case TEXTAREA:
        return text(q, base, true);
      case WHOLE_NUMBER:
        return number(q, base, true);
      case DECIMAL:
        return number(q, base, false);
      case MONEY:
        return money(q, base);
      case DATE:
      case MONTH_YEAR:
        return date(q, base);
      case EMAIL:
        return email(q, base);
      case PHONE:
        return phone(q, base);
      case MOBILE:
        return mobile(q, base);
      case POSTCODE:
        return postcode(q, base);
      case ADDRESS:
        return address(q, base);
      case FIRST_AND_LAST_NAME:
        return firstAndLast(q, base);
      case NATIONAL_INSURANCE_NUMBER:
        return nino(q, base);
      case RADIOS:
      case SELECT:
        return choice(q, base);
      case YES_NO:
        return yesNo(q, base);
      case CHECKBOXES:
        return checkboxes(q, base);
      case FILE:
        return file(q, base);
      case REPEATING_GROUP:
        return group(q, base);
      case DECLARATION:
        return declaration(q, base);
      case INTERNATIONAL_ADDRESS:
        return new InternationalAddressRule(this, q, base, locale).validate();
      default:
        return fallback(q, base);
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * @param s a string
   * @return whether it is one or more of the digits 0 to 9 (the pattern {@code ^[0-9]+$})
   */
  static boolean digits(String s) {
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

  /**
   * A day of the month as typed: the pattern {@code ^([0-9]{1,2})(?:st|nd|rd|th)?$}, ignoring
   * case, that is one or two digits, then optionally "st", "nd", "rd" or "th".
   *
   * @param s a string
   * @return the number, or -1 when it is not written so
   */
  static int day(String s) {
    int n = 0;
    int i = 0;
    while (i < s.length() && i < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      n = n * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i == 0 || i > 2) {
      return -1;
    }
    if (i == s.length()) {
      return n;
    }
    if (s.length() - i != 2) {
      return -1;
    }
    char a = (char) (s.charAt(i) | 0x20);
    char b = (char) (s.charAt(i + 1) | 0x20);
    boolean suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
        || (a == 't' && b == 'h');
    return suffix ? n : -1;
  }

  String message(Question q, String key, Map<String, String> vars) {
    String noun = q.errorNoun().in(locale);
    String subject = q.subject(locale);
    Map<String, String> values = new HashMap<>(vars);
    values.put("noun", noun);
    values.put("Noun", capital(noun));
    values.put("subject", subject);
    values.put("Subject", capital(subject));
    boolean cy = Formats.welsh(locale);
    values.put("i_noun", cy ? Welsh.afterI(noun) : noun);
    values.put("i_subject", cy ? Welsh.afterI(subject) : subject);
    values.put("noun_soft", cy ? Welsh.object(noun) : noun);
    LocalisedText own = q.messages().get(key);
    if (own != null) {
      return Messages.fill(own.in(locale), values);
    }
    return messages.format(key, locale, values);
  }

  private static String capital(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(s, Character.charCount(first), s.length()).toString();
  }

  private ValidationResult error(Question q, String field, String key) {
    return error(q, List.of(field), key, Map.of());
  }

  private ValidationResult error(Question q, String field, String key, Map<String, String> vars) {
    return error(q, List.of(field), key, vars);
  }

  /** One message; the first field is linked from the error summary, the others highlighted too. */
  private ValidationResult error(Question q, List<String> fields, String key, Map<String, String> vars) {
    String m = message(q, key, vars);
    List<FieldError> errors = new ArrayList<>();
    for (String f : fields) {
      errors.add(new FieldError(f, m));
    }
    return new ValidationResult.Invalid(errors);
  }

  private ValidationResult ok(Question q, Value v, String display) {
    return new ValidationResult.Valid(Optional.of(v), display);
  }

  ValidationResult missing(Question q, String field, String key) {
    return q.required() ? error(q, field, key) : new ValidationResult.Valid(Optional.empty(), "");
  }

  String line(String name) {
    return Input.line(Input.first(input, name));
  }

  private Map<String, String> vars(String k1, String v1) {
    return Map.of(k1, v1);
  }

  // ------------------------------------------------------------------ text

  private ValidationResult lengthBetween(Question q, String base) {
    return error(q, base, "length.between", Map.of("min", Formats.number(BigDecimal.valueOf(q.minLength())),
        "max", Formats.number(BigDecimal.valueOf(q.maxLength()))));
  }

  private ValidationResult text(Question q, String base, boolean multiline) {
    String raw = Input.first(input, base);
    if (raw != null && raw.length() > 4L * q.maxLength() + 1000) {
      return error(q, base, "too.long", vars("max", Formats.number(BigDecimal.valueOf(q.maxLength()))));
    }
    String v = multiline ? Input.multiline(raw) : Input.line(raw);
    if (v.isEmpty()) {
      return missing(q, base, "required");
    }
    // The Design System's text input: an input with both an authored minimum and maximum says "between"
    boolean bothLimits = q.minLength() > 0 && q.maxLength() != Question.DEFAULT_MAX_LENGTH;
    if (Input.length(v) > q.maxLength()) {
      return bothLimits ? lengthBetween(q, base)
          : error(q, base, "too.long", vars("max", Formats.number(BigDecimal.valueOf(q.maxLength()))));
    }
    if (q.maxWords() > 0 && words(v) > q.maxWords()) {
      return error(q, base, "too.many.words", vars("max", Formats.number(BigDecimal.valueOf(q.maxWords()))));
    }
    if (Input.length(v) < q.minLength()) {
      return bothLimits ? lengthBetween(q, base)
          : error(q, base, "too.short", vars("min", Formats.number(BigDecimal.valueOf(q.minLength()))));
    }
    if (!multiline && q.pattern().isPresent() && !java.util.regex.Pattern.compile(q.pattern().get()).matcher(v).matches()) {
      return error(q, base, "pattern.invalid");
    }
    return ok(q, Value.text(v), v);
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

  // ------------------------------------------------------------------ numbers

  private @Nullable BigDecimal parseNumber(String typed) {
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

  private ValidationResult number(Question q, String base, boolean whole) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required");
    }
    BigDecimal n = v.length() > MAX_SHORT ? null : parseNumber(v);
    // The Design System's example after "must be a number": a decimal too where decimals are allowed.
    Map<String, String> example = vars("example", whole ? "30" : Formats.welsh(locale) ? "30 neu 2.5" : "30 or 2.5");
    if (n == null) {
      return error(q, base, "number.invalid", example);
    }
    BigDecimal stripped = n.stripTrailingZeros();
    if (whole && stripped.scale() > 0) {
      return error(q, base, "number.whole", example);
    }
    BigDecimal value = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    Optional<ValidationResult> range = range(q, base, value, false);
    if (range.isPresent()) {
      return range.get();
    }
    return ok(q, Value.number(value), v);
  }

  private Optional<ValidationResult> range(Question q, String base, BigDecimal n, boolean money) {
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
    return Optional.of(error(q, base, key, vars));
  }

  private ValidationResult money(Question q, String base) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required");
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
      return error(q, base, "money.invalid");
    }
    if (n.stripTrailingZeros().scale() > 2) {
      return error(q, base, "money.pence");
    }
    n = n.setScale(2);
    if (negative) {
      n = n.negate();
    }
    Optional<ValidationResult> range = range(q, base, n, true);
    if (range.isPresent()) {
      return range.get();
    }
    return ok(q, Value.number(n), Formats.money(n));
  }

  // ------------------------------------------------------------------ dates

  private ValidationResult date(Question q, String base) {
    boolean monthYear = q.type() == QuestionType.MONTH_YEAR;
    String dayField = base + "-day";
    String monthField = base + "-month";
    String yearField = base + "-year";
    String d = monthYear ? "1" : line(dayField);
    String m = line(monthField);
    String y = line(yearField);
    List<String> all = monthYear ? List.of(monthField, yearField) : List.of(dayField, monthField, yearField);
    if ((monthYear || d.isEmpty()) && m.isEmpty() && y.isEmpty()) {
      return q.required() ? error(q, all, "required", Map.of()) : new ValidationResult.Valid(Optional.empty(), "");
    }
    if (d.isEmpty() || m.isEmpty() || y.isEmpty()) {
      List<String> parts = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      if (d.isEmpty()) {
        parts.add("day");
        fields.add(base + "-day");
      }
      if (m.isEmpty()) {
        parts.add("month");
        fields.add(base + "-month");
      }
      if (y.isEmpty()) {
        parts.add("year");
        fields.add(base + "-year");
      }
      return error(q, fields, "date.missing." + String.join(".", parts), Map.of());
    }
    int day = d.length() <= 4 ? day(d) : -1;
    boolean badDay = day < 1 || day > 31;
    int month = -1;
    if (m.length() <= 2 && digits(m)) {
      month = Integer.parseInt(m);
    } else if (m.length() <= 12) {
      month = Formats.monthNamed(m);
    }
    boolean badMonth = month < 1 || month > 12;
    boolean yearDigits = y.length() <= 10 && digits(y);
    boolean yearLength = yearDigits && y.length() != 4;
    boolean badYear = !yearDigits || yearLength || Integer.parseInt(y) < 1000;
    if (badDay || badMonth || badYear) {
      if (!badDay && !badMonth && yearLength) {
        return error(q, base + "-year", "date.year.digits");
      }
      List<String> fields = new ArrayList<>();
      if (badDay) {
        fields.add(base + "-day");
      }
      if (badMonth) {
        fields.add(base + "-month");
      }
      if (badYear) {
        fields.add(base + "-year");
      }
      return error(q, fields, "date.real", Map.of());
    }
    LocalDate date;
    try {
      date = LocalDate.of(Integer.parseInt(y), month, day);
    } catch (DateTimeException e) {
      return error(q, base + "-day", "date.real");
    }
    // a month and year is compared by month: "in the past" is before this month
    LocalDate now = monthYear ? today.withDayOfMonth(1) : today;
    String rule = null;
    switch (q.dateRule()) {
      case PAST:
        rule = date.isBefore(now) ? null : "date.past";
        break;
      case FUTURE:
        rule = date.isAfter(now) ? null : "date.future";
        break;
      case TODAY_OR_PAST:
        rule = date.isAfter(now) ? "date.today.or.past" : null;
        break;
      case TODAY_OR_FUTURE:
        rule = date.isBefore(now) ? "date.today.or.future" : null;
        break;
      default:
        break;
    }
    if (rule != null) {
      return error(q, all, rule, Map.of());
    }
    Optional<LocalDate> earliest = q.earliestDate().map(e -> monthYear ? e.withDayOfMonth(1) : e);
    Optional<LocalDate> latest = q.latestDate().map(l -> monthYear ? l.withDayOfMonth(1) : l);
    boolean early = earliest.isPresent() && date.isBefore(earliest.get());
    boolean late = latest.isPresent() && date.isAfter(latest.get());
    java.util.function.Function<LocalDate, String> shown = x -> monthYear ? Formats.monthYear(x, locale)
        : Formats.date(x, locale);
    if (early || late) {
      if (earliest.isPresent() && latest.isPresent()) {
        return error(q, all, "date.between", Map.of("min", shown.apply(earliest.get()),
            "max", shown.apply(latest.get())));
      }
      return early ? error(q, all, "date.not.before", vars("date", shown.apply(earliest.get())))
          : error(q, all, "date.not.after", vars("date", shown.apply(latest.get())));
    }
    return ok(q, Value.date(date), shown.apply(date));
  }

  // ------------------------------------------------------------------ contact details

  private ValidationResult email(Question q, String base) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required");
    }
    if (!Emails.valid(v)) {
      return error(q, base, "email.invalid");
    }
    return ok(q, Value.text(v), v);
  }

  private ValidationResult phone(Question q, String base) {
    String typed = line(base);
    if (typed.isEmpty()) {
      return missing(q, base, "required");
    }
    Phones.Result r = Phones.contact(typed);
    if (r instanceof Phones.Problem p) {
      return error(q, base, p.key());
    }
    Phones.Number n = (Phones.Number) r;
    if (n.extension() != null) {
      Map<String, Value> f = new LinkedHashMap<>();
      f.put("number", Value.text(n.e164()));
      f.put("extension", Value.text(n.extension()));
      return ok(q, Value.fields(f), typed);
    }
    return ok(q, Value.text(n.e164()), typed);
  }

  private ValidationResult mobile(Question q, String base) {
    String typed = line(base);
    if (typed.isEmpty()) {
      return missing(q, base, "required");
    }
    Phones.Result r = Phones.mobile(typed);
    if (r instanceof Phones.Problem p) {
      return error(q, base, p.key());
    }
    return ok(q, Value.text(((Phones.Number) r).e164()), typed);
  }

  private ValidationResult postcode(Question q, String base) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required");
    }
    Optional<String> p = Codes.postcode(v);
    return p.isPresent() ? ok(q, Value.text(p.get()), p.get()) : error(q, base, "postcode.invalid");
  }

  /** A name in two boxes: each box's own message, as the names pattern words them. */
  private ValidationResult firstAndLast(Question q, String base) {
    String first = line(base + "-first");
    String last = line(base + "-last");
    if (first.isEmpty() && last.isEmpty()) {
      return q.required() ? new ValidationResult.Invalid(List.of(
          new FieldError(base + "-first", message(q, "name.first.required", Map.of())),
          new FieldError(base + "-last", message(q, "name.last.required", Map.of()))))
          : new ValidationResult.Valid(Optional.empty(), "");
    }
    Map<String, String> limit = vars("max", Formats.number(BigDecimal.valueOf(q.maxLength())));
    List<FieldError> errors = new ArrayList<>();
    if (first.isEmpty()) {
      errors.add(new FieldError(base + "-first", message(q, "name.first.required", Map.of())));
    } else if (Input.length(first) > q.maxLength()) {
      errors.add(new FieldError(base + "-first", message(q, "name.first.too.long", limit)));
    }
    if (last.isEmpty()) {
      errors.add(new FieldError(base + "-last", message(q, "name.last.required", Map.of())));
    } else if (Input.length(last) > q.maxLength()) {
      errors.add(new FieldError(base + "-last", message(q, "name.last.too.long", limit)));
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("first", Value.text(first));
    f.put("last", Value.text(last));
    return ok(q, Value.fields(f), first + " " + last);
  }

  private ValidationResult address(Question q, String base) {
    String l1 = line(base + "-line1");
    String l2 = line(base + "-line2");
    String town = line(base + "-town");
    String pc = line(base + "-postcode");
    if (l1.isEmpty() && l2.isEmpty() && town.isEmpty() && pc.isEmpty()) {
      return missing(q, base + "-line1", "required");
    }
    int max = q.maxLength();
    Map<String, String> limit = vars("max", Formats.number(BigDecimal.valueOf(max)));
    List<FieldError> errors = new ArrayList<>();
    if (l1.isEmpty()) {
      errors.add(new FieldError(base + "-line1", message(q, "address.line1.required", Map.of())));
    } else if (Input.length(l1) > max) {
      errors.add(new FieldError(base + "-line1", message(q, "address.line1.too.long", limit)));
    }
    if (Input.length(l2) > max) {
      errors.add(new FieldError(base + "-line2", message(q, "address.line2.too.long", limit)));
    }
    if (town.isEmpty()) {
      errors.add(new FieldError(base + "-town", message(q, "address.town.required", Map.of())));
    } else if (Input.length(town) > max) {
      errors.add(new FieldError(base + "-town", message(q, "address.town.too.long", limit)));
    }
    Optional<String> p = Optional.empty();
    if (pc.isEmpty()) {
      errors.add(new FieldError(base + "-postcode", message(q, "address.postcode.required", Map.of())));
    } else {
      p = Codes.postcode(pc);
      if (p.isEmpty()) {
        errors.add(new FieldError(base + "-postcode", message(q, "postcode.invalid", Map.of())));
      }
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("line1", Value.text(l1));
    if (!l2.isEmpty()) {
      f.put("line2", Value.text(l2));
    }
    f.put("town", Value.text(town));
    f.put("postcode", Value.text(p.get()));
    String uprn = line(base + "-uprn");
    if (!uprn.isEmpty() && uprn.length() <= 12 && digits(uprn)) {
      f.put("uprn", Value.text(uprn));
    }
    Value v = Value.fields(f);
    return ok(q, v, AnswerFormat.display(q, v, locale));
  }

  private ValidationResult nino(Question q, String base) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required");
    }
    Optional<String> n = Codes.nationalInsuranceNumber(v);
    return n.isPresent() ? ok(q, Value.text(n.get()), Codes.spaced(n.get())) : error(q, base, "nino.invalid");
  }

  // ------------------------------------------------------------------ choices

  private Optional<Option> option(Question q, String value) {
    for (Option o : q.options()) {
      if (o.value().equals(value)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private ValidationResult choice(Question q, String base) {
    String v = line(base);
    if (v.isEmpty()) {
      return missing(q, base, "required.choice");
    }
    Optional<Option> o = v.length() > 1000 ? Optional.empty() : option(q, v);
    return o.isPresent() ? ok(q, Value.text(o.get().value()), o.get().label().in(locale))
        : error(q, base, "choice.invalid");
  }

  private ValidationResult yesNo(Question q, String base) {
    String v = line(base).toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return missing(q, base, "required.choice");
    }
    Boolean b = null;
    if (v.equals("yes") || v.equals("true")) {
      b = Boolean.TRUE;
    } else if (v.equals("no") || v.equals("false")) {
      b = Boolean.FALSE;
    }
    if (b == null) {
      return error(q, base, "choice.invalid");
    }
    Value value = Value.bool(b);
    return ok(q, value, AnswerFormat.display(q, value, locale));
  }

  /** A declaration's one checkbox sends {@code yes} when ticked and nothing when not. */
  private ValidationResult declaration(Question q, String base) {
    if (!line(base).equalsIgnoreCase("yes")) {
      return error(q, base, "declaration.required");
    }
    Value value = Value.bool(true);
    return ok(q, value, AnswerFormat.display(q, value, locale));
  }

  private ValidationResult checkboxes(Question q, String base) {
    List<String> raw = input.getOrDefault(base, List.of());
    if (raw == null) {
      raw = List.of();
    }
    if (raw.size() > Math.min(Input.MAX_VALUES, q.options().size() * 2 + 10)) {
      return error(q, base, "choice.invalid");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String r : raw) {
      String v = Input.line(r);
      if (v.isEmpty()) {
        continue;
      }
      if (v.length() > 1000 || option(q, v).isEmpty()) {
        return error(q, base, "choice.invalid");
      }
      chosen.add(v);
    }
    Optional<Option> none = q.options().stream().filter(Option::exclusive).findFirst();
    if (chosen.isEmpty()) {
      return none.isPresent() && q.required()
          ? error(q, base, "checkboxes.none", vars("none", none.get().label().in(locale)))
          : missing(q, base, "required.choice");
    }
    if (none.isPresent() && chosen.contains(none.get().value()) && chosen.size() > 1) {
      // "None of these" with other choices: GOV.UK Frontend prevents it in the browser; this holds without it.
      return error(q, base, "checkboxes.none", vars("none", none.get().label().in(locale)));
    }
    List<String> ordered = new ArrayList<>();
    for (Option o : q.options()) {
      if (chosen.contains(o.value())) {
        ordered.add(o.value());
      }
    }
    if (ordered.size() < q.minItems()) {
      return error(q, base, "checkboxes.min", vars("min", Integer.toString(q.minItems())));
    }
    if (q.maxItems() < q.options().size() && ordered.size() > q.maxItems()) {
      return error(q, base, "checkboxes.max", vars("max", Integer.toString(q.maxItems())));
    }
    Value value = Value.texts(ordered);
    return ok(q, value, AnswerFormat.display(q, value, locale));
  }

  // ------------------------------------------------------------------ files

  private static boolean typeAllowed(List<String> allowed, String type, String name) {
    if (allowed.isEmpty()) {
      return true;
    }
    String t = type.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi).strip();
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      String x = a.toLowerCase(Locale.ROOT).strip();
      if (x.startsWith(".") ? lowerName.endsWith(x)
          : x.endsWith("/*") ? t.startsWith(x.substring(0, x.length() - 1)) : x.equals(t)) {
        return true;
      }
    }
    return false;
  }

  private ValidationResult file(Question q, String base) {
    String name = line(base + "-name");
    String size = line(base + "-size");
    String type = line(base + "-type");
    if (name.isEmpty() && size.isEmpty()) {
      return missing(q, base, "file.required");
    }
    if (name.isEmpty() || Input.length(name) > 255 || size.length() > 15 || !digits(size)
        || type.length() > 255) {
      return error(q, base, "file.failed");
    }
    long bytes = Long.parseLong(size);
    if (bytes == 0) {
      return error(q, base, "file.empty");
    }
    if (!typeAllowed(q.fileTypes(), type, name)) {
      return error(q, base, "file.type", vars("types", Formats.fileTypes(q.fileTypes(), locale)));
    }
    if (bytes > q.maxFileBytes()) {
      return error(q, base, "file.too.big", vars("size", Formats.size(q.maxFileBytes())));
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("name", Value.text(name));
    f.put("size", Value.number(bytes));
    f.put("type", Value.text(type.toLowerCase(Locale.ROOT)));
    return ok(q, Value.fields(f), name);
  }

  // ------------------------------------------------------------------ repeating groups

  /**
   * The item positions of a repeating group present in the input: those named in field names
   * ({@code B[3].name}) and those implied by the {@code B-items} count the renderer writes,
   * capped at {@link #MAX_GROUP_INDEX}; with whether each holds anything.
   *
   * @param input the submitted fields
   * @param base the group's field base
   * @return item index to "has a non-blank value", in index order
   */
  public static TreeMap<Integer, Boolean> items(Map<String, List<String>> input, String base) {
    TreeMap<Integer, Boolean> items = new TreeMap<>();
    String count = Input.line(Input.first(input, base + "-items"));
    if (!count.isEmpty() && count.length() <= 4 && digits(count)) {
      int n = Math.min(Integer.parseInt(count), MAX_GROUP_INDEX);
      for (int i = 0; i < n; i++) {
        items.put(i, false);
      }
    }
    String prefix = base + "[";
    for (Map.Entry<String, List<String>> e : input.entrySet()) {
      String k = e.getKey();
      if (k == null || !k.startsWith(prefix)) {
        continue;
      }
      int close = k.indexOf(']', prefix.length());
      if (close <= prefix.length() || close - prefix.length() > 4) {
        continue;
      }
      String digits = k.substring(prefix.length(), close);
      if (!digits(digits)) {
        continue;
      }
      int i = Integer.parseInt(digits);
      if (i >= MAX_GROUP_INDEX) {
        continue;
      }
      boolean filled = false;
      List<String> values = e.getValue();
      if (values != null) {
        for (int j = 0; j < values.size() && j < Input.MAX_VALUES && !filled; j++) {
          filled = !Input.line(values.get(j)).isEmpty();
        }
      }
      items.merge(i, filled, Boolean::logicalOr);
    }
    return items;
  }

  /**
   * The field base of an item question.
   *
   * @param groupBase the group's field base
   * @param index the item position
   * @param item the item question
   * @return e.g. {@code children[0].name}
   */
  public static String itemBase(String groupBase, int index, Question item) {
    return groupBase + "[" + index + "]." + item.id();
  }

  private ValidationResult group(Question q, String base) {
    TreeMap<Integer, Boolean> items = items(input, base);
    List<Integer> filled = new ArrayList<>();
    items.forEach((i, f) -> {
      if (f) {
        filled.add(i);
      }
    });
    if (filled.isEmpty()) {
      return missing(q, base, "group.required");
    }
    List<FieldError> errors = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    for (int i : filled) {
      Map<String, Value> fields = new LinkedHashMap<>();
      for (Question item : q.items()) {
        ValidationResult r = validate(item, itemBase(base, i, item));
        if (r instanceof ValidationResult.Invalid inv) {
          errors.addAll(inv.errors());
        } else {
          ((ValidationResult.Valid) r).value().ifPresent(v -> fields.put(item.id(), v));
        }
      }
      values.add(Value.fields(fields));
    }
    if (filled.size() > q.maxItems()) {
      errors.add(new FieldError(base, message(q, "group.max", vars("max", Integer.toString(q.maxItems())))));
    } else if (filled.size() < q.minItems()) {
      errors.add(new FieldError(base, message(q, "group.min", vars("min", Integer.toString(q.minItems())))));
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Value v = Value.items(values);
    return ok(q, v, AnswerFormat.display(q, v, locale));
  }

  /** @return the question type, for diagnostics */
  QuestionType type() {
    return root.type();
  }
}
