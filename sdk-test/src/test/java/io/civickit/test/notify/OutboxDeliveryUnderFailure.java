package io.civickit.test.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.GovUkNotifyChannel;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.outbox.Backoff;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxSchema;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.outbox.RateLimit;
import io.civickit.notify.outbox.StatusListener;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two outbox instances with several workers each share one database and send thousands of
 * messages to a fake Notify that fails some requests (500s, timeouts, and accepted-but-lost
 * responses), while a third instance's worker dies in the middle of a batch after Notify
 * accepted one of its messages. Every message must arrive exactly once (counted at the server
 * by reference) and the shared rate limit must hold. Run on PostgreSQL and on H2.
 */
abstract class OutboxDeliveryUnderFailure {
  static final int WORKERS_PER_INSTANCE = 4;
  static final int RATE_PER_SECOND = 60;
  static final int BURST = 10;

  protected abstract DataSource dataSource();

  protected abstract int messages();

  protected abstract String database();

  /** Sends the first few messages, then accepts one more at Notify and dies before recording it. */
  static final class DyingChannel implements NotificationChannel {
    private final NotificationChannel delegate;
    private final AtomicInteger sends = new AtomicInteger();
    final CountDownLatch dead = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);

    DyingChannel(NotificationChannel delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public boolean supports(Recipient recipient) {
      return delegate.supports(recipient);
    }

    @Override
    public SendResult send(OutgoingNotification n) {
      SendResult result = delegate.send(n);
      if (sends.incrementAndGet() == 4) {
        dead.countDown();
        try {
          never.await(); // the worker is gone: it never records the result
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("worker killed");
      }
      return result;
    }
  }

  @Test
  void everyMessageIsDeliveredOnceAndTheRateLimitHolds() throws Exception {
    OutboxSchema.install(dataSource());
    String template = UUID.randomUUID().toString();
    FakeNotify notify = FakeNotify.builder().timeoutDelay(Duration.ofMillis(700)).start();
    notify.failRandomly(0.12, 20260302L, FakeNotify.Failure.SERVER_ERROR, FakeNotify.Failure.ACCEPT_THEN_SERVER_ERROR,
        FakeNotify.Failure.TIMEOUT, FakeNotify.Failure.ACCEPT_THEN_TIMEOUT);
    GovUkNotifyChannel channel = GovUkNotify.builder().apiKey(notify.apiKey()).baseUrl(notify.baseUrl())
        .templateId("reminder", template).connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofMillis(300)).build();

    int n = messages();
    Set<String> finished = ConcurrentHashMap.newKeySet();
    CountDownLatch allDone = new CountDownLatch(n);
    StatusListener listener = change -> {
      if (change.to().isFinal() && finished.add(change.idempotencyKey())) {
        allDone.countDown();
      }
    };
    java.util.function.Supplier<Outbox.Builder> common = () -> Outbox.builder().dataSource(dataSource())
        .renderer(r -> new RenderedMessage.Sms("Your bin collection is tomorrow"))
        .rateLimit("govuk-notify", RateLimit.of(RATE_PER_SECOND, Duration.ofSeconds(1)).withBurst(BURST))
        .backoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(500))).maxAttempts(30)
        .lease(Duration.ofSeconds(3)).batchSize(10).pollInterval(Duration.ofMillis(20)).listener(listener);

    DyingChannel dying = new DyingChannel(channel);
    Outbox doomed = Outbox.builder().dataSource(dataSource()).renderer(r -> new RenderedMessage.Sms("x"))
        .channel(dying).rateLimit("govuk-notify", RateLimit.of(RATE_PER_SECOND, Duration.ofSeconds(1)).withBurst(BURST))
        .lease(Duration.ofSeconds(3)).batchSize(10).instanceId("doomed").listener(listener).build();
    Outbox one = common.get().channel(channel).instanceId("one").build();
    Outbox two = common.get().channel(channel).instanceId("two").build();

    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < n; i++) {
        one.enqueue(c, new NotificationRequest("reminder", new Recipient.Sms("07700 900" + String.format("%03d", i % 1000)),
            Map.of("day", "Tuesday"), "bins-" + i, Locale.UK));
      }
      c.commit();
    }
    one.enqueue(new NotificationRequest("reminder", new Recipient.Sms("07700 900000"), Map.of(), "bins-0", Locale.UK));

    Thread doomedWorker = new Thread(doomed::runOnce, "doomed-worker");
    doomedWorker.setDaemon(true);
    doomedWorker.start();
    assertThat(dying.dead.await(20, TimeUnit.SECONDS)).as("the doomed worker got mid-batch").isTrue();

    long start = System.nanoTime();
    boolean done;
    try (Outbox.Workers a = one.startWorkers(WORKERS_PER_INSTANCE);
        Outbox.Workers b = two.startWorkers(WORKERS_PER_INSTANCE)) {
      done = allDone.await(55, TimeUnit.SECONDS);
    } finally {
      doomedWorker.interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    notify.close();

    Map<String, Long> byReference = notify.countsByReference();
    long delivered = byReference.size();
    long duplicates = byReference.values().stream().mapToLong(v -> v - 1).sum();
    Map<Long, Long> postsPerSecond = new TreeMap<>(notify.requests().stream().filter(r -> r.method().equals("POST"))
        .collect(Collectors.groupingBy(r -> r.at().getEpochSecond(), Collectors.counting())));
    long posts = notify.requests().stream().filter(r -> r.method().equals("POST")).count();
    long failedPosts = notify.requests().stream().filter(r -> r.method().equals("POST") && r.status() != 201).count();
    long lookups = notify.requests().stream().filter(r -> r.method().equals("GET")).count();
    long maxPerSecond = postsPerSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Instant> postTimes = notify.requests().stream().filter(r -> r.method().equals("POST"))
        .map(FakeNotify.Request::at).sorted().toList();
    double postSpan = Duration.between(postTimes.get(0), postTimes.get(postTimes.size() - 1)).toMillis() / 1000.0;
    System.out.printf(Locale.ROOT, "[outbox under failure, %s] messages=%d delivered=%d duplicates=%d posts=%d"
        + " failed-or-lost-posts=%d lookups=%d elapsed=%.1fs send-rate=%.0f/s max-posts-in-one-second=%d"
        + " (limit %d/s, burst %d)%n", database(), n, delivered, duplicates, posts, failedPosts, lookups, seconds,
        delivered / seconds, maxPerSecond, RATE_PER_SECOND, BURST);

    assertThat(done).as("every message reached a final state within 55 s").isTrue();
    assertThat(one.counts()).containsEntry(OutboxStatus.SENT, (long) n).containsEntry(OutboxStatus.FAILED, 0L);
    assertThat(delivered).isEqualTo(n);
    assertThat(duplicates).isZero();
    assertThat(failedPosts).as("the server really did fail some requests").isGreaterThan(0);
    // The bucket lets out at most BURST + RATE * t in any stretch t. A token is taken just before
    // the request, so up to one request per worker thread can arrive a little later than its token.
    long slack = 2L * WORKERS_PER_INSTANCE + 1;
    assertThat(maxPerSecond).isLessThanOrEqualTo(BURST + RATE_PER_SECOND + slack);
    assertThat((double) posts).isLessThanOrEqualTo(BURST + RATE_PER_SECOND * postSpan + slack);
  }
}
