package io.civickit.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.testsupport.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web chat webhook against a real HTTP server that checks the signature as a chat platform would. */
class WebChatChannelTest {
  static final byte[] SECRET = "a-chat-platform-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
  final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));

  record Received(Map<String, List<String>> headers, byte[] body, boolean signatureValid) {}

  HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile int status = 202;
  volatile String answer = "{\"conversationId\":\"conv-42\",\"chatUrl\":\"https://chat.example/c/42\",\"estimatedWaitSeconds\":150}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/handoff", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      boolean valid = HandoffChannels.verifyWebhook(SECRET, ex.getRequestHeaders().getFirst(HandoffChannels.TIMESTAMP_HEADER),
          ex.getRequestHeaders().getFirst(HandoffChannels.SIGNATURE_HEADER), body, Duration.ofMinutes(5), clock);
      received.add(new Received(Map.copyOf(ex.getRequestHeaders()), body, valid));
      int code = valid ? status : 401;
      byte[] out = (valid ? answer : "{}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(code, out.length == 0 ? -1 : out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/handoff");
  }

  HandoffChannel chat(byte[] secret) {
    return HandoffChannels.webChat(url(), secret, Duration.ofSeconds(2), Duration.ofSeconds(5), clock);
  }

  static HandoffRequest request() {
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "bank-account",
        HandoffReason.REPEATED_VALIDATION_FAILURES, "3 failed attempts", Map.of("name", "Ada"), Set.of(), 0,
        Optional.empty(), Channel.ONLINE, Optional.empty(), Optional.empty(), Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void postsTheSignedContextAndReportsTheWaitAndChatLink() {
    HandoffRequest r = request();
    HandoffResult result = chat(SECRET).handOff(r);

    assertThat(received).hasSize(1);
    Received got = received.get(0);
    assertThat(got.signatureValid()).isTrue();
    assertThat(HandoffRequest.fromJson(new String(got.body(), StandardCharsets.UTF_8))).isEqualTo(r);
    assertThat(got.headers().get("Idempotency-key")).containsExactly(r.handoffId().value());
    assertThat(got.headers().get("Content-type").get(0)).startsWith("application/json");

    HandoffResult.Accepted a = (HandoffResult.Accepted) result;
    assertThat(a.channel()).isEqualTo("web-chat");
    assertThat(a.externalReference()).contains("conv-42");
    assertThat(a.link()).contains(URI.create("https://chat.example/c/42"));
    assertThat(a.expectedBy()).contains(Instant.parse("2026-11-27T10:02:30Z"));
    assertThat(a.whatHappensNext()).startsWith("An adviser will join your web chat in about 3 minutes.")
        .contains(r.reference().value());
  }

  @Test
  void aRequestSignedWithTheWrongSecretIsRefusedByThePlatformAndCountsAsFailed() {
    HandoffResult result = chat("not-the-secret-the-platform-holds!!".getBytes(StandardCharsets.US_ASCII)).handOff(request());
    assertThat(received.get(0).signatureValid()).isFalse();
    assertThat(result).isInstanceOf(HandoffResult.Failed.class);
    assertThat(((HandoffResult.Failed) result).why()).contains("401");
  }

  @Test
  void noAdvisersFreeIsClosedSoTheRouterMovesOn() {
    status = 503;
    assertThat(chat(SECRET).handOff(request())).isInstanceOf(HandoffResult.Closed.class);
  }

  @Test
  void anAcceptWithoutABodyStillTellsThePersonWhatHappensNext() {
    answer = "";
    status = 204;
    HandoffResult.Accepted a = (HandoffResult.Accepted) chat(SECRET).handOff(request());
    assertThat(a.whatHappensNext()).startsWith("An adviser will join your web chat.");
    assertThat(a.expectedBy()).isEmpty();
  }

  @Test
  void anUnreachablePlatformIsAFailureNotAnException() {
    server.stop(0);
    HandoffResult result = chat(SECRET).handOff(request());
    assertThat(result).isInstanceOf(HandoffResult.Failed.class);
  }

  @Test
  void aReplayedOrStaleRequestDoesNotVerify() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(clock.instant().getEpochSecond());
    String sig = "v1=" + java.util.HexFormat.of().formatHex(HandoffContextSigner.mac(SECRET, ts, body));
    assertThat(HandoffChannels.verifyWebhook(SECRET, ts, sig, body, Duration.ofMinutes(5), clock)).isTrue();
    clock.advance(Duration.ofMinutes(6));
    assertThat(HandoffChannels.verifyWebhook(SECRET, ts, sig, body, Duration.ofMinutes(5), clock)).isFalse();
    assertThat(HandoffChannels.verifyWebhook(SECRET, null, sig, body, Duration.ofMinutes(5), clock)).isFalse();
    assertThat(HandoffChannels.verifyWebhook(SECRET, ts, "v1=zz", body, Duration.ofMinutes(5), clock)).isFalse();
  }

  @Test
  void plainHttpIsOnlyAllowedToLocalhostAndSecretsMustBeLong() {
    assertThatThrownBy(() -> HandoffChannels.webChat(URI.create("http://chat.example/h"), SECRET, Duration.ofSeconds(1),
        Duration.ofSeconds(1), clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> HandoffChannels.webChat(url(), new byte[8], Duration.ofSeconds(1), Duration.ofSeconds(1), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }
}
