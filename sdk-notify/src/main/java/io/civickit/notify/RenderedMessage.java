package io.civickit.notify;

import java.util.List;
import java.util.Objects;

/**
 * A notification as the person will receive it: the output of a template and its
 * personalisation. Channels that deliver content themselves (SMTP, the file outbox, a webhook)
 * send this; GOV.UK Notify renders its own copy from the template id.
 */
public sealed interface RenderedMessage {

  /**
   * An email: subject, plain-text body and HTML body.
   *
   * @param subject the subject line, with placeholders filled
   * @param plainText the body as plain text, for mail clients that do not show HTML
   * @param html the body as HTML, with placeholder values escaped
   */
  record Email(String subject, String plainText, String html) implements RenderedMessage {
    /**
     * Checks that every part is present.
     *
     * @throws NullPointerException if any part is null
     */
    public Email {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(plainText, "plainText");
      Objects.requireNonNull(html, "html");
    }
  }

  /**
   * A text message, already downgraded and checked against the SMS rules in force.
   *
   * @param text the message as it will be sent
   */
  record Sms(String text) implements RenderedMessage {
    /**
     * Checks that the text is present.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public Sms {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A letter: the address block as printed, a heading and the body.
   *
   * @param addressBlock the address lines as printed, blank lines removed; unmodifiable
   * @param subject the heading, with placeholders filled
   * @param body the body as plain text
   */
  record Letter(List<String> addressBlock, String subject, String body) implements RenderedMessage {
    /**
     * Checks the parts and takes an unmodifiable copy of the address block.
     *
     * @throws NullPointerException if any part is null, or the address block holds null
     */
    public Letter {
      addressBlock = List.copyOf(addressBlock);
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }
  }
}
