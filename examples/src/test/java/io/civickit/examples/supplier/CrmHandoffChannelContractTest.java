package io.civickit.examples.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffId;
import io.civickit.test.handoff.HandoffChannelContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The supplier's CRM channel through sdk-test's contract, against a fake CRM that keeps one case
 * per {@code Idempotency-Key} as the CRM's API documents. Broken, the CRM answers 500.
 */
class CrmHandoffChannelContractTest extends HandoffChannelContract {
  static final String TOKEN = "s3cret-crm-token";
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> cases = new ConcurrentHashMap<>();
  private final Map<String, String> caseNumbers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger(1041);
  private volatile boolean broken;
  private final HttpServer server;

  CrmHandoffChannelContractTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/cases", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    int status;
    String out = "{}";
    if (broken) {
      status = 500;
    } else if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization")) || key == null) {
      status = 401;
    } else {
      JsonNode body = json.readTree(in);
      boolean existing = cases.putIfAbsent(key, body.toString()) != null;
      String number = caseNumbers.computeIfAbsent(key, k -> "CRM-" + next.incrementAndGet());
      status = existing ? 200 : 201;
      out = "{\"caseNumber\":\"" + number + "\"}";
    }
    byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  protected HandoffChannel channel() {
    return CrmHandoffChannel.builder().baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"))
        .token(TOKEN).queue("garden-waste").timeout(Duration.ofSeconds(5)).build();
  }

  @Override
  protected List<String> delivered(HandoffId id) {
    String body = cases.get(id.value());
    return body == null ? List.of() : List.of(body);
  }

  @Override
  protected void breakCounterpart() {
    broken = true;
  }
}
