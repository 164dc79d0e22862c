package io.civickit.benchmarks.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP endpoint on the JDK's server, bound to 127.0.0.1 only: it reads each POST,
 * answers 200 and counts the {@code Idempotency-Key}s it has seen, so a benchmark can wait for
 * a number of distinct messages and count duplicates.
 */
public final class LocalReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private volatile CountDownLatch expected = new CountDownLatch(0);

  /** Starts the server on a free port. */
  public LocalReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "local-receiver");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/messages", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    received.incrementAndGet();
    if (key != null && seen.putIfAbsent(key, Boolean.TRUE) == null) {
      expected.countDown();
    }
    exchange.getResponseHeaders().add("X-Message-Id", key == null ? "none" : key);
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** The endpoint's URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
  }

  /** Forgets what was received and expects {@code distinct} new keys. */
  public void expect(int distinct) {
    seen.clear();
    received.set(0);
    expected = new CountDownLatch(distinct);
  }

  /** Waits until every expected key has arrived at least once. */
  public void await(long seconds) throws InterruptedException {
    if (!expected.await(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + seen.size() + " distinct messages arrived within " + seconds + " s");
    }
  }

  /** Requests received since {@link #expect}. */
  public long received() {
    return received.get();
  }

  /** Distinct keys received since {@link #expect}. */
  public long distinct() {
    return seen.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
