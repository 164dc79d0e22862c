package io.civickit.submit;

import com.sun.net.httpserver.HttpServer;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.channel.WebhookVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A case system's endpoint on the JDK's HTTP server: checks the signature as a receiver must,
 * and keeps each submission once, dropping a repeated Idempotency-Key as the docs tell receivers to.
 */
final class WebhookReceiver implements AutoCloseable {
  static final String SECRET = "a-secret-shared-with-the-case-system-0123456789";

  private final HttpServer server;
  private final WebhookVerifier verifier = WebhookVerifier.of(SECRET.getBytes(StandardCharsets.UTF_8),
      Duration.ofMinutes(5), Clock.systemUTC());
  /** Every request's key, repeats included. */
  final List<String> received = new CopyOnWriteArrayList<>();
  /** What the case system keeps: one body per key. */
  final Map<String, byte[]> held = new ConcurrentHashMap<>();
  final Set<String> badSignatures = ConcurrentHashMap.newKeySet();
  /** Answer this status to the next requests, while positive. */
  final AtomicInteger failNext = new AtomicInteger();
  volatile int failStatus = 503;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cases", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      String key = ex.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_HEADER);
      int status;
      if (verifier.verify(ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP_HEADER),
          ex.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER), body) != WebhookVerifier.Result.VALID) {
        badSignatures.add(String.valueOf(key));
        status = 401;
      } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = failStatus;
      } else {
        received.add(key);
        held.putIfAbsent(key, body);
        status = 201;
        ex.getResponseHeaders().add("X-Case-Id", "CASE-" + key.substring(0, 8));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cases");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
