package io.civickit.benchmarks.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.benchmarks.support.Postgres;
import io.civickit.benchmarks.support.SimplePool;
import io.civickit.benchmarks.template.ReceiptEmail;
import io.civickit.benchmarks.template.ReceiptRenderers;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxSchema;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.template.Templates;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * 5. The durable outbox on PostgreSQL delivering {@value #MESSAGES} application-receipt emails
 * through the signed webhook channel to a local JDK HTTP server: two outbox instances (two
 * "app instances", each with its own connection pool) with {@code workers} workers each, against
 * a plain loop of HTTP POSTs of the same JSON from the same number of threads (2 x workers), with
 * no database. Scores are messages per second; {@code duplicates} counts messages that arrived
 * more than once (must be 0). {@code civicKitOutboxSendingAtOnce} is the same outbox with one
 * worker per instance sending {@code workers} messages of its batch at once
 * ({@code Outbox.Builder.sendsInFlight}): as many requests in flight as the plain loop's threads,
 * from two workers and two database connections instead of 2 x workers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class OutboxBenchmark {
  /** Messages per measured invocation. */
  public static final int MESSAGES = 500;

  /** Workers on each of the two outbox instances (threads in the plain loop: twice this). */
  @Param({"1", "2", "4"})
  public int workers;

  private Postgres.BenchSchema schema;
  private SimplePool poolA;
  private SimplePool poolB;
  private Outbox outboxA;
  private Outbox outboxB;
  private Outbox outboxC;
  private Outbox outboxD;
  private LocalReceiver receiver;
  private HttpClient[] clients;
  private byte[] plainBody;
  private int round;

  /** What arrived: totals over an iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Delivery {
    /** Messages that arrived more than once. */
    public long duplicates;
    /** Distinct messages that arrived. */
    public long delivered;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      duplicates = 0;
      delivered = 0;
    }
  }

  /** Schema, pools, two outbox instances, the receiver, and the plain loop's clients and body. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    receiver = new LocalReceiver();
    schema = Postgres.createSchema("outbox");
    poolA = schema.pool(workers + 1);
    poolB = schema.pool(workers + 1);
    OutboxSchema.install(poolA);
    try (Connection c = poolA.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE plain_outbox (id bigint PRIMARY KEY, idempotency_key text NOT NULL,"
          + " email text NOT NULL, status smallint NOT NULL)");
    }
    Templates templates = Templates.builder().email(ReceiptEmail.ID, ReceiptEmail.SUBJECT, ReceiptEmail.BODY).build();
    outboxA = outbox(poolA, templates, "instance-a");
    outboxB = outbox(poolB, templates, "instance-b");
    outboxC = outbox(poolA, templates, "instance-c", workers);
    outboxD = outbox(poolB, templates, "instance-d", workers);
    clients = new HttpClient[] {HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()};
    RenderedMessage.Email email = new ReceiptRenderers.HandWritten().render();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("idempotency_key", "receipt-0");
    body.put("template_id", ReceiptEmail.ID);
    body.put("language", "en-GB");
    body.put("type", "email");
    body.put("email_address", "person0@example.org");
    body.put("message", Map.of("subject", email.subject(), "plain_text", email.plainText(), "html", email.html()));
    plainBody = new ObjectMapper().writeValueAsBytes(body);
  }

  private Outbox outbox(SimplePool pool, Templates templates, String instance) {
    return outbox(pool, templates, instance, 1);
  }

  private Outbox outbox(SimplePool pool, Templates templates, String instance, int sendsInFlight) {
    NotificationChannel webhook = Webhook.builder().url(receiver.url())
        .secret("a shared secret of at least thirty-two bytes").requestTimeout(Duration.ofSeconds(10)).build();
    return Outbox.builder().dataSource(pool).renderer(templates).channel(webhook).instanceId(instance)
        .pollInterval(Duration.ofMillis(10)).sendsInFlight(sendsInFlight).build();
  }

  /** Before each outbox invocation: an empty outbox, then {@value #MESSAGES} messages queued in one transaction. */
  @Setup(Level.Invocation)
  public void prepare(BenchmarkParams params) throws Exception {
    round++;
    receiver.expect(MESSAGES);
    if (params.getBenchmark().contains("plainJdbcOutbox")) {
      queuePlain();
      return;
    }
    if (!params.getBenchmark().contains("civicKitOutbox")) {
      return;
    }
    try (Connection c = poolA.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("TRUNCATE civickit_outbox");
      }
      c.setAutoCommit(false);
      Map<String, Object> personalisation = ReceiptEmail.personalisation();
      for (int i = 0; i < MESSAGES; i++) {
        outboxA.enqueue(c, new NotificationRequest(ReceiptEmail.ID, new Recipient.Email("person" + i + "@example.org"),
            personalisation, "receipt-" + round + "-" + i, Locale.UK));
      }
      c.commit();
    }
  }

  /** After each outbox invocation: every message must be SENT. */
  @TearDown(Level.Invocation)
  public void check(BenchmarkParams params) {
    if (params.getBenchmark().contains("civicKitOutbox")) {
      long sent = outboxA.counts().get(OutboxStatus.SENT);
      if (sent != MESSAGES) {
        throw new IllegalStateException("only " + sent + " of " + MESSAGES + " messages are SENT: " + outboxA.counts());
      }
    }
  }

  /** Closes everything and drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    receiver.close();
    poolA.close();
    poolB.close();
    schema.close();
  }

  /** CivicKit: both instances' workers deliver the queue; ends when every message has arrived. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void civicKitOutbox(Delivery delivery) throws Exception {
    try (Outbox.Workers a = outboxA.startWorkers(workers); Outbox.Workers b = outboxB.startWorkers(workers)) {
      receiver.await(120);
    }
    count(delivery);
  }

  /**
   * CivicKit, one worker per instance sending {@code workers} messages of its batch at once: as
   * many requests in flight as the plain loop; ends when every message has arrived.
   */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void civicKitOutboxSendingAtOnce(Delivery delivery) throws Exception {
    try (Outbox.Workers c = outboxC.startWorkers(1); Outbox.Workers d = outboxD.startWorkers(1)) {
      receiver.await(120);
    }
    count(delivery);
  }

  /** The limit: 2 x workers threads POST the same JSON in a loop, one message each time. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void plainHttpLoop(Delivery delivery) throws Exception {
    AtomicInteger next = new AtomicInteger();
    int r = round;
    onThreads(delivery, t -> {
      for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
        post(clients[t % 2], "plain-" + r + "-" + i, plainBody);
      }
    });
  }

  /**
   * The floor: the outbox a team would write by hand on the same PostgreSQL, from the same number
   * of threads as CivicKit's workers (2 x workers, half on each pool): claim up to 20 queued rows
   * with {@code FOR UPDATE SKIP LOCKED} in one statement, render each with the hand-written
   * renderer and POST it, then mark the batch sent in one statement. It keeps none of CivicKit's
   * guarantees (no lease, so a crash strands its claimed rows; no retry, fallback, rate limit,
   * encryption or signature): what it costs is the least any durable outbox pays on top of the
   * plain POST loop.
   */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void plainJdbcOutbox(Delivery delivery) throws Exception {
    ObjectMapper json = new ObjectMapper();
    onThreads(delivery, t -> {
      ReceiptRenderers.HandWritten renderer = new ReceiptRenderers.HandWritten();
      try (Connection c = (t % 2 == 0 ? poolA : poolB).getConnection();
          PreparedStatement claim = c.prepareStatement("UPDATE plain_outbox SET status = 1 WHERE id IN"
              + " (SELECT id FROM plain_outbox WHERE status = 0 ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)"
              + " RETURNING id, idempotency_key, email");
          PreparedStatement sent = c.prepareStatement("UPDATE plain_outbox SET status = 2 WHERE id = ANY (?)")) {
        c.setAutoCommit(true);
        while (true) {
          List<Long> ids = new ArrayList<>();
          List<String[]> rows = new ArrayList<>();
          try (ResultSet rs = claim.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
              rows.add(new String[] {rs.getString(2), rs.getString(3)});
            }
          }
          if (rows.isEmpty()) {
            return;
          }
          for (String[] row : rows) {
            RenderedMessage.Email email = renderer.render();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("idempotency_key", row[0]);
            body.put("template_id", ReceiptEmail.ID);
            body.put("language", "en-GB");
            body.put("type", "email");
            body.put("email_address", row[1]);
            body.put("message", Map.of("subject", email.subject(), "plain_text", email.plainText(),
                "html", email.html()));
            post(clients[t % 2], row[0], json.writeValueAsBytes(body));
          }
          sent.setArray(1, c.createArrayOf("bigint", ids.toArray()));
          sent.executeUpdate();
        }
      }
    });
  }

  /** What one of the plain sides' threads does; {@code thread} is 0 to 2 x workers - 1. */
  @FunctionalInterface
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }

  /** Runs {@code work} on 2 x workers threads, rethrows the first failure, then counts what arrived. */
  private void onThreads(Delivery delivery, ThreadWork work) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 2 * workers; t++) {
      int index = t;
      Thread thread = new Thread(() -> {
        try {
          work.run(index);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    receiver.await(10);
    count(delivery);
  }

  private void post(HttpClient client, String idempotencyKey, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(receiver.url()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the receiver answered " + response.statusCode());
    }
  }

  private void queuePlain() throws Exception {
    try (Connection c = poolA.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("TRUNCATE plain_outbox");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO plain_outbox (id, idempotency_key, email, status) VALUES (?, ?, ?, 0)")) {
        for (int i = 0; i < MESSAGES; i++) {
          ps.setLong(1, i);
          ps.setString(2, "plain-jdbc-" + round + "-" + i);
          ps.setString(3, "person" + i + "@example.org");
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  private void count(Delivery delivery) {
    delivery.delivered += receiver.distinct();
    delivery.duplicates += receiver.received() - receiver.distinct();
  }
}
