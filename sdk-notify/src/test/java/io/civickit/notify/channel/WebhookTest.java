package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a receiver that checks signatures with {@link WebhookVerifier}. */
class WebhookTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private final WebhookVerifier verifier = WebhookVerifier.of(SECRET, Duration.ofMinutes(5), clock);
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<WebhookVerifier.Result> verdicts = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      WebhookVerifier.Result verdict = verifier.verify(ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP_HEADER),
          ex.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER), body);
      verdicts.add(verdict);
      int code = verdict == WebhookVerifier.Result.VALID ? status.get() : 401;
      if (code < 300) {
        received.add(new ObjectMapper().readTree(body));
        ex.getResponseHeaders().add("X-Message-Id", "m-" + ex.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_HEADER));
      }
      ex.sendResponseHeaders(code, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Webhook.Builder builder() {
    return Webhook.builder().url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
        .secret(SECRET).clock(clock).requestTimeout(Duration.ofSeconds(5));
  }

  @Test
  void aSignedJsonPostIsAcceptedByTheVerifier() {
    SendResult result = builder().build().send(Messages.email("k-1", "sian@example.org"));
    assertThat(result).isEqualTo(new SendResult.Accepted("m-k-1"));
    assertThat(verdicts).containsExactly(WebhookVerifier.Result.VALID);
    JsonNode body = received.get(0);
    assertThat(body.path("type").asText()).isEqualTo("email");
    assertThat(body.path("idempotency_key").asText()).isEqualTo("k-1");
    assertThat(body.path("email_address").asText()).isEqualTo("sian@example.org");
    assertThat(body.path("message").path("subject").asText()).isEqualTo("Croeso – welcome, Siân");
    assertThat(body.path("message").path("html").asText()).contains("<p>Hello Siân,</p>");
  }

  @Test
  void aWrongSecretIsRefusedAndThatIsPermanent() {
    SendResult result = builder().secret("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8))
        .build().send(Messages.sms("k", "07700900123"));
    assertThat(verdicts).containsExactly(WebhookVerifier.Result.BAD_SIGNATURE);
    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
  }

  @Test
  void aSignatureFromTooLongAgoIsStale() {
    Clock old = Clock.fixed(Instant.parse("2026-03-02T09:50:00Z"), ZoneOffset.UTC);
    builder().clock(old).build().send(Messages.letter("k"));
    assertThat(verdicts).containsExactly(WebhookVerifier.Result.STALE);
  }

  @Test
  void serverErrorsAreUnknownAndTooManyRequestsIsRetryable() {
    status.set(503);
    assertThat(builder().build().send(Messages.sms("k", "07700900123"))).isInstanceOf(SendResult.UnknownOutcome.class);
    status.set(429);
    assertThat(builder().build().send(Messages.sms("k", "07700900123"))).isInstanceOf(SendResult.RetryableFailure.class);
  }

  @Test
  void nothingUnreachableThrows() {
    server.stop(0);
    SendResult r = builder().build().send(Messages.sms("k", "07700900123"));
    assertThat(r).isInstanceOfAny(SendResult.RetryableFailure.class, SendResult.UnknownOutcome.class);
  }
}
