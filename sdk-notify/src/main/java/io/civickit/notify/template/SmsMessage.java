package io.civickit.notify.template;

import java.util.Objects;

/**
 * A rendered text message and what it costs.
 *
 * @param text the text as sent, after the {@link SmsCharacterPolicy} was applied
 * @param info its encoding, fragments and characters
 */
public record SmsMessage(String text, SmsInfo info) {
  /** Requires both parts. */
  public SmsMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(info, "info");
  }
}
