package io.civickit.notify.internal.channel;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.http.HttpAnswers;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.channel.WebhookVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON POST signed with HMAC-SHA256. */
public final class WebhookChannel implements NotificationChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

  private final String name;
  private final URI url;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient http;
  // Mac.getInstance and init cost more than signing a small body: one keyed Mac per thread.
  private final ThreadLocal<Mac> macs;

  public WebhookChannel(String name, URI url, byte[] secret, Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.name = name;
    this.url = url;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> Digests.hmacSha256(key));
  }

  /** The signature of {@link WebhookVerifier#sign}, with this thread's Mac. */
  private byte[] sign(String timestamp, byte[] body) {
    Mac mac = macs.get();
    mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) '.');
    return mac.doFinal(body);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Recipient recipient) {
    return true;
  }

  /**
   * The JSON the supplier receives, as UTF-8, written field by field: the same bytes as
   * serialising {@link #body} with {@link Json#MAPPER}, without building the two maps.
   */
  static byte[] bodyBytes(OutgoingNotification n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("idempotency_key", n.idempotencyKey());
      g.writeStringField("template_id", n.templateId());
      g.writeStringField("language", n.language().toLanguageTag());
      if (n.message() instanceof RenderedMessage.Email m) {
        g.writeStringField("type", "email");
        g.writeStringField("email_address", ((Recipient.Email) n.recipient()).address().strip());
        g.writeObjectFieldStart("message");
        g.writeStringField("subject", m.subject());
        g.writeStringField("plain_text", m.plainText());
        g.writeStringField("html", m.html());
      } else if (n.message() instanceof RenderedMessage.Sms m) {
        g.writeStringField("type", "sms");
        g.writeStringField("phone_number", ((Recipient.Sms) n.recipient()).phoneNumber().strip());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", m.text());
      } else {
        RenderedMessage.Letter m = (RenderedMessage.Letter) n.message();
        g.writeStringField("type", "letter");
        g.writeFieldName("address_lines");
        writeStrings(g, ((Recipient.Letter) n.recipient()).addressLines());
        g.writeObjectFieldStart("message");
        g.writeFieldName("address_block");
        writeStrings(g, m.addressBlock());
        g.writeStringField("subject", m.subject());
        g.writeStringField("body", m.body());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("could not write JSON: " + e.getClass().getSimpleName(), e);
    }
    return out.toByteArray();
  }

  private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @Override
  public SendResult send(OutgoingNotification n) {
    Optional<String> problem = Addresses.problem(n.recipient());
    if (problem.isPresent()) {
      return new SendResult.PermanentFailure(problem.get());
    }
    byte[] json = bodyBytes(n);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    String signature = "v1=" + HexFormat.of().formatHex(sign(timestamp, json));
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "civickit-notify/0.1")
        .header(Webhook.TIMESTAMP_HEADER, timestamp)
        .header(Webhook.SIGNATURE_HEADER, signature)
        .header(Webhook.IDEMPOTENCY_HEADER, n.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      SendResult result = HttpAnswers.unanswered(e, requestTimeout, "the webhook");
      LOG.warn("sending {} to the webhook: {} ({})", n.idempotencyKey(), result, e.getClass().getSimpleName());
      return result;
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      LOG.debug("webhook accepted {} to {}", n.idempotencyKey(), n.recipient());
      return new SendResult.Accepted(response.headers().firstValue("X-Message-Id").filter(s -> !s.isBlank())
          .orElse(n.idempotencyKey()));
    }
    SendResult failure = HttpAnswers.webhookFailure(status, response.headers(), "webhook");
    if (failure instanceof SendResult.PermanentFailure) {
      LOG.warn("the webhook refused {} to {}: {}", n.idempotencyKey(), n.recipient(), status);
    }
    return failure;
  }
}
