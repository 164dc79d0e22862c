package io.civickit.notify.internal.template.reference;

import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.template.Gsm;
import io.civickit.notify.template.MissingPersonalisationException;
import io.civickit.notify.template.SmsCharacterPolicy;
import io.civickit.notify.template.SmsInfo;
import io.civickit.notify.template.SmsMessage;
import io.civickit.notify.template.SmsTooLongException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.owasp.encoder.Encode;

/** The rendering pipelines for each kind of message, in Notify's order. */
public final class TemplateRendering {

  private static final UnaryOperator<String> AS_IS = s -> s;
  private static final UnaryOperator<String> ESCAPE_HTML = TemplateRendering::escapeHtml;

  /** A complete character reference ({@code &amp;}, {@code &#163;}, {@code &#xA3;}). */
  private static final java.util.regex.Pattern CHARACTER_REFERENCE =
      java.util.regex.Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  private TemplateRendering() {}

  /** The placeholder names of the texts, as spelled, in order of first use. */
  public static Set<String> placeholders(String... texts) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (String text : texts) {
      names.addAll(Placeholders.names(text));
    }
    return names;
  }

  /** Renders an email: subject, plain-text body and HTML body. */
  public static RenderedMessage.Email email(String subject, String body, Map<String, ?> personalisation) {
    Map<String, Object> values = checked(personalisation, subject, body);
    String renderedSubject = subject(subject, values);
    String html = Typography.html(NotifyMarkdown.html(
        prepare(Placeholders.replace(body, values, ESCAPE_HTML, true))));
    String plain = plainBody(body, values);
    return new RenderedMessage.Email(renderedSubject, plain, html);
  }

  /** Renders a text message under the policy, rejecting one Notify would reject as too long. */
  public static SmsMessage sms(String body, Map<String, ?> personalisation, SmsCharacterPolicy policy) {
    Map<String, Object> values = checked(personalisation, body);
    String text = Placeholders.replace(body, values, AS_IS, false);
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
    Map<String, Object> values = checked(personalisation, subject, body);
    List<String> address = new ArrayList<>();
    for (String line : addressLines) {
      String normalised = Typography.normaliseWhitespace(line);
      if (!normalised.isEmpty()) {
        address.add(normalised);
      }
    }
    return new RenderedMessage.Letter(address, subject(subject, values), plainBody(body, values));
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
    java.util.regex.Matcher m = CHARACTER_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(Encode.forHtmlContent(text.substring(last, m.start()))).append(m.group());
      last = m.end();
    }
    return out.append(Encode.forHtmlContent(text.substring(last))).toString();
  }

  private static Map<String, Object> checked(Map<String, ?> personalisation, String... texts) {
    Map<String, Object> values = Placeholders.index(personalisation);
    List<String> missing = Placeholders.missing(values, texts);
    if (!missing.isEmpty()) {
      throw new MissingPersonalisationException(missing);
    }
    return values;
  }

  private static String subject(String subject, Map<String, Object> values) {
    return Typography.normaliseWhitespace(
        Typography.plain(Placeholders.replace(subject, values, AS_IS, false)));
  }

  private static String plainBody(String body, Map<String, Object> values) {
    String plain = NotifyMarkdown.plain(prepare(Placeholders.replace(body, values, AS_IS, true)));
    return Typography.stripLeading(Typography.plain(plain)) + "\n";
  }

  private static String prepare(String body) {
    return Typography.unlinkGovUk(body).replace("\u2028", "") + "\n";
  }
}
