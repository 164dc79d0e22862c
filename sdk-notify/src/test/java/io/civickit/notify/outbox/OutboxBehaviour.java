package io.civickit.notify.outbox;

import static io.civickit.notify.outbox.ScriptedChannel.Step.ACCEPT;
import static io.civickit.notify.outbox.ScriptedChannel.Step.ACCEPT_BUT_LOSE_RESPONSE;
import static io.civickit.notify.outbox.ScriptedChannel.Step.CRASH_AFTER_ACCEPT;
import static io.civickit.notify.outbox.ScriptedChannel.Step.FAIL_UNKNOWN;
import static io.civickit.notify.outbox.ScriptedChannel.Step.PERMANENT;
import static io.civickit.notify.outbox.ScriptedChannel.Step.RETRYABLE;
import static io.civickit.notify.outbox.ScriptedChannel.Step.RETRY_AFTER_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.CivicKitException;
import io.civickit.core.StorageUnavailableException;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.testsupport.Leaks;
import io.civickit.testsupport.TestClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbox behaviour, run on H2 and on PostgreSQL by the subclasses. */
abstract class OutboxBehaviour {

  /** A database with the outbox schema installed. */
  protected abstract DataSource dataSource();

  static final MessageRenderer RENDERER = req -> {
    if (req.templateId().equals("broken")) {
      throw new CivicKitException("missing personalisation: name") {};
    }
    Recipient r = req.recipient();
    if (r instanceof Recipient.Email) {
      return new RenderedMessage.Email("Your code", "Hello " + req.personalisation().getOrDefault("name", ""),
          "<p>Hello</p>");
    }
    if (r instanceof Recipient.Sms) {
      return new RenderedMessage.Sms("Hello " + req.personalisation().getOrDefault("name", ""));
    }
    return new RenderedMessage.Letter(((Recipient.Letter) r).addressLines(), "Your code", "Hello");
  };

  final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
  final List<StatusChange> changes = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM civickit_outbox");
      s.executeUpdate("DELETE FROM civickit_outbox_rate");
      s.executeUpdate("DELETE FROM civickit_outbox_bucket");
    }
  }

  Outbox.Builder outbox(ScriptedChannel... channels) {
    Outbox.Builder b = Outbox.builder().dataSource(dataSource()).renderer(RENDERER).clock(clock)
        .random(RandomGenerator.of("L64X128MixRandom")).backoff(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)))
        .lease(Duration.ofMinutes(2)).maxAttempts(4).listener(changes::add);
    for (ScriptedChannel c : channels) {
      b.channel(c);
    }
    return b;
  }

  static NotificationRequest sms(String key) {
    return new NotificationRequest("passcode", new Recipient.Sms("07700 900123"), Map.of("name", "Sam"), key,
        Locale.UK);
  }

  @Test
  void theSameKeyTwiceIsOneMessage() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    NotificationId first = outbox.enqueue(sms("k1"));
    NotificationId second = outbox.send(sms("k1"));
    assertThat(second).isEqualTo(first);
    outbox.runOnce();
    outbox.runOnce();
    assertThat(channel.accepted).containsExactly(Map.entry("k1", 1));
    assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, 1L);
  }

  @Test
  void aMessageQueuedInTheCallersTransactionIsSentOnlyIfItCommits() throws SQLException {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      outbox.enqueue(c, sms("rolled-back"));
      c.rollback();
      outbox.enqueue(c, sms("committed"));
      outbox.enqueue(c, sms("committed")); // the same key again inside the transaction
      c.commit();
    }
    outbox.runOnce();
    assertThat(channel.accepted).containsOnlyKeys("committed");
    assertThat(outbox.findByKey("rolled-back")).isEmpty();
  }

  @Test
  void aSentMessageGoesThroughQueuedSendingSentAndCanBeMarkedDelivered() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    NotificationId id = outbox.enqueue(sms("k1"));
    assertThat(outbox.runOnce()).isEqualTo(1);
    assertThat(outbox.markDelivered(id)).isTrue();
    assertThat(outbox.markDelivered(id)).isFalse();
    assertThat(changes).extracting(StatusChange::to).containsExactly(OutboxStatus.QUEUED, OutboxStatus.SENDING,
        OutboxStatus.SENT, OutboxStatus.DELIVERED);
    OutboxMessage m = outbox.find(id).orElseThrow();
    assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(m.providerId()).contains("p-k1");
    assertThat(m.channel()).contains("a");
    assertThat(channel.attempts.get(0).message()).isEqualTo(new RenderedMessage.Sms("Hello Sam"));
  }

  @Test
  void aRetryableFailureWaitsAFullyJitteredBackoffAndIsThenRetried() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(RETRYABLE, RETRYABLE);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("k1"));
    outbox.runOnce();
    OutboxMessage afterOne = outbox.findByKey("k1").orElseThrow();
    assertThat(afterOne.status()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(afterOne.lastError()).contains("busy");
    assertThat(afterOne.nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    outbox.runOnce();
    OutboxMessage afterTwo = outbox.findByKey("k1").orElseThrow();
    assertThat(afterTwo.attempts()).isEqualTo(2);
    assertThat(afterTwo.nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    outbox.runOnce();
    assertThat(outbox.findByKey("k1").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aMessageIsNotRetriedBeforeItsRetryAfter() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(RETRY_AFTER_MINUTE);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("k1"));
    outbox.runOnce();
    assertThat(outbox.findByKey("k1").orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    assertThat(outbox.runOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(outbox.runOnce()).isEqualTo(1);
    assertThat(channel.accepted).containsKey("k1");
  }

  @Test
  void aPermanentFailureIsNotRetriedAndKeepsItsError() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(PERMANENT);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("k1"));
    outbox.runOnce();
    clock.advance(Duration.ofHours(1));
    assertThat(outbox.runOnce()).isZero();
    OutboxMessage m = outbox.findByKey("k1").orElseThrow();
    assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(m.lastError()).contains("bad address");
    assertThat(channel.attempts).hasSize(1);
  }

  @Test
  void afterTheMaximumAttemptsAMessageIsDeadLetteredWithTheLastError() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(RETRYABLE, RETRYABLE, RETRYABLE, FAIL_UNKNOWN, ACCEPT);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("k1"));
    for (int i = 0; i < 10; i++) {
      outbox.runOnce();
      clock.advance(Duration.ofMinutes(1));
    }
    OutboxMessage m = outbox.findByKey("k1").orElseThrow();
    assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(m.attempts()).isEqualTo(4);
    assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).contains("4 attempts").contains("500"));
    assertThat(channel.accepted).isEmpty();
  }

  @Test
  void afterAnUnknownOutcomeTheChannelIsAskedBeforeSendingAgain() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(ACCEPT_BUT_LOSE_RESPONSE, FAIL_UNKNOWN);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("lost"));
    outbox.enqueue(sms("failed"));
    outbox.runOnce();
    clock.advance(Duration.ofMinutes(1));
    outbox.runOnce();
    assertThat(channel.accepted).containsOnly(Map.entry("lost", 1), Map.entry("failed", 1));
    assertThat(channel.lookups).isEqualTo(2);
    assertThat(outbox.findByKey("lost").orElseThrow().providerId()).contains("p-lost");
    assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, 2L);
  }

  @Test
  void aKilledWorkersMessagesAreClaimedAgainWhenItsLeaseRunsOutAndNotSentTwice() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(ACCEPT, CRASH_AFTER_ACCEPT);
    Outbox doomed = outbox(channel).instanceId("doomed").build();
    Outbox survivor = outbox(channel).instanceId("survivor").build();
    for (int i = 0; i < 4; i++) {
      doomed.enqueue(sms("k" + i));
    }
    assertThatThrownBy(doomed::runOnce).isInstanceOf(ScriptedChannel.WorkerKilled.class);
    assertThat(outbox(channel).build().counts()).containsEntry(OutboxStatus.SENT, 1L).containsEntry(OutboxStatus.SENDING, 3L);
    assertThat(survivor.runOnce()).as("leased messages are not claimed").isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(survivor.runOnce()).isEqualTo(3);
    assertThat(channel.accepted).containsOnly(Map.entry("k0", 1), Map.entry("k1", 1), Map.entry("k2", 1),
        Map.entry("k3", 1));
    assertThat(survivor.counts()).containsEntry(OutboxStatus.SENT, 4L);
  }

  @Test
  void theRateLimitBucketIsSharedByEveryInstanceAndRefillsSteadily() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox one = outbox(channel).rateLimit("a", RateLimit.perMinute(3)).batchSize(5).build();
    Outbox two = outbox(channel).rateLimit("a", RateLimit.perMinute(3)).batchSize(5).build();
    for (int i = 0; i < 10; i++) {
      one.enqueue(sms("k" + i));
    }
    one.runOnce();
    two.runOnce();
    assertThat(channel.accepted).as("a full bucket allows a burst of 3").hasSize(3);
    OutboxMessage waiting = java.util.stream.IntStream.range(0, 10).mapToObj(i -> one.findByKey("k" + i).orElseThrow())
        .filter(m -> m.status() == OutboxStatus.QUEUED).findFirst().orElseThrow();
    assertThat(waiting.attempts()).as("waiting for the rate limit uses no attempt").isZero();
    assertThat(waiting.nextAttemptAt()).as("one token every 20 seconds").isEqualTo(Instant.parse("2026-03-02T10:00:20Z"));
    clock.advance(Duration.ofSeconds(20));
    one.runOnce();
    two.runOnce();
    assertThat(channel.accepted).hasSize(4);
    clock.advance(Duration.ofSeconds(40));
    one.runOnce();
    two.runOnce();
    assertThat(channel.accepted).hasSize(6);
    clock.advance(Duration.ofHours(1));
    one.runOnce();
    two.runOnce();
    assertThat(channel.accepted).as("the bucket holds no more than the burst").hasSize(9);
  }

  @Test
  void notifysLimitIsABucketOf1001RefilledAt50ASecond() {
    RateLimit notify = RateLimit.govUkNotify();
    assertThat(notify.burst()).isEqualTo(1001);
    assertThat(notify.limit()).isEqualTo(3000);
    assertThat(notify.per()).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> RateLimit.perMinute(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> RateLimit.perMinute(5).withBurst(0)).hasMessageContaining("was 0");
  }

  @Test
  void theDailyLimitHoldsUntilMidnightInTheOutboxZone() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).rateLimit("a", RateLimit.perMinute(100).andPerDay(2)).build();
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(sms("k" + i));
    }
    outbox.runOnce();
    assertThat(channel.accepted).hasSize(2);
    clock.advance(Duration.ofHours(1));
    outbox.runOnce();
    assertThat(channel.accepted).hasSize(2);
    clock.advance(Duration.ofHours(13)); // past midnight in London (UTC in March)
    outbox.runOnce();
    assertThat(channel.accepted).hasSize(3);
  }

  @Test
  void aMessageThatFailsForGoodFallsBackToTheNextKindOfRecipient() {
    ScriptedChannel smsChannel = new ScriptedChannel("sms", r -> r instanceof Recipient.Sms, true).then(PERMANENT);
    ScriptedChannel emailChannel = new ScriptedChannel("email", r -> r instanceof Recipient.Email, true);
    Outbox outbox = outbox(smsChannel, emailChannel)
        .fallback(RecipientKind.SMS, RecipientKind.EMAIL, RecipientKind.LETTER).build();
    outbox.enqueue(sms("k1"), List.of(new Recipient.Letter(List.of("1 High St", "Anytown", "AB1 2CD")),
        new Recipient.Email("sam@example.org")));
    outbox.runOnce();
    outbox.runOnce();
    assertThat(emailChannel.attempts).hasSize(1);
    assertThat(emailChannel.attempts.get(0).message()).isInstanceOf(RenderedMessage.Email.class);
    OutboxMessage m = outbox.findByKey("k1").orElseThrow();
    assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(m.recipient()).isEqualTo(new Recipient.Email("sam@example.org"));
    assertThat(m.channel()).contains("email");
  }

  @Test
  void withoutFallbackConfiguredAlternativesAreIgnored() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(PERMANENT);
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(sms("k1"), List.of(new Recipient.Email("sam@example.org")));
    outbox.runOnce();
    outbox.runOnce();
    assertThat(outbox.findByKey("k1").orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(channel.attempts).hasSize(1);
  }

  @Test
  void aTemplateThatCannotBeRenderedFailsWithoutASend() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    outbox.enqueue(new NotificationRequest("broken", new Recipient.Sms("07700900123"), Map.of(), "k1", Locale.UK));
    outbox.runOnce();
    OutboxMessage m = outbox.findByKey("k1").orElseThrow();
    assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).contains("missing personalisation: name"));
    assertThat(channel.attempts).isEmpty();
  }

  @Test
  void aMessageNoChannelCanSendIsDeadLettered() {
    ScriptedChannel emailOnly = new ScriptedChannel("email", r -> r instanceof Recipient.Email, true);
    Outbox outbox = outbox(emailOnly).build();
    outbox.enqueue(sms("k1"));
    outbox.runOnce();
    assertThat(outbox.findByKey("k1").orElseThrow().lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("no channel"));
  }

  @Test
  void workersDeliverEverythingQueued() throws Exception {
    ScriptedChannel channel = ScriptedChannel.any("a");
    java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(50);
    Outbox outbox = outbox(channel).pollInterval(Duration.ofMillis(10)).listener(change -> {
      if (change.to() == OutboxStatus.SENT) {
        sent.countDown();
      }
    }).build();
    for (int i = 0; i < 50; i++) {
      outbox.enqueue(sms("k" + i));
    }
    try (Outbox.Workers workers = outbox.startWorkers(3)) {
      assertThat(sent.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(channel.accepted).hasSize(50).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  /** A channel whose sends wait until {@code together} of them are in flight at once (or 10 s pass). */
  static final class TogetherChannel implements io.civickit.notify.channel.NotificationChannel {
    final java.util.concurrent.CyclicBarrier barrier;
    final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    final Map<String, Integer> accepted = new java.util.concurrent.ConcurrentHashMap<>();

    TogetherChannel(int together) {
      barrier = new java.util.concurrent.CyclicBarrier(together);
    }

    @Override
    public String name() {
      return "a";
    }

    @Override
    public boolean supports(Recipient recipient) {
      return true;
    }

    @Override
    public io.civickit.notify.channel.SendResult send(OutgoingNotification n) {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
        accepted.merge(n.idempotencyKey(), 1, Integer::sum);
        return new io.civickit.notify.channel.SendResult.Accepted("p-" + n.idempotencyKey());
      } catch (Exception e) {
        return new io.civickit.notify.channel.SendResult.RetryableFailure("not sent together: " + e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void aWorkerSendsUpToSendsInFlightOfItsBatchAtOnceEachMessageOnce() throws Exception {
    TogetherChannel channel = new TogetherChannel(4);
    java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(12);
    Outbox outbox = Outbox.builder().dataSource(dataSource()).renderer(RENDERER).clock(clock).channel(channel)
        .batchSize(12).sendsInFlight(4).pollInterval(Duration.ofMillis(10)).listener(change -> {
          if (change.to() == OutboxStatus.SENT) {
            sent.countDown();
          }
        }).build();
    for (int i = 0; i < 12; i++) {
      outbox.enqueue(sms("k" + i));
    }
    try (Outbox.Workers workers = outbox.startWorkers(1)) {
      assertThat(sent.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("four sends at a time, three times").isTrue();
    }
    assertThat(channel.accepted).hasSize(12).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    assertThat(channel.most).as("never more than sendsInFlight at once").hasValue(4);
    assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, 12L).containsEntry(OutboxStatus.SENDING, 0L);
  }

  @Test
  void theRateLimitHoldsWhenWorkersSendSeveralMessagesAtOnce() throws Exception {
    ScriptedChannel channel = ScriptedChannel.any("a");
    java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(10);
    StatusListener listener = change -> {
      if (change.from().isPresent() && change.to() != OutboxStatus.SENDING) {
        settled.countDown();
      }
    };
    Outbox one = outbox(channel).rateLimit("a", RateLimit.perMinute(3)).batchSize(3).sendsInFlight(4)
        .pollInterval(Duration.ofMillis(10)).instanceId("one").listener(listener).build();
    Outbox two = outbox(channel).rateLimit("a", RateLimit.perMinute(3)).batchSize(3).sendsInFlight(4)
        .pollInterval(Duration.ofMillis(10)).instanceId("two").listener(listener).build();
    for (int i = 0; i < 10; i++) {
      one.enqueue(sms("k" + i));
    }
    try (Outbox.Workers a = one.startWorkers(2); Outbox.Workers b = two.startWorkers(2)) {
      assertThat(settled.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(channel.accepted).as("a full bucket allows a burst of 3, however many sends are in flight").hasSize(3);
    assertThat(one.counts()).containsEntry(OutboxStatus.SENT, 3L).containsEntry(OutboxStatus.QUEUED, 7L);
  }

  @Test
  void theBuilderSaysWhatIsMissing() {
    assertThatThrownBy(() -> Outbox.builder().renderer(RENDERER).channel(ScriptedChannel.any("a")).build())
        .hasMessageContaining("data source");
    assertThatThrownBy(() -> Outbox.builder().dataSource(dataSource()).channel(ScriptedChannel.any("a")).build())
        .hasMessageContaining("renderer");
    assertThatThrownBy(() -> Outbox.builder().dataSource(dataSource()).renderer(RENDERER).build())
        .hasMessageContaining("channel");
    assertThatThrownBy(() -> outbox(ScriptedChannel.any("a")).rateLimit("b", RateLimit.perMinute(1)).build())
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> Outbox.builder().maxAttempts(0)).hasMessageContaining("was 0");
  }
  @Test
  void withAKeyRingTheQueuedRowHoldsNoPersonalDataInTheClearAndIsStillSent() throws SQLException {
    ScriptedChannel channel = ScriptedChannel.any("a");
    io.civickit.core.progress.KeyRing keys = io.civickit.core.progress.KeyRing.generate("k1");
    Outbox outbox = outbox(channel).keyRing(keys).build();
    NotificationId id = outbox.enqueue(sms("sealed-1"));
    String recipients;
    String personalisation;
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT recipients, personalisation FROM civickit_outbox")) {
      assertThat(rs.next()).isTrue();
      recipients = rs.getString(1);
      personalisation = rs.getString(2);
    }
    assertThat(recipients).startsWith("sealed:").doesNotContain("07700").doesNotContain("900123");
    assertThat(personalisation).startsWith("sealed:").doesNotContain("Sam");
    assertThat(outbox.find(id).orElseThrow().recipient()).isEqualTo(new Recipient.Sms("07700 900123"));

    assertThatThrownBy(() -> outbox(channel).build().find(id))
        .isInstanceOf(CivicKitException.class).hasMessageContaining("keyRing");

    outbox.runOnce();
    assertThat(channel.attempts.get(0).message()).isEqualTo(new RenderedMessage.Sms("Hello Sam"));
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aKeyRotationReSealsQueuedMessagesOnceAndTheyAreStillSentWithTheOldKeyRetired() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    new java.security.SecureRandom().nextBytes(k1);
    new java.security.SecureRandom().nextBytes(k2);
    io.civickit.core.progress.KeyRing old = io.civickit.core.progress.KeyRing.of("k1", Map.of("k1", k1));
    io.civickit.core.progress.KeyRing rotated = io.civickit.core.progress.KeyRing.of("k2", Map.of("k2", k2, "k1", k1));
    io.civickit.core.progress.KeyRing newOnly = io.civickit.core.progress.KeyRing.of("k2", Map.of("k2", k2));
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox before = outbox(channel).keyRing(old).build();
    for (int i = 0; i < 5; i++) {
      before.enqueue(sms("rotate-" + i));
    }
    outbox(channel).keyRing(rotated).build().enqueue(sms("rotate-new")); // already under k2: left alone
    outbox(channel).build().enqueue(sms("rotate-clear")); // written without a ring: left in clear

    io.civickit.core.progress.KeyRotation.Report first = OutboxKeyRotation.rotate(dataSource(), rotated, 2);
    assertThat(first).isEqualTo(new io.civickit.core.progress.KeyRotation.Report("civickit_outbox", true, 7, 5, 0));
    assertThat(OutboxKeyRotation.rotate(dataSource(), rotated, 2).rewritten()).as("nothing left to do").isZero();
    assertThat(OutboxKeyRotation.rotate(dataSource(), io.civickit.core.progress.KeyRing.generate("k9"), 3).unreadable()).isEqualTo(6);

    Outbox after = outbox(channel).keyRing(newOnly).build();
    after.runOnce();
    assertThat(channel.accepted).containsOnlyKeys("rotate-0", "rotate-1", "rotate-2", "rotate-3", "rotate-4",
        "rotate-new", "rotate-clear");
    assertThat(channel.attempts).allSatisfy(a -> assertThat(a.message()).isEqualTo(new RenderedMessage.Sms("Hello Sam")));
  }

  @Test
  void aChannelThatThrowsIsLoggedByClassNeverByItsMessage() {
    io.civickit.notify.channel.NotificationChannel leaky = new io.civickit.notify.channel.NotificationChannel() {
      @Override
      public String name() {
        return "leaky";
      }

      @Override
      public boolean supports(Recipient recipient) {
        return true;
      }

      @Override
      public io.civickit.notify.channel.SendResult send(io.civickit.notify.channel.OutgoingNotification n) {
        throw new IllegalStateException("could not send to 07700 900123 for Sam: " + n.recipient());
      }
    };
    Outbox outbox = Outbox.builder().dataSource(dataSource()).renderer(RENDERER).clock(clock).channel(leaky)
        .maxAttempts(4).build();
    outbox.enqueue(sms("leaky-1"));
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      outbox.runOnce();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).contains("channel leaky threw IllegalStateException at").contains("leaky-1")
        .doesNotContain("07700").doesNotContain("900123").doesNotContain("Sam");
    assertThat(outbox.findByKey("leaky-1").orElseThrow().lastError().orElse("")).doesNotContain("900123");
  }

  @Test
  void aSealedRowCopiedOntoAnotherMessageDoesNotDecrypt() throws SQLException {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).keyRing(io.civickit.core.progress.KeyRing.generate("k1")).build();
    NotificationId first = outbox.enqueue(sms("sealed-a"));
    NotificationId second = outbox.enqueue(sms("sealed-b"));
    try (Connection c = dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_outbox SET recipients = (SELECT recipients FROM civickit_outbox WHERE id = ?) WHERE id = ?")) {
      ps.setString(1, first.value());
      ps.setString(2, second.value());
      ps.executeUpdate();
    }
    assertThat(outbox.find(first)).isPresent();
    assertThatThrownBy(() -> outbox.find(second)).isInstanceOf(CivicKitException.class);
  }
  // ------------------------------------------------------------ batches: outcomes written together

  private static OutboxStatus status(Outbox outbox, String key) {
    return outbox.findByKey(key).orElseThrow().status();
  }

  @Test
  void aBatchsOutcomesAreWrittenTogetherInOneTransactionWhenTheBatchEnds() {
    ScriptedChannel channel = ScriptedChannel.any("a").then(ACCEPT, RETRYABLE, PERMANENT, ACCEPT);
    Outbox outbox = outbox(channel).build();
    for (int i = 0; i < 4; i++) {
      outbox.enqueue(sms("k" + i));
    }
    List<List<OutboxStatus>> seenDuringLastSend = new ArrayList<>();
    channel.beforeSend = n -> {
      if (n.idempotencyKey().equals("k3")) {
        seenDuringLastSend.add(List.of(status(outbox, "k0"), status(outbox, "k1"), status(outbox, "k2")));
      }
    };
    changes.clear();
    assertThat(outbox.runOnce()).isEqualTo(4);
    assertThat(seenDuringLastSend).as("nothing is written while the batch is being sent")
        .containsExactly(List.of(OutboxStatus.SENDING, OutboxStatus.SENDING, OutboxStatus.SENDING));
    assertThat(List.of(status(outbox, "k0"), status(outbox, "k1"), status(outbox, "k2"), status(outbox, "k3")))
        .containsExactly(OutboxStatus.SENT, OutboxStatus.QUEUED, OutboxStatus.FAILED, OutboxStatus.SENT);
    assertThat(outbox.findByKey("k1").orElseThrow().lastError()).contains("busy");
    assertThat(outbox.findByKey("k2").orElseThrow().lastError()).contains("bad address");
    assertThat(outbox.findByKey("k3").orElseThrow().providerId()).contains("p-k3");
    assertThat(changes).extracting(StatusChange::to).as("each change is reported once it is stored")
        .containsExactly(OutboxStatus.SENDING, OutboxStatus.SENDING, OutboxStatus.SENDING, OutboxStatus.SENDING,
            OutboxStatus.SENT, OutboxStatus.QUEUED, OutboxStatus.FAILED, OutboxStatus.SENT);
  }

  @Test
  void messagesDueTogetherAreSentInTheOrderQueuedEvenAfterARowWasRewritten() throws SQLException {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    for (int i = 0; i < 4; i++) {
      outbox.enqueue(sms("k" + i));
    }
    // Rewriting a row moves it within the table (a new row version), as deletes and updates by
    // other messages do all the time; the queue order must not follow the row's place.
    try (Connection c = dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_outbox SET updated_ms = updated_ms + 1 WHERE idempotency_key IN ('k0', 'k1')")) {
      assertThat(ps.executeUpdate()).isEqualTo(2);
    }
    outbox.runOnce();
    assertThat(channel.attempts).extracting(OutgoingNotification::idempotencyKey)
        .containsExactly("k0", "k1", "k2", "k3");
  }

  @Test
  void aLongBatchWritesWhatItHasSentAtLeastEverySecond() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    for (int i = 0; i < 4; i++) {
      outbox.enqueue(sms("k" + i));
    }
    List<List<OutboxStatus>> seen = new ArrayList<>();
    channel.beforeSend = n -> {
      if (n.idempotencyKey().equals("k3")) {
        seen.add(List.of(status(outbox, "k0"), status(outbox, "k1"), status(outbox, "k2")));
      }
      clock.advance(Duration.ofMillis(600)); // a slow provider
    };
    outbox.runOnce();
    assertThat(seen).containsExactly(List.of(OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SENDING));
    assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, 4L);
  }

  @Test
  void aMessageWhoseLeaseWasLostMidBatchIsLeftToItsNewOwnerAndTheRestIsWritten() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    Outbox outbox = outbox(channel).build();
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(sms("k" + i));
    }
    channel.beforeSend = n -> {
      if (n.idempotencyKey().equals("k2")) {
        try (Connection c = dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
            "UPDATE civickit_outbox SET lease_owner = 'another-worker' WHERE idempotency_key = 'k0'")) {
          ps.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    changes.clear();
    outbox.runOnce();
    assertThat(status(outbox, "k0")).isEqualTo(OutboxStatus.SENDING);
    assertThat(status(outbox, "k1")).isEqualTo(OutboxStatus.SENT);
    assertThat(status(outbox, "k2")).isEqualTo(OutboxStatus.SENT);
    assertThat(changes).filteredOn(c -> c.to() == OutboxStatus.SENT).extracting(StatusChange::idempotencyKey)
        .containsExactly("k1", "k2");
  }

  @Test
  void aWorkerThatDiesMidBatchBeforeWritingLosesNothingAndTheChannelIsAskedBeforeAnythingIsSentAgain() {
    ScriptedChannel channel = ScriptedChannel.any("a");
    SeveringDataSource doomedDatabase = new SeveringDataSource(dataSource());
    Outbox doomed = outbox(channel).dataSource(doomedDatabase).instanceId("doomed").build();
    Outbox survivor = outbox(channel).instanceId("survivor").build();
    for (int i = 0; i < 4; i++) {
      doomed.enqueue(sms("k" + i));
    }
    channel.beforeSend = n -> {
      if (n.idempotencyKey().equals("k2")) {
        doomedDatabase.sever(); // the process dies from here on: nothing more reaches the database
      }
    };
    assertThatThrownBy(doomed::runOnce).isInstanceOf(CivicKitException.class);
    channel.beforeSend = n -> { };
    assertThat(channel.accepted).as("the whole batch went out").hasSize(4);
    assertThat(survivor.counts()).as("but none of its outcomes was written").containsEntry(OutboxStatus.SENDING, 4L);
    assertThat(survivor.runOnce()).as("leased messages are not claimed").isZero();

    clock.advance(Duration.ofMinutes(2));
    assertThat(survivor.runOnce()).isEqualTo(4);
    assertThat(channel.lookups).isEqualTo(4);
    assertThat(channel.accepted).as("nothing sent twice").containsOnly(Map.entry("k0", 1), Map.entry("k1", 1),
        Map.entry("k2", 1), Map.entry("k3", 1));
    assertThat(survivor.counts()).containsEntry(OutboxStatus.SENT, 4L).containsEntry(OutboxStatus.SENDING, 0L);
    assertThat(survivor.findByKey("k1").orElseThrow().providerId()).contains("p-k1");
  }

  @Test
  void withoutALookUpTheMessagesOfABatchWhoseOutcomesWereLostAreSentAgainWithTheSameKey() {
    ScriptedChannel channel = new ScriptedChannel("webhook", r -> true, false);
    SeveringDataSource doomedDatabase = new SeveringDataSource(dataSource());
    Outbox doomed = outbox(channel).dataSource(doomedDatabase).instanceId("doomed").build();
    Outbox survivor = outbox(channel).instanceId("survivor").build();
    doomed.enqueue(sms("k0"));
    doomed.enqueue(sms("k1"));
    channel.beforeSend = n -> {
      if (n.idempotencyKey().equals("k1")) {
        doomedDatabase.sever();
      }
    };
    assertThatThrownBy(doomed::runOnce).isInstanceOf(CivicKitException.class);
    channel.beforeSend = n -> { };
    clock.advance(Duration.ofMinutes(2));
    assertThat(survivor.runOnce()).isEqualTo(2);
    assertThat(channel.attempts).extracting(io.civickit.notify.channel.OutgoingNotification::idempotencyKey)
        .as("the receiver deduplicates on the key, which is the same on every attempt")
        .containsExactly("k0", "k1", "k0", "k1");
    assertThat(survivor.counts()).containsEntry(OutboxStatus.SENT, 2L);
  }

  @Test
  void workersOnTwoInstancesDeliverEveryMessageOnceAndReportOnTheirOwnThreads() throws Exception {
    ScriptedChannel channel = ScriptedChannel.any("a");
    int messages = 120;
    java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(messages);
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    StatusListener listener = change -> {
      threads.add(Thread.currentThread().getName());
      if (change.to() == OutboxStatus.SENT) {
        sent.countDown();
      }
    };
    Outbox one = outbox(channel).batchSize(7).pollInterval(Duration.ofMillis(10)).instanceId("one").listener(listener)
        .build();
    Outbox two = outbox(channel).batchSize(7).pollInterval(Duration.ofMillis(10)).instanceId("two").listener(listener)
        .build();
    for (int i = 0; i < messages; i++) {
      one.enqueue(sms("k" + i));
    }
    try (Outbox.Workers a = one.startWorkers(3); Outbox.Workers b = two.startWorkers(2)) {
      assertThat(sent.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(channel.accepted).hasSize(messages).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    assertThat(one.counts()).containsEntry(OutboxStatus.SENT, (long) messages).containsEntry(OutboxStatus.SENDING, 0L)
        .containsEntry(OutboxStatus.QUEUED, 0L);
    assertThat(threads).as("listeners hear changes on the worker threads")
        .allSatisfy(t -> assertThat(t).matches("main|civickit-outbox-(one|two)-[0-9]+"));
  }

  static final String POSTCODE_AND_NAME = "SW1A 1AA Jo Bloggs";

  /**
   * A row the database refuses, with a driver message that quotes personal data (PostgreSQL
   * quotes the whole failing row for a check constraint, H2 a value too long for its column),
   * reaches the host as a {@link StorageUnavailableException} that holds none of it, nor does the log.
   */
  @Test
  void aRefusedRowsPersonalDataReachesNeitherTheExceptionNorTheLog() throws SQLException {
    boolean postgres;
    try (Connection c = dataSource().getConnection()) {
      postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
    Recipient.Letter jo = new Recipient.Letter(List.of("Jo Bloggs", "1 Horse Guards Road", "London SW1A 1AA"));
    String template = postgres ? "passcode" : "passcode-" + (POSTCODE_AND_NAME + " ").repeat(15);
    Locale language = postgres ? Locale.forLanguageTag("cy") : Locale.UK;
    if (postgres) {
      Leaks.execute(dataSource(), "ALTER TABLE civickit_outbox ADD CONSTRAINT ck_test_no_welsh CHECK (language <> 'cy')");
    }
    try {
      Outbox outbox = outbox(ScriptedChannel.any("post")).build();
      NotificationRequest refused = new NotificationRequest(template, jo, Map.of("name", "Jo"), "refused-1", language);

      Leaks.Run run = Leaks.capturingStderr(() -> outbox.enqueue(refused));

      assertThat(run.thrown()).isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
        assertThat(e.store()).isEqualTo("civickit_outbox");
        assertThat(e.operation()).isEqualTo("queue notification refused-1");
        assertThat(e.sqlState()).contains(postgres ? "23514" : "22001");
        assertThat(Leaks.printed(e)).doesNotContain("Jo Bloggs").doesNotContain("SW1A");
      });
      assertThat(run.stderr()).doesNotContain("Jo Bloggs").doesNotContain("SW1A");
      // The same row inserted directly: the driver does quote it, so the checks above can fail.
      assertThat(Leaks.driverMessage(dataSource(), "INSERT INTO civickit_outbox (id, idempotency_key, template_id,"
          + " language, recipients, recipient_index, personalisation, status, attempts, next_attempt_ms,"
          + " outcome_unknown, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, 0, '{}', 'QUEUED', 0, 0, FALSE, 0, 0)",
          "direct-1", "direct-1", template, language.toLanguageTag(), "[\"" + POSTCODE_AND_NAME + "\"]"))
          .contains(POSTCODE_AND_NAME);
    } finally {
      if (postgres) {
        Leaks.execute(dataSource(), "ALTER TABLE civickit_outbox DROP CONSTRAINT ck_test_no_welsh");
      }
    }
  }
}
