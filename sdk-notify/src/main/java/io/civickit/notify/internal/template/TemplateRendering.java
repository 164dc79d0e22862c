package io.civickit.notify.internal.template;

import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.template.Placeholders.Parsed;
import io.civickit.notify.template.MissingPersonalisationException;
import io.civickit.notify.template.SmsCharacterPolicy;
import io.civickit.notify.template.SmsInfo;
import io.civickit.notify.template.SmsMessage;
import io.civickit.notify.template.SmsTooLongException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.owasp.encoder.Encode;

/** The rendering pipelines for each kind of message, in Notify's order. */
public final class TemplateRendering {

  private TemplateRendering() {}

  /** The placeholder names of the texts, as spelled, in order of first use. */
  public static Set<String> placeholders(String... texts) {
    Set<String> names = new LinkedHashSet<>();
    for (String text : texts) {
      names.addAll(Placeholders.names(text));
    }
    return names;
  }

  /**
   * A template's subject (if it has one) and body with their placeholders found once, so that
   * rendering it many times does not search the texts again. Immutable and thread-safe.
   */
  public static final class Compiled {
    private final Parsed subject;
    private final Parsed body;
    /** The slot each personalisation name fills. */
    private final PersonalisationNames names;
    /** The body's block plan for each shape rendered so far ({@link #NO_PLAN} where it has none). */
    private final Map<Shape, Object> plans = new ConcurrentHashMap<>();
    /** The plan used last, looked at before {@link #plans}. */
    private volatile @Nullable BodyPlan lastPlan;
    /** Set on the first render: plans are made from the second, so a template rendered once makes none. */
    private volatile boolean rendered;

    /** True if the subject's own text allows {@link #quietSubject}. */
    private final boolean quietSubjectText;

    private Compiled(String subject, String body) {
      Map<String, Integer> keys = new HashMap<>();
      this.subject = Placeholders.parse(subject, keys);
      this.body = Placeholders.parse(body, keys);
      this.names = new PersonalisationNames(keys);
      this.quietSubjectText = quietSubjectText(this.subject);
    }

    /** The block plan for the shape, made on first use; null if the body has none for it. */
    private @Nullable BodyPlan plan(int[] shape) {
      BodyPlan last = lastPlan;
      if (last != null && last.isFor(shape)) {
        return last; // services mostly render one shape after another: no key to make or hash
      }
      Shape key = new Shape(shape);
      Object plan = plans.get(key);
      if (plan == null) {
        BodyPlan made = BodyPlan.make(body, shape, BULLET);
        plan = made == null ? NO_PLAN : made;
        if (plans.size() < MOST_PLANS) {
          plans.put(key, plan);
        }
      }
      if (plan instanceof BodyPlan p) {
        lastPlan = p;
        return p;
      }
      return null;
    }
  }

  /** The most shapes a template keeps a plan for (each conditional shown or not, each list's length). */
  private static final int MOST_PLANS = 64;
  private static final Object NO_PLAN = new Object();

  /** A shape (see {@link BodyPlan#shape}) as a map key. */
  private static final class Shape {
    private final int[] values;
    private final int hash;

    Shape(int[] values) {
      this.values = values;
      this.hash = java.util.Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Shape s && java.util.Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Compiles an email or letter template. */
  public static Compiled compile(String subject, String body) {
    return new Compiled(subject, body);
  }

  /** Compiles a text message template. */
  public static Compiled compile(String body) {
    return new Compiled("", body);
  }

  /** Renders an email: subject, plain-text body and HTML body. */
  public static RenderedMessage.Email email(String subject, String body, Map<String, ?> personalisation) {
    return email(compile(subject, body), personalisation);
  }

  /** Renders a compiled email template: subject, plain-text body and HTML body. */
  public static RenderedMessage.Email email(Compiled template, Map<String, ?> personalisation) {
    Parsed parsedSubject = template.subject;
    Parsed parsedBody = template.body;
    @Nullable Object[] values = checked(personalisation, template, parsedSubject, parsedBody);
    String renderedSubject = template.quietSubjectText ? quietSubject(parsedSubject, values) : null;
    if (renderedSubject == null) {
      renderedSubject = subject(parsedSubject, values);
    }
    if (template.rendered) {
      // The body's blocks are known for this shape: copy the plan's runs and the values.
      int[] shape = BodyPlan.shape(parsedBody, values);
      BodyPlan plan = shape == null ? null : template.plan(shape);
      BodyPlan.Bodies both = plan == null ? null : plan.render(parsedBody, values);
      if (both != null && both.finished()) {
        return new RenderedMessage.Email(renderedSubject, both.plain().toString(), both.html().toString());
      }
      if (both != null && !linksOrGovUk(both.plain())) {
        return new RenderedMessage.Email(renderedSubject, plainBody(both.plain(), BULLET),
            Typography.html(both.html().toString()));
      }
    } else {
      template.rendered = true;
    }
    String body = Placeholders.replacePlainBody(parsedBody, values);
    if (body != null && !Typography.containsGovDot(body)) {
      // Its HTML would be the same text with only &, < and > escaped, and "GOV.UK" is not there
      // to unlink (nor, in ASCII, a line separator to remove): one markdown pass makes both.
      StringBuilder plain = new StringBuilder(body.length() + 64);
      StringBuilder html = new StringBuilder(body.length() + (body.length() >> 2) + 64);
      if (NotifyMarkdown.renderBoth(body, BULLET, plain, html)) {
        return new RenderedMessage.Email(renderedSubject, plainBody(plain, BULLET),
            Typography.html(html.toString()));
      }
    }
    String[] bodies = Placeholders.replaceBodies(parsedBody, values);
    String html = Typography.html(NotifyMarkdown.html(prepareWithLineFeed(bodies[1])));
    String plain = plainBody(bodies[0]);
    return new RenderedMessage.Email(renderedSubject, plain, html);
  }

  /**
   * True if the text holds "http" or "gov." (any case): then the markdown has a link to make or
   * "GOV.UK" to unlink, which a block plan does not do. Values and template text join in a
   * rendering as they do in the markdown, so what the markdown holds, this text holds too.
   */
  private static boolean linksOrGovUk(StringBuilder text) {
    if (text.indexOf("http") >= 0) {
      return true;
    }
    for (int dot = text.indexOf(".", 3); dot >= 0; dot = text.indexOf(".", dot + 1)) {
      if ((text.charAt(dot - 1) | 0x20) == 'v' && (text.charAt(dot - 2) | 0x20) == 'o'
          && (text.charAt(dot - 3) | 0x20) == 'g') {
        return true;
      }
    }
    return false;
  }

  /** Renders a text message under the policy, rejecting one Notify would reject as too long. */
  public static SmsMessage sms(String body, Map<String, ?> personalisation, SmsCharacterPolicy policy) {
    return sms(compile(body), personalisation, policy);
  }

  /**
   * Renders a compiled text message template under the policy, as
   * {@link #sms(String, Map, SmsCharacterPolicy)}.
   */
  public static SmsMessage sms(Compiled template, Map<String, ?> personalisation, SmsCharacterPolicy policy) {
    Parsed parsed = template.body;
    @Nullable Object[] values = checked(personalisation, template, parsed);
    String text = Placeholders.replace(parsed, values, false, false);
    text = Gsm.encode(text, policy);
    text = Typography.removeSpaceBeforePunctuation(text);
    text = Typography.normaliseLines(text);
    SmsInfo info = Gsm.measure(text);
    if (info.tooLong()) {
      throw new SmsTooLongException(info.characters());
    }
    return new SmsMessage(text, info);
  }

  /** Renders a letter: the address block as printed, the heading and the plain-text body. */
  public static RenderedMessage.Letter letter(List<String> addressLines, String subject, String body,
      Map<String, ?> personalisation) {
    return letter(addressLines, compile(subject, body), personalisation);
  }

  /** Renders a compiled letter template, as {@link #letter(List, String, String, Map)}. */
  public static RenderedMessage.Letter letter(List<String> addressLines, Compiled template,
      Map<String, ?> personalisation) {
    Parsed parsedSubject = template.subject;
    Parsed parsedBody = template.body;
    @Nullable Object[] values = checked(personalisation, template, parsedSubject, parsedBody);
    List<String> address = new ArrayList<>();
    for (String line : addressLines) {
      String normalised = Typography.normaliseWhitespace(line);
      if (!normalised.isEmpty()) {
        address.add(normalised);
      }
    }
    return new RenderedMessage.Letter(address, subject(parsedSubject, values),
        plainBody(Placeholders.replace(parsedBody, values, false, true) + "\n"));
  }

  /** The characters of an SMS template's own text that would force UCS-2 under the policy. */
  public static Set<String> costlyCharacters(String smsBody, SmsCharacterPolicy policy) {
    return Gsm.nonGsmCharacters(smsBody, policy);
  }

  /**
   * Escapes text for HTML content with the OWASP encoder, keeping complete character references
   * as typed (as Notify does, an author's {@code &nbsp;} stays a no-break space). A reference
   * can only ever stand for a character, never markup.
   */
  static String escapeHtml(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return forHtmlContent(text);
    }
    StringBuilder out = null;
    int last = 0;
    for (int i = amp; i >= 0; i = text.indexOf('&', i + 1)) {
      int end = characterReferenceEnd(text, i);
      if (end > 0) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16);
        }
        out.append(forHtmlContent(text.substring(last, i))).append(text, i, end);
        last = end;
        i = end - 1;
      }
    }
    if (out == null) {
      return forHtmlContent(text);
    }
    return out.append(forHtmlContent(text.substring(last))).toString();
  }

  /**
   * True if {@link #escapeHtml} of the text only replaces each {@code &}, {@code <} and
   * {@code >} with its character reference: the text is printable ASCII, tabs and line breaks,
   * with no complete character reference to keep. Texts that are each escaped that way escape
   * that way joined, which {@code escapeHtml} of the whole need not.
   */
  static boolean escapesPlainly(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > '&') {
        if (c >= 0x7F) {
          return false;
        }
      } else if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == '&' && characterReferenceEnd(text, i) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link Encode#forHtmlContent}, which escapes {@code &}, {@code <} and {@code >} and replaces
   * characters that are not allowed in HTML. Text of printable ASCII, tabs and line breaks
   * (which has none of the latter) is escaped here, without the encoder's buffers.
   */
  private static String forHtmlContent(String text) {
    int n = text.length();
    int special = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F) {
        return Encode.forHtmlContent(text);
      }
      if (c == '&' || c == '<' || c == '>') {
        special++;
      }
    }
    if (special == 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 4 * special);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The end of the complete character reference starting with the {@code &} at {@code at}
   * ({@code &#} and 1 to 7 digits, {@code &#x} and 1 to 6 hexadecimal digits, or {@code &}, a
   * letter and 1 to 31 letters or digits, then {@code ;}), or -1 if there is none.
   */
  private static int characterReferenceEnd(String text, int at) {
    int n = text.length();
    int i = at + 1;
    if (i >= n) {
      return -1;
    }
    char c = text.charAt(i);
    int start;
    int max;
    int kind; // 0 decimal, 1 hexadecimal, 2 named
    if (c == '#') {
      if (i + 1 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
        start = i + 2;
        max = 6;
        kind = 1;
      } else {
        start = i + 1;
        max = 7;
        kind = 0;
      }
    } else if (isAsciiLetter(c)) {
      start = i + 1;
      max = 31;
      kind = 2;
    } else {
      return -1;
    }
    int j = start;
    while (j < n && j - start < max && isReferenceChar(text.charAt(j), kind)) {
      j++;
    }
    if (j == start || j >= n || text.charAt(j) != ';') {
      return -1;
    }
    return j + 1;
  }

  private static boolean isReferenceChar(char c, int kind) {
    boolean digit = c >= '0' && c <= '9';
    if (kind == 0) {
      return digit;
    }
    if (kind == 1) {
      return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    return digit || isAsciiLetter(c);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static @Nullable Object[] checked(Map<String, ?> personalisation, Compiled template,
      Parsed... texts) {
    @Nullable Object[] values = template.names.values(personalisation);
    if (!PersonalisationNames.anyMissing(values)) {
      return values;
    }
    List<String> missing = Placeholders.missing(values, texts);
    if (!missing.isEmpty()) {
      throw new MissingPersonalisationException(missing);
    }
    return values;
  }

  /**
   * True if a subject's own text is quiet: printable ASCII with no quote, no two spaces in a
   * row, no space before a comma, full stop or hyphen, no conditional, and no space at the start
   * or end of the whole.
   */
  private static boolean quietSubjectText(Parsed subject) {
    for (Placeholders.Placeholder p : subject.placeholders()) {
      if (p.conditional() != null) {
        return false;
      }
    }
    String[] literals = subject.literals();
    for (String literal : literals) {
      if (!quietText(literal)) {
        return false;
      }
    }
    String first = literals[0];
    String last = literals[literals.length - 1];
    return !first.startsWith(" ") && !last.endsWith(" ");
  }

  /**
   * The subject, if it and every value are quiet, so that Notify's typography and white space
   * normalisation would leave it as it is: the text is quiet ({@link #quietSubjectText}) and each
   * value is a non-empty string of printable ASCII, {@link #quietText}, with no space at either
   * end and not starting with a comma, full stop or hyphen (which a space may come before). Then
   * the joined text has no quote, no tab, no two spaces in a row, no white space before a
   * comma, full stop or dash, and no space at either end. Otherwise null.
   */
  private static @Nullable String quietSubject(Parsed subject, @Nullable Object[] values) {
    String[] literals = subject.literals();
    Placeholders.Placeholder[] placeholders = subject.placeholders();
    StringBuilder out = null;
    for (int i = 0; i < placeholders.length; i++) {
      if (!(values[placeholders[i].slot()] instanceof String v) || v.isEmpty() || !quietText(v)) {
        return null;
      }
      char first = v.charAt(0);
      if (first == ' ' || first == ',' || first == '.' || first == '-' || v.charAt(v.length() - 1) == ' ') {
        return null;
      }
      if (out == null) {
        out = new StringBuilder(64);
      }
      out.append(literals[i]).append(v);
    }
    return out == null ? literals[0] : out.append(literals[placeholders.length]).toString();
  }

  /** Printable ASCII with no quote, no two spaces in a row and no space before a comma, full stop or hyphen. */
  private static boolean quietText(String text) {
    char previous = 'x';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '\'' || c == '"'
          || (previous == ' ' && (c == ' ' || c == ',' || c == '.' || c == '-'))) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  private static String subject(Parsed subject, @Nullable Object[] values) {
    return Typography.normaliseWhitespace(
        Typography.plain(Placeholders.replace(subject, values, false, false)));
  }

  /** The plain-text body from the body with its placeholders replaced and a line feed added. */
  private static String plainBody(String replacedWithLineFeed) {
    return plainBody(NotifyMarkdown.plainText(prepareWithLineFeed(replacedWithLineFeed)));
  }

  /** The plain-text body from its markdown rendered to plain text, still in its builder. */
  private static String plainBody(StringBuilder plain) {
    if (!Typography.mayChangePlain(plain)) {
      // Typography leaves it as it is: strip the leading white space, add a line feed, one copy.
      int start = Typography.leadingWhitespace(plain);
      return plain.append('\n').substring(start);
    }
    return finishPlain(Typography.plain(plain.toString()));
  }

  /**
   * As {@link #plainBody(StringBuilder)} of the text with each {@code bullet} a {@code •}. The
   * bullet, a character of the one-byte range that ASCII text never holds, keeps the text in one
   * byte a character while it is built; it is replaced before typography, which looks at it only
   * to know it is neither white space nor a quote, as {@code •} is not.
   */
  private static String plainBody(StringBuilder plain, char bullet) {
    if (!Typography.mayChangePlain(plain)) {
      int start = Typography.leadingWhitespace(plain);
      return plain.append('\n').substring(start).replace(bullet, '\u2022');
    }
    return finishPlain(Typography.plain(plain.toString().replace(bullet, '\u2022')));
  }

  private static String finishPlain(String text) {
    int start = Typography.leadingWhitespace(text);
    return (start == 0 ? text : text.substring(start)).concat("\n");
  }

  /** The plain-text bullet while one markdown pass builds the plain text of ASCII markdown. */
  private static final char BULLET = '\u0095';

  /**
   * A body ready for markdown: "GOV.UK" unlinked, line separators removed. The body already
   * ends with the line feed the renderer needs; added before, it changes neither step.
   */
  private static String prepareWithLineFeed(String body) {
    return Typography.unlinkGovUk(body).replace("\u2028", "");
  }
}
