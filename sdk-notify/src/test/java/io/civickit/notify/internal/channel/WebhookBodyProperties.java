package io.civickit.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.OutgoingNotification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The streamed webhook body is byte for byte the body serialised from maps. */
class WebhookBodyProperties {

  private static void sameBytes(OutgoingNotification n) {
    assertThat(new String(WebhookChannel.bodyBytes(n), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(Json.writeBytes(mapForm(n)), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(WebhookChannel.bodyBytes(n)).isEqualTo(Json.writeBytes(mapForm(n)));
  }

  @Property
  void emailBodiesMatch(@ForAll String key, @ForAll String template, @ForAll String address,
      @ForAll String subject, @ForAll String plain, @ForAll String html, @ForAll Map<String, String> personalisation) {
    sameBytes(new OutgoingNotification(key, template, new Recipient.Email(" " + address + "@example.org\t"),
        Map.copyOf(personalisation), Locale.forLanguageTag("cy-GB"), new RenderedMessage.Email(subject, plain, html)));
  }

  @Property
  void smsBodiesMatch(@ForAll String key, @ForAll String template, @ForAll String text) {
    sameBytes(new OutgoingNotification(key, template, new Recipient.Sms(" 07700 900123 "), Map.of(),
        Locale.UK, new RenderedMessage.Sms(text)));
  }

  @Property
  void letterBodiesMatch(@ForAll String key, @ForAll @Size(min = 3, max = 7) List<String> raw,
      @ForAll String subject, @ForAll String body) {
    List<String> lines = raw.stream().map(l -> "Line \u00e9 " + l).toList();
    sameBytes(new OutgoingNotification(key, "letter-template", new Recipient.Letter(lines), Map.of(),
        Locale.ENGLISH, new RenderedMessage.Letter(lines, subject, body)));
  }

  /** The JSON the supplier receives, as maps (the form the channel wrote before): the reference. */
  private static Map<String, Object> mapForm(OutgoingNotification n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("idempotency_key", n.idempotencyKey());
    body.put("template_id", n.templateId());
    body.put("language", n.language().toLanguageTag());
    Map<String, Object> message = new LinkedHashMap<>();
    if (n.message() instanceof RenderedMessage.Email m) {
      body.put("type", "email");
      body.put("email_address", ((Recipient.Email) n.recipient()).address().strip());
      message.put("subject", m.subject());
      message.put("plain_text", m.plainText());
      message.put("html", m.html());
    } else if (n.message() instanceof RenderedMessage.Sms m) {
      body.put("type", "sms");
      body.put("phone_number", ((Recipient.Sms) n.recipient()).phoneNumber().strip());
      message.put("text", m.text());
    } else {
      RenderedMessage.Letter m = (RenderedMessage.Letter) n.message();
      body.put("type", "letter");
      body.put("address_lines", ((Recipient.Letter) n.recipient()).addressLines());
      message.put("address_block", m.addressBlock());
      message.put("subject", m.subject());
      message.put("body", m.body());
    }
    body.put("message", message);
    return body;
  }
}
