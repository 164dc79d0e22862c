package io.civickit.notify.channel;

import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sample outgoing messages for channel tests. */
final class Messages {
  private Messages() {}

  static OutgoingNotification email(String key, String address) {
    return new OutgoingNotification(key, "welcome", new Recipient.Email(address), Map.of("name", "Siân"), Locale.UK,
        new RenderedMessage.Email("Croeso – welcome, Siân", "Hello Siân,\n\nYour reference is ABC-123.",
            "<p>Hello Siân,</p><p>Your reference is ABC-123.</p>"));
  }

  static OutgoingNotification sms(String key, String number) {
    return new OutgoingNotification(key, "code", new Recipient.Sms(number), Map.of("code", "123456"), Locale.UK,
        new RenderedMessage.Sms("Your code is 123456"));
  }

  static OutgoingNotification letter(String key) {
    List<String> address = List.of("Sam Smith", "1 High Street", "Anytown", "AB1 2CD");
    return new OutgoingNotification(key, "letter", new Recipient.Letter(address), Map.of(), Locale.UK,
        new RenderedMessage.Letter(address, "Your council tax", "Dear Sam,\n\nHere is your bill."));
  }
}
