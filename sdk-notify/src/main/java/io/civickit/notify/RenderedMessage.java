package io.civickit.notify;

import java.util.List;
import java.util.Objects;

/**
 * A notification as the person will receive it: the output of a template and its
 * personalisation. Channels that deliver content themselves (SMTP, the file outbox, a webhook)
 * send this; GOV.UK Notify renders its own copy from the template id.
 */
public sealed interface RenderedMessage {

  /** An email: subject, plain-text body and HTML body. */
  record Email(String subject, String plainText, String html) implements RenderedMessage {
    public Email {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(plainText, "plainText");
      Objects.requireNonNull(html, "html");
    }
  }

  /** A text message, already downgraded and checked against the SMS rules in force. */
  record Sms(String text) implements RenderedMessage {
    public Sms {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A letter: the address block as printed, a heading and the body. */
  record Letter(List<String> addressBlock, String subject, String body) implements RenderedMessage {
    public Letter {
      addressBlock = List.copyOf(addressBlock);
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }
  }
}
