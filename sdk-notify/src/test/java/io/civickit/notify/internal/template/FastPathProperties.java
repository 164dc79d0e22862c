package io.civickit.notify.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.template.reference.Reference;
import io.civickit.notify.template.SmsCharacterPolicy;
import io.civickit.notify.template.Template;
import io.civickit.notify.template.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast paths (a scan for the characters a rule needs before its pattern runs, placeholders
 * parsed once, character loops instead of patterns) change nothing: every step and every
 * rendering equals the regular-expression reference, byte for byte, on text full of what the
 * rules look for.
 */
class FastPathProperties {

  /** Pieces of text that trigger, or nearly trigger, each rule. */
  private static final String[] PIECES = {
      "a", "Ann", "word", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2028", "\u2029", "\u0085",
      "\u3000", "\u2003", "\u000B", "\u2424", "'", "\"", "\u2018", "\u2019", "\u201C", "-", "--", "---", "----",
      "\u2013", "\u2014", " - ", " \u2013 ", ",", ".", " ,", " .", "\t.", "((name))", "((First Name))",
      "((first_name))", "((list))", "((flag??shown))", "((flag??it's \"here\"))", "((missing))", "((", "))",
      "(((x))", "(())", "((a(b))", "GOV.UK", "gov.uk", "Gov.Uk", "GOV.UK/x", "#GOV.UK", "*gov.uk", "^GOV.UK",
      "gov.", "@", "ann@example.org", "\u2018ann\u2019@x.org", "http", "https://a.example/b", "http://x.y.",
      "https://gov.uk/pay?a=1&b=2", "[link](https://a.example)", "[t](url \"title\")", "[x](javascript:y)",
      "![img](a.png)", "\\", "\\*", "\\[", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&#34;", "&#x41;",
      "&nbsp;", "&#12345678;", "&abc", "#", "# ", "## ", "* ", "- ", "\u2022 ", "1. ", "12. ", "^ ", "^", "===",
      "---\n", "***", "_ _ _", "   ", "    ", "€", "ŵ", "ǖ", "😀", "\u200B", "\u200D", "Σ", "İ", "K", "\u212A"};

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.of(PIECES).list().ofMaxSize(40).map(pieces -> String.join("", pieces)),
        Arbitraries.strings().withChars(" \t\n'\"\u2018\u2019-\u2013\u2014,.()[]#*^\\@:/<>&;gGoOvVuUkK1x\u00A0\u2028")
            .ofMaxLength(60),
        Arbitraries.strings().all().ofMaxLength(30));
  }

  /** Text that escapes with {@code &}, {@code <} and {@code >} only, mostly: one markdown pass. */
  @Provide
  Arbitrary<String> asciiText() {
    return Arbitraries.oneOf(
        Arbitraries.of(PIECES).filter(p -> p.chars().allMatch(c -> c < 0x7F)).list().ofMaxSize(40)
            .map(pieces -> String.join("", pieces)),
        Arbitraries.of(PIECES).filter(p -> p.chars().allMatch(c -> c < 0x7F) && !p.contains("\\")
            && !p.contains("[") && !p.contains("http")).list().ofMaxSize(40).map(pieces -> String.join("", pieces)),
        Arbitraries.strings().withChars(" \t\n\r'\"-,.()[]#*^\\@:/<>&;=_1x").ofMaxLength(60));
  }

  @Provide
  Arbitrary<Object> asciiValue() {
    return Arbitraries.oneOf(
        asciiText().map(s -> (Object) s),
        asciiText().list().ofMaxSize(4).map(list -> (Object) list),
        Arbitraries.of("yes", "YES", "no", "1", "show", " ", "", "y&", "&amp;").map(s -> (Object) s));
  }

  @Property
  void oneMarkdownPassMakesBothRenderings(@ForAll("asciiText") String s) {
    StringBuilder plain = new StringBuilder();
    StringBuilder html = new StringBuilder();
    boolean onePass = NotifyMarkdown.renderBoth(s, '\u2022', plain, html);
    Statistics.label("markdown").collect(onePass ? "one pass" : "two passes");
    if (onePass) {
      assertThat(plain.toString()).isEqualTo(Reference.markdownPlain(s));
      String escaped = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      assertThat(html.toString()).isEqualTo(Reference.markdownHtml(escaped));
    } else {
      assertThat(plain).isEmpty();
      assertThat(html).isEmpty();
    }
  }

  @Property
  void everyPlainlyEscapedEmailEqualsTheReference(@ForAll("asciiText") String subject,
      @ForAll("asciiText") String body, @ForAll("asciiValue") Object name, @ForAll("asciiValue") Object list,
      @ForAll("asciiValue") Object flag) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("first name", name);
    values.put("LIST", list);
    values.put("flag", flag);
    for (String b : new String[] {"x" + body, "x" + body + "\n\n((list))\n\n((flag??a & b))\n((name))",
        "* ((name))\n((list))\n\n1. ((First Name))\n  ((name))\n# ((name)) <b>\n^ ((list))"}) {
      assertThat(outcome(() -> TemplateRendering.email("x" + subject, b, values)))
          .isEqualTo(outcome(() -> io.civickit.notify.internal.template.reference.TemplateRendering.email(
              "x" + subject, b, values)));
    }
  }

  /** Values a block plan takes, mostly, and some it must refuse: at a line start, blank, marked up. */
  @Provide
  Arbitrary<Object> planValue() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("Ann", "a council home", "3 June 2025", "7KD-4MX-R9T", "01632 960 001", "Housing & Benefits",
            "x<y>z", "a.b", "gov", ".uk", "ht", "tp://x", "GOV.UK", "3", "3.", "12. x", "- x", "* x", "# x", "^ x",
            "x #", "==", "---", " a", "a ", "", "a  b", "it's", "\\x", "[a]", "&amp;", "a\nb", "1) x", "_x_"),
        Arbitraries.strings().withChars("aZ09 .-*#&<>_=^").ofMinLength(1).ofMaxLength(8));
    return Arbitraries.oneOf(word.map(w -> (Object) w), word.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.of("yes", "no", "Show", "").map(w -> (Object) w));
  }

  @Property
  void aTemplatesBlockPlanRendersAsTheReference(@ForAll("asciiText") String body, @ForAll("planValue") Object name,
      @ForAll("planValue") Object list, @ForAll("planValue") Object flag) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("LIST", list);
    values.put("flag", flag);
    String[] bodies = {"x" + body + "\n((name))", "Dear ((name)),\n\n((flag??We have it.))\n\nYou said:\n\n((list))\n\n"
        + "By ((name)). ((name))\n((name))\n* ((name))\n1. ((name))\n# ((name))\n^ ((name)) and ((list))\n---\n((name))\n===",
        "((name))" + body + "((list))" + body + "((flag??" + body.replace("(", "").replace(")", "") + "))"};
    for (String b : bodies) {
      Templates templates = Templates.builder().email("e", "s", b).build();
      for (int times = 0; times < 3; times++) { // the first render makes no plan; later ones use it
        assertThat(outcome(() -> templates.render(request("e", new Recipient.Email("a@example.org"), values))))
            .isEqualTo(outcome(() -> io.civickit.notify.internal.template.reference.TemplateRendering.email(
                "s", b, values)));
      }
    }
  }

  /** Bits of "http", "gov." and white space before punctuation, to split across a value's edges. */
  private static final String[] EDGES = {"h", "ht", "htt", "t", "tp", "ttp", "p", "g", "G", "go", "gO", "gov", "o",
      "ov", "v", "V", "v.", ".", ",", "-", " ", "x", "xy", "\n", "1", "a b"};

  @Provide
  Arbitrary<String> edgeText() {
    return Arbitraries.of(EDGES).list().ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<Object> edgeValue() {
    Arbitrary<String> word = Arbitraries.of(EDGES).list().ofMinSize(1).ofMaxSize(3)
        .map(pieces -> String.join("", pieces).replace("\n", ""));
    return Arbitraries.oneOf(word.map(w -> (Object) w), word.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l));
  }

  /**
   * A plan checks where each value meets the text around it (and the next value) for what
   * typography and links look at across the meeting: "http", "gov." and white space before a
   * comma, full stop or hyphen, split every way between text and short values. It fails if the
   * meeting check is removed.
   */
  @Property
  void aPlanChecksWhereValuesMeetTheText(@ForAll("edgeText") String a, @ForAll("edgeText") String b,
      @ForAll("edgeText") String c, @ForAll("edgeValue") Object one, @ForAll("edgeValue") Object two) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("one", one);
    values.put("two", two);
    String body = "x" + a + "((one))" + b + "((two))((one))" + c + "\n\n((two))";
    Templates templates = Templates.builder().email("e", "s", body).build();
    for (int times = 0; times < 3; times++) { // the first render makes no plan; later ones use it
      assertThat(outcome(() -> templates.render(request("e", new Recipient.Email("a@example.org"), values))))
          .isEqualTo(outcome(() -> io.civickit.notify.internal.template.reference.TemplateRendering.email(
              "s", body, values)));
    }
  }

  /**
   * Every way of cutting a link, "GOV.UK" or a space before punctuation into text, a value, text,
   * a value and text (values of one character too, so that a pattern runs across three pieces)
   * renders as the reference does. It fails if the meeting check loses what the text ends with
   * as it passes a short value.
   */
  @Example
  void everyCutOfALinkOrGovUkBetweenTextAndValuesRendersAsTheReference() {
    for (String whole : new String[] {"xhttps://a.bc", "x GOV.UK y", "xgov.uk", "a ,b -c .d"}) {
      int n = whole.length();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j <= n; j++) {
          for (int k = j; k < n; k++) {
            for (int l = k + 1; l <= Math.min(n, k + 3); l++) {
              Map<String, Object> values = Map.of("one", whole.substring(i, j), "two", whole.substring(k, l));
              String body = "x" + whole.substring(0, i) + "((one))" + whole.substring(j, k) + "((two))"
                  + whole.substring(l);
              Templates templates = Templates.builder().email("e", "s", body).build();
              Object expected = outcome(() -> io.civickit.notify.internal.template.reference.TemplateRendering.email(
                  "s", body, values));
              for (int times = 0; times < 2; times++) {
                assertThat(outcome(() -> templates.render(request("e", new Recipient.Email("a@example.org"), values))))
                    .as(body + " with " + values).isEqualTo(expected);
              }
            }
          }
        }
      }
    }
  }

  /**
   * A plan writes a value that is not text as Notify does (Python's {@code str()}: {@code True},
   * {@code 1e+20}), as a render without a plan does (the regular-expression reference predates
   * Python's forms, so the template rendered once is the oracle here).
   */
  @Property
  void aPlanWritesValuesThatAreNotTextAsNotifyDoes(@ForAll("notText") Object name, @ForAll("notText") Object item) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("list", List.of("an item", item));
    String body = "Dear ((name)),\n\nYou said:\n\n((list))\n\nBy ((name)).";
    Templates templates = Templates.builder().email("e", "s", body).build();
    for (int times = 0; times < 3; times++) {
      assertThat(outcome(() -> templates.render(request("e", new Recipient.Email("a@example.org"), values))))
          .isEqualTo(outcome(() -> TemplateRendering.email("s", body, values)));
    }
  }

  @Provide
  Arbitrary<Object> notText() {
    return Arbitraries.oneOf(Arbitraries.of(true, false).map(v -> (Object) v),
        Arbitraries.integers().map(v -> (Object) v),
        Arbitraries.of(1e20, 0.1, 1e-5, 2.5, 10000000.0, -3.0).map(v -> (Object) v),
        Arbitraries.of(1.5f, 1e20f).map(v -> (Object) v),
        Arbitraries.of(new java.math.BigDecimal("1.50"), java.math.BigInteger.TEN).map(v -> (Object) v));
  }

  /**
   * Renders that follow one another with personalisation of different names, spellings of one
   * name, orders and kinds of map (which a template remembers the last layout of) each render as
   * a template rendered once does. It fails if a remembered layout is used for a map without
   * checking that the map has the same names.
   */
  @Property
  void eachRenderTakesItsOwnPersonalisation(@ForAll("personalisations") List<Map<String, Object>> maps) {
    String subject = "About ((first name))";
    String body = "Dear ((first name)) ((last name)),\n\n((flag??Shown.))\n\n((items))";
    Templates templates = Templates.builder().email("e", subject, body).build();
    TemplateRendering.Compiled compiled = TemplateRendering.compile(subject, body);
    for (Map<String, Object> values : maps) {
      NotificationRequest request = request("e", new Recipient.Email("a@example.org"), values);
      // The request holds a copy of the map, which may walk the names in another order.
      assertThat(outcome(() -> templates.render(request)))
          .isEqualTo(outcome(() -> TemplateRendering.email(subject, body, request.personalisation())));
      assertThat(outcome(() -> TemplateRendering.email(compiled, values)))
          .isEqualTo(outcome(() -> TemplateRendering.email(subject, body, values)));
    }
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> personalisations() {
    Arbitrary<String> name = Arbitraries.of("first name", "first_name", "FIRST-NAME", "last name", "lastName", "flag",
        "items", "other", "Items");
    Arbitrary<Object> value = Arbitraries.of("Ann", "Bo", "yes", "no", "x y").map(v -> (Object) v);
    Arbitrary<Map<String, Object>> map = Arbitraries.maps(name, value).ofMaxSize(7).flatMap(m -> Arbitraries.of(
        (Map<String, Object>) new LinkedHashMap<>(m), new java.util.HashMap<>(m), Map.copyOf(m),
        new java.util.TreeMap<>(m)));
    // The same names again in other orders: of two spellings of one name, the later wins.
    Arbitrary<List<Map<String, Object>>> reordered = name.set().ofMinSize(2).ofMaxSize(5).flatMap(names ->
        Arbitraries.shuffle(new ArrayList<>(names)).flatMap(order -> value.list().ofSize(order.size()).map(v -> {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < order.size(); i++) {
            m.put(order.get(i), v.get(i));
          }
          return m;
        })).list().ofMinSize(2).ofMaxSize(4));
    return Arbitraries.oneOf(map.list().ofMinSize(1).ofMaxSize(6), reordered);
  }

  @Provide
  Arbitrary<Object> value() {
    return Arbitraries.oneOf(
        text().map(s -> (Object) s),
        text().list().ofMaxSize(4).map(list -> (Object) list),
        Arbitraries.of("yes", "YES", "no", "1", "show", " ", "").map(s -> (Object) s),
        Arbitraries.of(PIECES).list().ofMaxSize(4).map(list -> (Object) list.toArray(new Object[0])));
  }

  @Property
  void everyStepEqualsTheReference(@ForAll("text") String s) {
    assertThat(Typography.removeSpaceBeforePunctuation(s)).isEqualTo(Reference.removeSpaceBeforePunctuation(s));
    assertThat(Typography.enDashes(s)).isEqualTo(Reference.enDashes(s));
    assertThat(Typography.straightenQuotesInEmailAddresses(s))
        .isEqualTo(Reference.straightenQuotesInEmailAddresses(s));
    assertThat(Typography.unlinkGovUk(s)).isEqualTo(Reference.unlinkGovUk(s));
    assertThat(Typography.plain(s)).isEqualTo(Reference.typographyPlain(s));
    assertThat(Typography.html(s)).isEqualTo(Reference.typographyHtml(s));
    assertThat(NotifyMarkdown.html(s)).isEqualTo(Reference.markdownHtml(s));
    assertThat(NotifyMarkdown.plain(s)).isEqualTo(Reference.markdownPlain(s));
    assertThat(TemplateRendering.escapeHtml(s)).isEqualTo(Reference.escapeHtml(s));
    assertThat(Placeholders.names(s)).containsExactlyElementsOf(Reference.names(s));
    assertThat(Placeholders.key(s)).isEqualTo(Reference.key(s));
    if (!Typography.mayChangePlain(new StringBuilder(s))) {
      assertThat(Reference.typographyPlain(s)).isEqualTo(s);
    }
  }

  @Property
  void handWrittenBlockTestsEqualTheirPatterns(@ForAll("text") String text) {
    for (String line : text.split("\n", -1)) {
      assertThat(NotifyMarkdown.isRule(line)).isEqualTo(NotifyMarkdown.HR.matcher(line).matches());
      Matcher item = NotifyMarkdown.ITEM.matcher(line);
      assertThat(NotifyMarkdown.itemText(line)).isEqualTo(item.matches() ? item.group(2) : null);
    }
  }

  @Property
  void aRegistryRendersAsTheTemplateItself(@ForAll("text") String subject, @ForAll("text") String body,
      @ForAll("value") Object name, @ForAll("value") Object list, @ForAll("value") Object flag) {
    Map<String, Object> values = Map.of("Name", name, "list", list, "FLAG", flag);
    Template.Email email = Template.email("x" + subject, "x" + body);
    Template.Sms sms = Template.sms("x" + body);
    Template.Letter letter = Template.letter("x" + subject, "x" + body);
    Templates templates = Templates.builder().add("e", email).add("s", sms).add("l", letter).build();
    List<String> address = List.of("a", "b", "c");

    for (int twice = 0; twice < 2; twice++) { // the second time with the names already seen
      assertThat(outcome(() -> templates.render(request("e", new Recipient.Email("a@example.org"), values))))
          .isEqualTo(outcome(() -> email.render(values)));
      assertThat(outcome(() -> templates.render(request("s", new Recipient.Sms("07700900000"), values))))
          .isEqualTo(outcome(() -> new RenderedMessage.Sms(
              sms.render(values, SmsCharacterPolicy.GSM_AND_WELSH).text())));
      assertThat(outcome(() -> templates.render(request("l", new Recipient.Letter(address), values))))
          .isEqualTo(outcome(() -> letter.render(address, values)));
    }
  }

  private static NotificationRequest request(String id, Recipient recipient, Map<String, Object> values) {
    return new NotificationRequest(id, recipient, values, "key", Locale.UK);
  }

  @Property
  void everyRenderingEqualsTheReference(@ForAll("text") String subject, @ForAll("text") String body,
      @ForAll("value") Object name, @ForAll("value") Object list, @ForAll("value") Object flag) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("first name", name);
    values.put("LIST", list);
    values.put("flag", flag);
    String s = "x" + subject;
    String b = "x" + body;
    List<String> address = List.of(" a ", "", subject, "c\u00A0d");

    assertThat(outcome(() -> TemplateRendering.email(s, b, values)))
        .isEqualTo(outcome(() -> io.civickit.notify.internal.template.reference.TemplateRendering.email(s, b, values)));
    assertThat(outcome(() -> TemplateRendering.letter(address, s, b, values))).isEqualTo(outcome(
        () -> io.civickit.notify.internal.template.reference.TemplateRendering.letter(address, s, b, values)));
    for (SmsCharacterPolicy policy : SmsCharacterPolicy.values()) {
      assertThat(outcome(() -> TemplateRendering.sms(b, values, policy))).isEqualTo(outcome(
          () -> io.civickit.notify.internal.template.reference.TemplateRendering.sms(b, values, policy)));
    }
    assertThat(TemplateRendering.placeholders(s, b))
        .containsExactlyElementsOf(io.civickit.notify.internal.template.reference.TemplateRendering.placeholders(s, b));
  }

  /** The result, or the exception's class and message. */
  private static List<Object> outcome(Supplier<?> render) {
    List<Object> outcome = new ArrayList<>();
    try {
      outcome.add(render.get());
    } catch (RuntimeException e) {
      outcome.add(e.getClass());
      outcome.add(String.valueOf(e.getMessage()));
    }
    return outcome;
  }
}
