package io.civickit.examples.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CRM channel against a fake CRM on the JDK's HTTP server. */
class CrmHandoffChannelTest {
  static final String TOKEN = "s3cret-crm-token";
  final ObjectMapper json = new ObjectMapper();
  HttpServer server;
  /** What the fake CRM does with the next request: a status, or -1 to never answer. */
  volatile int nextStatus = 0;
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  final Map<String, String> casesByKey = new ConcurrentHashMap<>();
  final AtomicInteger caseNumbers = new AtomicInteger(1041);
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startFakeCrm() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/cases", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    bodies.add(json.readTree(in));
    headers.add(Map.of("authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
        "idempotency-key", String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key")),
        "content-type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"))));
    if (nextStatus == -1) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    int status = nextStatus;
    byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
    if (status == 0) {
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      boolean existing = casesByKey.containsKey(key);
      String number = casesByKey.computeIfAbsent(key, k -> "CRM-" + caseNumbers.incrementAndGet());
      status = existing ? 200 : 201;
      out = ("{\"caseNumber\":\"" + number + "\"}").getBytes(StandardCharsets.UTF_8);
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  private CrmHandoffChannel channel(Duration timeout) {
    return CrmHandoffChannel.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"))
        .token(TOKEN).queue("garden-waste").timeout(timeout).build();
  }

  static HandoffRequest request() {
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste-permit",
        "bins", HandoffReason.ASKED_FOR_HELP, "the person asked for help on the bins page",
        Map.of("address", "1 Garden Row, Anytown, SW1A 1AA", "email", HandoffRequest.REDACTED), Set.of("email"), 0,
        Optional.of("standard"), Channel.ONLINE, Optional.of(ContactPreference.email("sam@example.org")),
        Optional.empty(), Instant.parse("2026-11-28T10:15:30Z"));
  }

  @Test
  void aHandoffBecomesACaseCarryingTheWholeContextPackage() {
    HandoffRequest r = request();
    HandoffResult result = channel(Duration.ofSeconds(5)).handOff(r);

    assertThat(result).isInstanceOfSatisfying(HandoffResult.Accepted.class, a -> {
      assertThat(a.channel()).isEqualTo("crm");
      assertThat(a.externalReference()).contains("CRM-1042");
      assertThat(a.whatHappensNext()).isNotBlank();
    });
    assertThat(headers.get(0)).containsEntry("authorization", "Bearer " + TOKEN)
        .containsEntry("idempotency-key", r.handoffId().value()).containsEntry("content-type", "application/json");
    JsonNode body = bodies.get(0);
    assertThat(body.get("externalId").asText()).isEqualTo(r.handoffId().value());
    assertThat(body.get("reference").asText()).isEqualTo(r.reference().toString());
    assertThat(body.get("queue").asText()).isEqualTo("garden-waste");
    assertThat(HandoffRequest.fromJson(body.get("context").toString())).isEqualTo(r);
  }

  @Test
  void theSameHandoffSentTwiceIsOneCase() {
    HandoffRequest r = request();
    CrmHandoffChannel crm = channel(Duration.ofSeconds(5));
    HandoffResult first = crm.handOff(r);
    HandoffResult again = crm.handOff(r);
    assertThat(casesByKey).hasSize(1);
    assertThat(((HandoffResult.Accepted) again).externalReference())
        .isEqualTo(((HandoffResult.Accepted) first).externalReference());
  }

  @Test
  void failuresAreResultsSoTheRouterCanTryTheNextChannel() {
    CrmHandoffChannel crm = channel(Duration.ofSeconds(5));
    nextStatus = 500;
    assertThat(crm.handOff(request())).isInstanceOf(HandoffResult.Failed.class);
    nextStatus = 401;
    HandoffResult refused = crm.handOff(request());
    assertThat(refused).isInstanceOf(HandoffResult.Failed.class);
    assertThat(((HandoffResult.Failed) refused).why()).doesNotContain(TOKEN);
    nextStatus = 503;
    assertThat(crm.handOff(request())).isInstanceOf(HandoffResult.Closed.class);
  }

  @Test
  void aCrmThatDoesNotAnswerInTimeIsAFailureNotAHang() {
    nextStatus = -1;
    HandoffResult r = channel(Duration.ofMillis(300)).handOff(request());
    assertThat(r).isInstanceOfSatisfying(HandoffResult.Failed.class, f -> assertThat(f.why()).contains("did not answer"));
  }

  @Test
  void anUnreachableCrmIsAFailure() {
    int port = server.getAddress().getPort();
    server.stop(0);
    HandoffResult r = CrmHandoffChannel.builder().baseUrl(URI.create("http://127.0.0.1:" + port)).token(TOKEN)
        .connectTimeout(Duration.ofSeconds(2)).build().handOff(request());
    assertThat(r).isInstanceOf(HandoffResult.Failed.class);
    assertThat(channel(Duration.ofSeconds(1)).toString()).doesNotContain(TOKEN);
  }
}
