package io.civickit.notify.template;

import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.template.TemplateRendering;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One language version of a template, written in the GOV.UK Notify template language, so it
 * can be copied between Notify and CivicKit unchanged.
 *
 * <ul>
 *   <li>{@code ((name))} is replaced by the personalisation value whose key matches ignoring
 *       case, spaces, hyphens and underscores; extra personalisation is ignored.
 *   <li>{@code ((name??text))} shows {@code text} when the value is one of {@code yes},
 *       {@code y}, {@code true}, {@code t}, {@code 1}, {@code include}, {@code show} (any case).
 *   <li>A list value becomes bullets in an email or letter and "a, b and c" in a text message
 *       or subject.
 *   <li>Every placeholder needs a value: a missing one throws
 *       {@link MissingPersonalisationException} naming all of them.
 * </ul>
 *
 * <p>Render a version directly for a preview, or register it in {@link Templates}.
 */
public sealed interface Template {

  /** The body, in the template language. */
  String body();

  /** The placeholder names used (subject first), as spelled, in order of first use. */
  Set<String> placeholders();

  /** An email version: subject and markdown body. */
  static Email email(String subject, String body) {
    return new Email(subject, body);
  }

  /** A text message version. */
  static Sms sms(String body) {
    return new Sms(body);
  }

  /** A letter version: heading and markdown body. */
  static Letter letter(String subject, String body) {
    return new Letter(subject, body);
  }

  /**
   * An email template.
   *
   * @param subject the subject line; markdown is not applied, typography is
   * @param body the body in Notify's markdown subset
   */
  record Email(String subject, String body) implements Template {
    /** Requires a subject and body that are not blank. */
    public Email {
      requireText(subject, "subject");
      requireText(body, "body");
    }

    /**
     * Renders the email: the subject with Notify's typography on one line, the body as plain
     * text and as HTML (personalisation HTML-escaped).
     *
     * @throws MissingPersonalisationException if any placeholder has no value
     */
    public RenderedMessage.Email render(Map<String, ?> personalisation) {
      return TemplateRendering.email(subject, body, personalisation);
    }

    @Override
    public Set<String> placeholders() {
      return TemplateRendering.placeholders(subject, body);
    }
  }

  /**
   * A text message template.
   *
   * @param body the text; no markdown
   */
  record Sms(String body) implements Template {
    /** Requires a body that is not blank. */
    public Sms {
      requireText(body, "body");
    }

    /**
     * Renders the message under the character policy, and measures it.
     *
     * @throws MissingPersonalisationException if any placeholder has no value
     * @throws SmsTooLongException if the result is over {@value SmsInfo#MAX_CHARACTERS} characters
     */
    public SmsMessage render(Map<String, ?> personalisation, SmsCharacterPolicy policy) {
      return TemplateRendering.sms(body, personalisation, Objects.requireNonNull(policy, "policy"));
    }

    /**
     * The characters of the template's own text that force UCS-2 under the policy: each one
     * can double what every message costs. Empty when the template stays in GSM.
     */
    public Set<String> costlyCharacters(SmsCharacterPolicy policy) {
      return TemplateRendering.costlyCharacters(body, policy);
    }

    @Override
    public Set<String> placeholders() {
      return TemplateRendering.placeholders(body);
    }
  }

  /**
   * A letter template.
   *
   * @param subject the heading printed above the body
   * @param body the body in Notify's markdown subset
   */
  record Letter(String subject, String body) implements Template {
    /** Requires a subject and body that are not blank. */
    public Letter {
      requireText(subject, "subject");
      requireText(body, "body");
    }

    /**
     * Renders the letter: the address block (each line's whitespace normalised, empty lines
     * dropped), the heading, and the body as plain text for printing.
     *
     * @throws MissingPersonalisationException if any placeholder has no value
     */
    public RenderedMessage.Letter render(List<String> addressLines, Map<String, ?> personalisation) {
      return TemplateRendering.letter(addressLines, subject, body, personalisation);
    }

    @Override
    public Set<String> placeholders() {
      return TemplateRendering.placeholders(subject, body);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("a template " + name + " must not be blank");
    }
  }
}
