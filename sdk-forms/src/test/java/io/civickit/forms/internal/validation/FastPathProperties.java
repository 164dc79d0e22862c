package io.civickit.forms.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.civickit.forms.validation.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.IDN;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The hand-written checks of input cleaning, phone numbers, email addresses, dates and numbers
 * give exactly what the regular expressions and copying loops they replace gave. Each reference
 * below is the former implementation, kept word for word.
 */
class FastPathProperties {

  // ------------------------------------------------------------------ inputs

  /** Characters that matter to some rule: invisible, odd spaces, controls, case folding traps. */
  private static final String ODD = "\u180E\u200B\u200C\u200D\u2060\uFEFF\u00AD\u00A0\u1680\u2000\u2005\u200A"
      + "\u2028\u2029\u202F\u205F\u3000\t\u000B\u000C\n\r\u0000\u001F\u007F\u0085\u001C"
      + "\u212A\u017F\u0131\u0130\u00DF\u00E9\u0663\uFF11\u3002\uFF0E\uFF61\uD83D\uDE00\uD800";

  private static final String PUNCTUATION = " .,;:!#$%&'*+/=?^_`{|}~-@()[]\"\\<>";

  @Provide
  Arbitrary<String> anything() {
    Arbitrary<String> mixed = Arbitraries.strings().withChars(ODD).withChars(PUNCTUATION).numeric().alpha()
        .ofMaxLength(30);
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(30);
    Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
    return Arbitraries.frequencyOf(Tuple.of(5, mixed), Tuple.of(2, any), Tuple.of(3, plain));
  }

  @Provide
  Arbitrary<String> phones() {
    Arbitrary<String> parts = Arbitraries.of("0", "+44", "+44 (0)", "0044 ", "(0)", "020", "7946", "0123", "07700",
        "900982", "01632 960", "1632", "+1 ", "+33 6", "+353 ", "00", " ", " ", "-", "(", ")", ".", "/", "[", "]", "+",
        "ext", "Ext.", "x", "X", "#", "extension", "EXTENSION", ":", ",", ";", "\t", "e", "t", "a", "\u00A0", "\u200B");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, parts), Tuple.of(2, digits));
    Arbitrary<String> joined = piece.list().ofMaxSize(8).map(l -> String.join("", l));
    Arbitrary<String> uk = Arbitraries.of("01", "02", "03", "07", "08", "09", "+44 1", "+44 7", "0044 2", "+44 (0) 1")
        .flatMap(p -> Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(10).map(d -> p + d));
    Arbitrary<String> world = Arbitraries.of("+1", "+33", "+49", "+353", "+61", "+91", "+86", "+7", "+881", "+800", "00")
        .flatMap(p -> Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(12).map(d -> p + " " + d));
    // Prefixes of real numbers, each with the number of digits still to come.
    Arbitrary<String> real = Arbitraries.of("020 7|7", "0207 |7", "+44 (0)20 3|7", "0161 4|6", "0113 4|6", "0131 2|6",
        "01632 96|4", "07700 90|4", "077009|4", "0771 2|5", "07911 1|5", "+44 7911 1|5", "0044 1632 96|4", "0800 0|6",
        "0300 1|6", "+1 212 6|6", "+33 6 1|7", "+49 30 2|7", "+353 1 6|6", "+61 2 9|7", "0161 4|5", "020 7|8")
        .flatMap(p -> Arbitraries.strings().numeric().ofLength(Integer.parseInt(p.substring(p.indexOf('|') + 1)))
            .map(d -> p.substring(0, p.indexOf('|')) + d));
    Arbitrary<String> withExtension = Arbitraries.of(" ext 12", " x9", "#123", " extension: 4", ", ext. 1234567",
        " EXT.5", " x", "x 12", "")
        .flatMap(e -> Arbitraries.oneOf(uk, world, real).map(n -> n + e));
    return Arbitraries.frequencyOf(Tuple.of(3, joined), Tuple.of(2, uk), Tuple.of(1, world), Tuple.of(4, real),
        Tuple.of(3, withExtension), Tuple.of(1, anything()));
  }

  @Provide
  Arbitrary<String> emails() {
    Arbitrary<String> parts = Arbitraries.of("ann", "a", "A", "1", ".", "..", "-", "--", "---", "@", "@@", "xn--", "XN--",
        "xn", "p1ai", "com", "uk", "co", "c", "org", "gov.uk", "+tag", "!#$%&'*/=?^_`{|}~", " ", "\t", "\n", "é",
        "\u00A0", "\u3002", "\uFF0E", "\u212A", "\u017F", "\u0131", "ß", "münchen", "ДОМ", "\uD83D\uDE00", "x".repeat(63),
        "y".repeat(64), "z".repeat(250));
    Arbitrary<String> joined = parts.list().ofMaxSize(10).map(l -> String.join("", l));
    Arbitrary<String> label = Arbitraries.strings().withChars("ab9-XN").ofMinLength(0).ofMaxLength(8);
    Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> shaped = host.map(h -> "ann.example@" + h);
    Arbitrary<String> local = Arbitraries.strings().withChars("ab.Z09+_-'").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> good = Arbitraries.strings().withChars("abc019").ofMinLength(1).ofMaxLength(5);
    Arbitrary<String> goodLabel = Arbitraries.oneOf(good, good.list().ofMinSize(2).ofMaxSize(3)
        .map(l -> String.join("-", l)), Arbitraries.of("xn--d1acj3b", "a--b", "XN--80AK6AA92E"));
    Arbitrary<String> tld = Arbitraries.of("uk", "com", "ORG", "xn--p1ai", "XN--P1AI", "xn--p1-ai", "c", "c1", "a-b");
    Arbitrary<String> likely = net.jqwik.api.Combinators.combine(local, goodLabel.list().ofMinSize(1).ofMaxSize(3), tld)
        .as((l, labels, t) -> l + "@" + String.join(".", labels) + "." + t);
    return Arbitraries.frequencyOf(Tuple.of(3, joined), Tuple.of(2, shaped), Tuple.of(4, likely),
        Tuple.of(1, anything()));
  }

  @Provide
  Arbitrary<String> shortValues() {
    Arbitrary<String> parts = Arbitraries.of("0", "1", "2", "3", "9", "31", "st", "ST", "nd", "Rd", "tH", "th", "s", "t",
        "\u017Ft", "\u0663", "+", "-", ".", " ", "x", "1990");
    return Arbitraries.frequencyOf(Tuple.of(3, parts.list().ofMaxSize(4).map(l -> String.join("", l))),
        Tuple.of(1, anything()));
  }

  // ------------------------------------------------------------------ Input

  private static boolean invisible(char c) {
    return c == '\u180E' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
        || c == '\uFEFF' || c == '\u00AD';
  }

  private static boolean space(char c) {
    return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
        || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\t'
        || c == '\u000B' || c == '\u000C';
  }

  static String referenceLine(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (invisible(c)) {
        continue;
      }
      if (space(c) || c == '\n' || c == '\r') {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7F) {
        continue;
      } else {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  static String referenceMultiline(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (invisible(c)) {
        continue;
      }
      if (c == '\r') {
        b.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n') {
        b.append('\n');
      } else if (space(c)) {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7F) {
        continue;
      } else {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  @Property(tries = 3000)
  void lineIsAsBefore(@ForAll("anything") String s) {
    assertThat(Input.line(s)).isEqualTo(referenceLine(s));
  }

  @Property(tries = 3000)
  void multilineIsAsBefore(@ForAll("anything") String s) {
    assertThat(Input.multiline(s)).isEqualTo(referenceMultiline(s));
  }

  @Property(tries = 3000)
  void everyCharacterCleansAsBefore(@ForAll char c, @ForAll("anything") String around) {
    String s = around + c + around;
    assertThat(Input.line(s)).isEqualTo(referenceLine(s));
    assertThat(Input.multiline(s)).isEqualTo(referenceMultiline(s));
  }

  @Example
  void nullAndEmptyAsBefore() {
    assertThat(Input.line(null)).isEqualTo(referenceLine(null));
    assertThat(Input.multiline(null)).isEqualTo(referenceMultiline(null));
    assertThat(Input.line("")).isEqualTo("");
    assertThat(Input.multiline("a\r\nb\rc\n")).isEqualTo("a\nb\nc");
  }

  // ------------------------------------------------------------------ Phones

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern EXTENSION = Pattern.compile(
      "(?i)^(.*?)[\\s,;]*(?:extension|ext\\.?|x|#)\\s*[:.]?\\s*([0-9]{1,6})$");
  private static final Pattern CONTACT_CHARS = Pattern.compile("[0-9 ()+\\-.\\[\\]/]+");

  static Phones.Result referenceContact(String typed) {
    if (typed.length() > 60) {
      return new Phones.Problem("phone.invalid");
    }
    String number = typed;
    String extension = null;
    Matcher m = EXTENSION.matcher(typed);
    if (m.matches() && !m.group(1).isBlank()) {
      number = m.group(1).strip();
      extension = m.group(2);
    }
    if (!CONTACT_CHARS.matcher(number).matches()) {
      return new Phones.Problem("phone.invalid");
    }
    String digits = number.replaceAll("[^0-9]", "");
    if (digits.length() < 7 || digits.length() > 17) {
      return new Phones.Problem("phone.invalid");
    }
    PhoneNumber n;
    try {
      n = UTIL.parse(number.replace('[', '(').replace(']', ')').replace('/', ' '), "GB");
    } catch (NumberParseException | RuntimeException e) {
      return new Phones.Problem("phone.invalid");
    }
    String nsn = UTIL.getNationalSignificantNumber(n);
    boolean ok = UTIL.isValidNumber(n) || (n.getCountryCode() == 44 && Phones.drama(nsn));
    if (!ok) {
      return new Phones.Problem("phone.invalid");
    }
    return new Phones.Number("+" + n.getCountryCode() + nsn, extension);
  }

  @Property(tries = 3000)
  void contactIsAsBefore(@ForAll("phones") String s) {
    Phones.Result r = Phones.contact(s);
    assertThat(r).isEqualTo(referenceContact(s));
    Statistics.label("accepted").collect(r instanceof Phones.Number);
    Statistics.label("extension").collect(r instanceof Phones.Number n && n.extension() != null);
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("extension").coverage(c -> c.check(true).percentage(p -> p > 2));
    assertThat(Phones.contact(Input.line(s))).isEqualTo(referenceContact(Input.line(s)));
  }

  @Provide
  Arbitrary<String> ukNational() {
    Arbitrary<String> digits = Arbitraries.oneOf(
        Arbitraries.of("0").flatMap(z -> Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(10).map(d -> z + d)),
        Arbitraries.of("020", "0113", "0116", "0121", "0131", "0141", "0161", "01632", "01234", "01534", "01624",
            "01481", "0300", "0345", "0800", "0808", "0845", "0870", "0900", "07700", "0771", "0781", "07624", "07781",
            "07911", "0500", "0555", "056", "070", "076", "0843")
            .flatMap(p -> Arbitraries.strings().numeric().ofLength(11 - p.length()).map(d -> p + d)));
    Arbitrary<String> spaced = digits.flatMap(d -> Arbitraries.integers().between(0, 3).list().ofSize(d.length())
        .map(gaps -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < d.length(); i++) {
            b.append(" ".repeat(gaps.get(i) == 3 ? 1 : 0)).append(d.charAt(i));
          }
          return b.toString();
        }));
    return Arbitraries.oneOf(digits, spaced, digits.map(d -> d.substring(0, 3) + " " + d.substring(3)));
  }

  @Property(tries = 5000)
  void nationalUkNumbersReadAsTheParserReadsThem(@ForAll("ukNational") String s) throws NumberParseException {
    PhoneNumber fast = Phones.nationalUk(s);
    boolean used = fast != null && UTIL.isValidNumberForRegion(fast, "GB");
    if (used) {
      assertThat(fast).isEqualTo(UTIL.parse(s, "GB"));
      assertThat(UTIL.isValidNumber(fast)).isTrue();
    }
    assertThat(Phones.contact(s)).isEqualTo(referenceContact(s));
    Statistics.collect(used);
    Statistics.coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  @Property(tries = 3000)
  void extensionTestedOnlyWhenItCanMatch(@ForAll("phones") String s) {
    if (!Phones.mayHaveExtension(s)) {
      assertThat(EXTENSION.matcher(s).matches()).isFalse();
    }
  }

  @Property(tries = 3000)
  void digitsCountedAsBefore(@ForAll("phones") String s) {
    int expected = CONTACT_CHARS.matcher(s).matches() ? s.replaceAll("[^0-9]", "").length() : -1;
    assertThat(Phones.contactDigits(s)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void validForGreatBritainIsValid(@ForAll("phones") String s) {
    PhoneNumber n;
    try {
      n = UTIL.parse(s, "GB");
    } catch (NumberParseException e) {
      return;
    }
    if (n.getCountryCode() == 44 && UTIL.isValidNumberForRegion(n, "GB")) {
      assertThat(UTIL.isValidNumber(n)).isTrue();
    }
  }

  @Example
  void greatBritainIsTheFirstRegionOfItsCode() {
    assertThat(UTIL.getRegionCodeForCountryCode(44)).isEqualTo("GB");
    assertThat(UTIL.getRegionCodesForCountryCode(44).get(0)).isEqualTo("GB");
  }

  // ------------------------------------------------------------------ Emails

  private static final Pattern ADDRESS = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)$");
  private static final Pattern HOST_PART = Pattern.compile("^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TLD = Pattern.compile("^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$", Pattern.CASE_INSENSITIVE);

  static boolean referenceEmail(String address) {
    if (address.length() > 320) {
      return false;
    }
    Matcher m = ADDRESS.matcher(address);
    if (!m.matches() || address.contains("..")) {
      return false;
    }
    String host;
    try {
      host = IDN.toASCII(m.group(1), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String[] parts = host.split("\\.", -1);
    if (host.length() > 253 || parts.length < 2) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 63 || !HOST_PART.matcher(p).matches()) {
        return false;
      }
    }
    return TLD.matcher(parts[parts.length - 1]).matches();
  }

  @Property(tries = 5000)
  void emailIsAsBefore(@ForAll("emails") String s) {
    boolean valid = Emails.valid(s);
    assertThat(valid).isEqualTo(referenceEmail(s));
    Statistics.collect(valid);
    Statistics.coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  @Example
  void emailExamplesAsBefore() {
    for (String s : new String[] {"ann@example.org", "a@b.co", "a@b.c", "a@b.xn--p1ai", "a@b.xn--p1-ai", "a@b.xn---p1ai",
        "a@b.XN--P1AI", "a@b.xn--", "a@xn--a.com", "a@a--b.com", "a@a---b.com", "a@-a.com", "a@a-.com", "a@münchen.de",
        "a@b\u3002com", "a@b.com.", "a@.b.com", "a@@b.com", "a@ b.com", "a@\tb.com", "a@b. com", "@b.com", "a@b",
        "a@bc", "a@b.co\u212A", "a@b.c\u017F", "a..b@c.com", "a@" + "b".repeat(63) + ".com",
        "a@" + "b".repeat(64) + ".com", "a@" + ("b".repeat(60) + ".").repeat(5) + "com", "a@b.c1", "a@b.12",
        "a@b.xn--1", "a@\u00A0b.com", "a@b\u00A0.com", "ann@exa mple@org.uk"}) {
      assertThat(Emails.valid(s)).as(s).isEqualTo(referenceEmail(s));
    }
  }

  // ------------------------------------------------------------------ dates and numbers

  private static final Pattern DECIMAL = Pattern.compile("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$");
  private static final Pattern DAY = Pattern.compile("^([0-9]{1,2})(?:st|nd|rd|th)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

  @Property(tries = 3000)
  void digitsAsBefore(@ForAll("shortValues") String s) {
    assertThat(Input.digits(s)).isEqualTo(DIGITS.matcher(s).matches());
  }

  @Property(tries = 3000)
  void decimalAsBefore(@ForAll("shortValues") String s) {
    assertThat(NumberRules.decimal(s)).isEqualTo(DECIMAL.matcher(s).matches());
  }

  @Property(tries = 3000)
  void dayAsBefore(@ForAll("shortValues") String s) {
    Matcher m = DAY.matcher(s);
    assertThat(DateRules.day(s)).isEqualTo(m.matches() ? Integer.parseInt(m.group(1)) : -1);
  }

  // ------------------------------------------------------------------ postcodes

  private static final Pattern POSTCODE = Pattern.compile(
      "^(GIR|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))"
          + "([0-9][ABD-HJLNP-UW-Z]{2})$");

  static Optional<String> referencePostcode(String typed) {
    if (typed.length() > 40) {
      return Optional.empty();
    }
    String line = Input.line(typed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(Character.toUpperCase(c));
      }
    }
    String c = b.toString();
    if (c.length() < 5 || c.length() > 7) {
      return Optional.empty();
    }
    Matcher m = POSTCODE.matcher(c);
    return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
  }

  @Provide
  Arbitrary<String> postcodes() {
    Arbitrary<String> compact = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789GIR")
        .ofMinLength(5).ofMaxLength(7);
    Arbitrary<String> shaped = Arbitraries.of("A9", "A99", "AA9", "A9A", "AA99", "AA9A", "GIR").flatMap(shape ->
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(8).flatMap(letters ->
            Arbitraries.strings().numeric().ofLength(8).map(digits -> {
              StringBuilder b = new StringBuilder();
              String full = shape.equals("GIR") ? "GIR9AA" : shape + "9AA";
              for (int i = 0; i < full.length(); i++) {
                char k = full.charAt(i);
                b.append(shape.equals("GIR") && i < 3 ? k : k == 'A' ? letters.charAt(i) : k == '9' ? digits.charAt(i) : k);
              }
              return b.toString();
            })));
    Arbitrary<String> typed = shaped.map(x -> " " + x.substring(0, x.length() - 3).toLowerCase(java.util.Locale.ROOT)
        + "-" + x.substring(x.length() - 3) + " ");
    return Arbitraries.frequencyOf(Tuple.of(3, compact), Tuple.of(4, shaped), Tuple.of(2, typed), Tuple.of(1, anything()));
  }

  @Property(tries = 5000)
  void postcodeAsBefore(@ForAll("postcodes") String s) {
    Optional<String> p = Codes.postcode(s);
    assertThat(p).isEqualTo(referencePostcode(s));
    Statistics.collect(p.isPresent());
    Statistics.coverage(c -> c.check(true).percentage(x -> x > 10));
  }

  // ------------------------------------------------------------------ numbers in messages

  static String referenceNumber(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    int scale = Math.max(0, s.scale());
    StringBuilder pattern = new StringBuilder("#,##0");
    if (scale > 0) {
      pattern.append('.').append("0".repeat(Math.min(scale, 40)));
    }
    DecimalFormat f = new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.UNNECESSARY);
    f.setMaximumFractionDigits(Math.min(scale, 340));
    return f.format(s);
  }

  @Provide
  Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigDecimal> whole = Arbitraries.longs().map(BigDecimal::valueOf);
    Arbitrary<BigDecimal> small = Arbitraries.longs().between(-100_000, 100_000).map(BigDecimal::valueOf);
    Arbitrary<BigDecimal> scaled = Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(25).negate(),
        java.math.BigInteger.TEN.pow(25)).flatMap(u -> Arbitraries.integers().between(-8, 8)
            .map(sc -> new BigDecimal(u, sc)));
    Arbitrary<BigDecimal> edges = Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-0"),
        new BigDecimal("1E+3"), new BigDecimal("999999999999999999"), new BigDecimal("1000000000000000000"),
        new BigDecimal("-999999999999999999"), BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE),
        new BigDecimal("100.00"), new BigDecimal("-1000"), new BigDecimal("12345.6789"));
    return Arbitraries.oneOf(whole, small, scaled, edges);
  }

  @Property(tries = 5000)
  void numberWrittenAsBefore(@ForAll("numbers") BigDecimal n) {
    assertThat(Formats.number(n)).isEqualTo(referenceNumber(n));
  }

  // ------------------------------------------------------------------ messages

  static String referenceFormat(String t, Map<String, String> values) {
    StringBuilder b = new StringBuilder(t.length() + 32);
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '{') {
        int close = t.indexOf('}', i + 1);
        if (close > i) {
          String v = values.get(t.substring(i + 1, close));
          if (v != null) {
            b.append(v);
            i = close + 1;
            continue;
          }
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of("{", "}", "{a}", "{b}", "{noun}", "{Noun}", "{}", "{{a}}", "{a{b}", "a", " ", "x", "{max",
        "min}", "{ a}", "é", "\u2019").list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l))
        .filter(t -> !t.isBlank());
  }

  @Provide
  Arbitrary<Map<String, String>> placeholders() {
    return Arbitraries.maps(Arbitraries.of("a", "b", "noun", "Noun", "", "a{b", "{a", "a}", " a", "max", "min"),
        Arbitraries.of("X", "{a}", "", "}", "£5")).ofMaxSize(6);
  }

  @Property(tries = 3000)
  void messageWrittenAsBefore(@ForAll("templates") String template, @ForAll("placeholders") Map<String, String> values,
      @ForAll boolean welsh) {
    Locale locale = welsh ? Locale.forLanguageTag("cy") : Locale.UK;
    Messages messages = Messages.defaults().with(locale, Map.of("required", template));
    assertThat(messages.format("required", locale, values)).isEqualTo(referenceFormat(template, values));
    String other = Messages.defaults().template("number.between", locale);
    assertThat(Messages.defaults().format("number.between", locale, values)).isEqualTo(referenceFormat(other, values));
  }
}
