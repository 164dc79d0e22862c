package io.civickit.submit.internal;

import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.http.HttpAnswers;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.channel.WebhookVerifier;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POSTs the document's JSON, signed with sdk-notify's webhook scheme. */
public final class WebhookDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDestination.class);
  /** The header with the submission's reference. */
  public static final String REFERENCE_HEADER = "X-CivicKit-Reference";

  private final String name;
  private final URI url;
  private final byte[] secret;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient http;

  public WebhookDestination(String name, URI url, byte[] secret, Duration connectTimeout, Duration requestTimeout,
      Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SendResult deliver(Delivery delivery) {
    byte[] body = delivery.json();
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    String signature = "v1=" + HexFormat.of().formatHex(WebhookVerifier.sign(secret, timestamp, body));
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "civickit-submit/0.1")
        .header(Webhook.TIMESTAMP_HEADER, timestamp)
        .header(Webhook.SIGNATURE_HEADER, signature)
        .header(Webhook.IDEMPOTENCY_HEADER, delivery.idempotencyKey())
        .header(REFERENCE_HEADER, delivery.submission().reference())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      return HttpAnswers.unanswered(e, requestTimeout, "the webhook");
    }
    int status = response.statusCode();
    if ((status >= 200 && status < 300) || status == 409) {
      String receipt = response.headers().firstValue("X-Case-Id")
          .or(() -> response.headers().firstValue("Location")).filter(s -> !s.isBlank() && s.length() <= 255)
          .orElse(delivery.idempotencyKey());
      return new SendResult.Accepted(receipt);
    }
    SendResult failure = HttpAnswers.webhookFailure(status, response.headers(), "webhook");
    if (failure instanceof SendResult.PermanentFailure) {
      LOG.warn("webhook destination '{}' refused {}: {}", name, delivery, status);
    }
    return failure;
  }

  @Override
  public String toString() {
    return "WebhookDestination[" + name + ", " + url + "]";
  }
}
