package io.civickit.core.handoff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffContextSigner;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts the context package to a chat platform as a signed JSON webhook. */
public final class WebChatChannel implements HandoffChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebChatChannel.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Header with the request's Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = "X-CivicKit-Timestamp";
  /** Header with {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static final String SIGNATURE_HEADER = "X-CivicKit-Signature";
  /** Header with the handoff id, to deduplicate retries. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final String name;
  private final URI url;
  private final byte[] secret;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient http;

  public WebChatChannel(String name, URI url, byte[] secret, Duration connectTimeout, Duration requestTimeout,
      Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret.clone();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HandoffResult handOff(HandoffRequest request) {
    byte[] body = request.toJson().getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    String signature = "v1=" + HexFormat.of().formatHex(HandoffContextSigner.mac(secret, timestamp, body));
    HttpRequest http = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "civickit-handoff/0.1")
        .header(TIMESTAMP_HEADER, timestamp)
        .header(SIGNATURE_HEADER, signature)
        .header(IDEMPOTENCY_HEADER, request.handoffId().value())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response;
    try {
      response = this.http.send(http, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      LOG.warn("web chat {} did not answer within {} for handoff {}", name, requestTimeout, request.handoffId());
      return new HandoffResult.Failed(name, "no answer within " + requestTimeout);
    } catch (IOException e) {
      LOG.warn("web chat {} could not be reached for handoff {}: {}", name, request.handoffId(), e.getClass().getSimpleName());
      return new HandoffResult.Failed(name, "could not reach the chat platform: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HandoffResult.Failed(name, "interrupted");
    }
    int status = response.statusCode();
    if (status == 429 || status == 503) {
      return new HandoffResult.Closed(name, "no advisers free (HTTP " + status + ")", Optional.empty());
    }
    if (status < 200 || status > 299) {
      return new HandoffResult.Failed(name, "the chat platform answered HTTP " + status);
    }
    Optional<String> conversation = Optional.empty();
    Optional<URI> chatUrl = Optional.empty();
    Optional<Instant> expected = Optional.empty();
    String wait = "";
    try {
      JsonNode n = response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
      if (n.hasNonNull("conversationId")) {
        conversation = Optional.of(n.get("conversationId").asText());
      }
      if (n.hasNonNull("chatUrl")) {
        URI u = URI.create(n.get("chatUrl").asText());
        if ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) {
          chatUrl = Optional.of(u);
        }
      }
      if (n.hasNonNull("estimatedWaitSeconds") && n.get("estimatedWaitSeconds").canConvertToLong()) {
        long seconds = Math.max(0, n.get("estimatedWaitSeconds").asLong());
        expected = Optional.of(clock.instant().plusSeconds(seconds));
        long minutes = Math.max(1, (seconds + 59) / 60);
        wait = " in about " + minutes + (minutes == 1 ? " minute" : " minutes");
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.info("web chat {} accepted handoff {} with a body that is not the expected JSON", name, request.handoffId());
    }
    String message = "An adviser will join your web chat" + wait + ". They can see your answers so far, so you"
        + " will not need to start again. Your reference is " + request.reference().value() + ".";
    return new HandoffResult.Accepted(name, message, expected, conversation, chatUrl);
  }
}
