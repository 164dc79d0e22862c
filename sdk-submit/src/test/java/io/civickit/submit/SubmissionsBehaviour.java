package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.progress.KeyRing;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.outbox.Backoff;
import io.civickit.testsupport.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store and delivery queue, run against H2 and PostgreSQL. */
abstract class SubmissionsBehaviour {
  static final KeyRing KEYS = KeyRing.generate("k1");

  abstract DataSource dataSource();

  final TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
  final Journeys journeys = Fixtures.journeys(clock);
  ScriptedDestination crm;
  ScriptedDestination inbox;

  @BeforeEach
  void emptyTables() throws Exception {
    SubmissionSchema.install(dataSource());
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM civickit_submission_delivery");
      s.execute("DELETE FROM civickit_submission");
    }
    crm = new ScriptedDestination("crm", true);
    inbox = new ScriptedDestination("inbox", false);
  }

  Submissions.Builder builder(String instance) {
    return Submissions.builder().dataSource(dataSource()).keyRing(KEYS).councilName("Bryncoed County Council")
        .destination("garden-waste", crm).destination("garden-waste", inbox).clock(clock)
        .random(new SplittableRandom(7)).instanceId(instance).lease(Duration.ofMinutes(2))
        .backoff(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1))).maxAttempts(3);
  }

  Journey completed() {
    return Fixtures.complete(journeys, "Mind the dog");
  }

  @Test
  void submittingAJourneyTwiceStoresOneDocumentAndQueuesEachDestinationOnce() {
    Submissions a = builder("a").build();
    Submissions b = builder("b").build();
    Journey j = completed();
    Submission first = a.submit(j, Fixtures.FORM);
    Submission again = b.submit(j, Fixtures.FORM);
    assertThat(again).isEqualTo(first);
    assertThat(a.find(first.id())).contains(first);
    assertThat(a.deliveries(first.id())).extracting(DeliveryState::destination, DeliveryState::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("crm", DeliveryStatus.QUEUED),
            org.assertj.core.groups.Tuple.tuple("inbox", DeliveryStatus.QUEUED));
  }

  @Test
  void documentsAreEncryptedAtRest() throws Exception {
    Submission s = builder("a").build().submit(completed(), Fixtures.FORM);
    try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT document FROM civickit_submission")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("sealed:").doesNotContain("sam@example.com").doesNotContain(s.reference());
    }
  }

  @Test
  void workerDeliversToEveryDestinationOnceAndRecordsTheReceipt() {
    Submissions a = builder("a").build();
    Submission s = a.submit(completed(), Fixtures.FORM);
    assertThat(a.runOnce()).isEqualTo(2);
    assertThat(a.runOnce()).isZero();
    assertThat(crm.timesReceived(s.id())).isEqualTo(1);
    assertThat(inbox.timesReceived(s.id())).isEqualTo(1);
    assertThat(a.deliveries(s.id())).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(d.receipt()).contains("held-" + s.id());
    });
    assertThat(a.counts()).containsEntry(DeliveryStatus.DELIVERED, 2L).containsEntry(DeliveryStatus.QUEUED, 0L);
  }

  @Test
  void aFailingDestinationIsRetriedWithBackoffThenDeadLetteredAndSentAgainOnRequest() {
    Submissions a = builder("a").build();
    inbox.then(new SendResult.RetryableFailure("mail server busy"), new SendResult.UnknownOutcome("timed out"),
        new SendResult.RetryableFailure("mail server busy"));
    Submission s = a.submit(completed(), Fixtures.FORM);
    a.runOnce();
    DeliveryState first = state(a, s, "inbox");
    assertThat(first.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(2));
    assertThat(a.runOnce()).as("nothing is due before the backoff").isLessThanOrEqualTo(1);
    clock.advance(Duration.ofMinutes(2));
    a.runOnce();
    clock.advance(Duration.ofMinutes(2));
    a.runOnce();
    DeliveryState dead = state(a, s, "inbox");
    assertThat(dead.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e).contains("after 3 attempts"));
    assertThat(a.deadLetters()).extracting(DeliveryState::submissionId, DeliveryState::destination)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(s.id(), "inbox"));
    assertThat(a.counts()).containsEntry(DeliveryStatus.FAILED, 1L);
    assertThat(inbox.timesReceived(s.id())).isZero();

    assertThat(a.sendAgain(s.id(), "crm")).as("a delivered one is not sent again").isFalse();
    assertThat(a.sendAgain(s.id(), "inbox")).isTrue();
    a.runOnce();
    assertThat(state(a, s, "inbox").status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(a.deadLetters()).isEmpty();
    assertThat(inbox.timesReceived(s.id())).isEqualTo(1);
  }

  @Test
  void aPermanentFailureIsDeadLetteredAtOnce() {
    Submissions a = builder("a").build();
    crm.then(new SendResult.PermanentFailure("case system answered 400"));
    Submission s = a.submit(completed(), Fixtures.FORM);
    a.runOnce();
    assertThat(state(a, s, "crm").status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(state(a, s, "crm").lastError()).contains("case system answered 400");
    assertThat(state(a, s, "inbox").status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aDestinationThatThrowsIsRetriedAndTheWorkerCarriesOn() {
    Submissions a = builder("a").build();
    Destination broken = new Destination() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public SendResult deliver(Delivery delivery) {
        throw new IllegalStateException("a bug in a supplier's adapter");
      }
    };
    Submissions withBroken = builder("b").destination("garden-waste", broken).build();
    Submission s = withBroken.submit(completed(), Fixtures.FORM);
    assertThat(withBroken.runOnce()).isEqualTo(3);
    assertThat(state(a, s, "broken").status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(state(a, s, "broken").lastError()).hasValueSatisfying(e -> assertThat(e).contains("IllegalStateException"));
    assertThat(state(a, s, "crm").status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aWorkerThatDiesMidBatchLeavesItsDeliveriesToAnotherOnceTheLeaseRunsOut() {
    Submissions dying = builder("dying").batchSize(20).build();
    Submissions other = builder("other").build();
    List<Submission> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(dying.submit(completed(), Fixtures.FORM));
    }
    // The worker dies right after the second submission reaches the inbox, before it records it.
    String fatal = all.get(1).id();
    inbox.crashAfter = d -> d.idempotencyKey().equals(fatal);
    assertThatThrownBy(dying::runOnce).isInstanceOf(ScriptedDestination.CrashError.class);
    inbox.crashAfter = d -> false;
    assertThat(other.counts().get(DeliveryStatus.SENDING)).isPositive();
    assertThat(other.runOnce()).as("leased deliveries are not taken while the lease holds").isZero();

    clock.advance(Duration.ofMinutes(2).plusSeconds(1));
    while (other.runOnce() > 0) {
      // drain
    }
    assertThat(other.counts()).containsEntry(DeliveryStatus.DELIVERED, 8L);
    for (Submission s : all) {
      assertThat(crm.timesReceived(s.id())).as("crm looks before sending again").isEqualTo(1);
      // The inbox cannot look: the one it held when the worker died arrives again, same key.
      assertThat(inbox.timesReceived(s.id())).isEqualTo(s.id().equals(fatal) ? 2 : 1);
    }
    assertThat(inbox.received.stream().distinct().count()).isEqualTo(4);
  }

  @Test
  void workersOnTwoInstancesShareTheQueueAndDeliverEachSubmissionOnce() throws Exception {
    Submissions a = builder("a").batchSize(3).build();
    Submissions b = builder("b").batchSize(3).build();
    List<Submission> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add((i % 2 == 0 ? a : b).submit(completed(), Fixtures.FORM));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Submissions instance : List.of(a, b, a, b)) {
        running.add(pool.submit(() -> {
          while (instance.runOnce() > 0) {
            // drain
          }
        }));
      }
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (Submission s : all) {
      assertThat(crm.timesReceived(s.id())).isEqualTo(1);
      assertThat(inbox.timesReceived(s.id())).isEqualTo(1);
    }
    assertThat(a.countsByDestination()).containsEntry("crm", Map.of(DeliveryStatus.QUEUED, 0L,
        DeliveryStatus.SENDING, 0L, DeliveryStatus.DELIVERED, 12L, DeliveryStatus.FAILED, 0L));
  }

  @Test
  void aCsvBatchHoldsAPeriodsSubmissionsOfOneFormVersion() {
    Submissions a = builder("a").build();
    Submission early = a.submit(completed(), Fixtures.FORM);
    clock.advance(Duration.ofDays(1));
    Submission next = a.submit(completed(), Fixtures.FORM);
    String day = a.csvBatch("garden-waste", 3, Instant.parse("2026-03-02T00:00:00Z"),
        Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(day).contains(next.id()).doesNotContain(early.id());
    assertThat(day.split("\r\n")).hasSize(2);
    String week = a.csvBatch("garden-waste", 3, Instant.parse("2026-02-23T00:00:00Z"),
        Instant.parse("2026-03-09T00:00:00Z"));
    assertThat(week.split("\r\n")).hasSize(3);
    assertThat(a.csvBatch("garden-waste", 2, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")).split("\r\n"))
        .hasSize(1);
  }

  @Test
  void theBuilderSaysWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> Submissions.builder().dataSource(dataSource()).councilName("X").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyRing");
    assertThatThrownBy(() -> builder("a").destination("garden-waste", new ScriptedDestination("crm", false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'crm'");
    assertThatThrownBy(() -> builder("a").maxAttempts(0)).hasMessageContaining("but was 0");
  }

  static DeliveryState state(Submissions s, Submission sub, String destination) {
    return s.deliveries(sub.id()).stream().filter(d -> d.destination().equals(destination)).findFirst().orElseThrow();
  }

  @Test
  void theRetentionPurgeDeletesOldDeliveredSubmissionsAndKeepsUndeliveredOnes() {
    Submissions a = builder("a").build();
    crm.then(new SendResult.PermanentFailure("case system answered 400"));
    Submission deadLettered = a.submit(completed(), Fixtures.FORM);
    Submission delivered = a.submit(Fixtures.complete(journeys, "By the gate"), Fixtures.FORM);
    a.runOnce();
    clock.advance(Duration.ofDays(10));
    Submission recent = a.submit(Fixtures.complete(journeys, "Round the back"), Fixtures.FORM);
    a.runOnce();
    assertThat(state(a, deadLettered, "crm").status()).isEqualTo(DeliveryStatus.FAILED);

    assertThat(a.purgeDeliveredBefore(clock.instant().minus(Duration.ofDays(5)))).isEqualTo(1);

    assertThat(a.find(delivered.id())).as("old and delivered everywhere").isEmpty();
    assertThat(a.deliveries(delivered.id())).isEmpty();
    assertThat(a.find(deadLettered.id())).as("old but not delivered: kept").isPresent();
    assertThat(a.deliveries(deadLettered.id())).hasSize(2);
    assertThat(a.find(recent.id())).as("delivered but recent").isPresent();
    assertThat(a.purgeDeliveredBefore(clock.instant().minus(Duration.ofDays(5)))).as("nothing more to purge").isZero();
  }

  @Test
  void applicantCopiesAreOnlyOfferedWhenANotifierIsConfigured() {
    assertThat(builder("a").build().sendsApplicantCopies()).isFalse();
    assertThat(builder("a").applicantCopies(r -> new io.civickit.notify.NotificationId("n"), "copy").build()
        .sendsApplicantCopies()).isTrue();
  }

  @Test
  void anApplicantCopyGoesThroughTheNotifierOnceInTheirLanguage() {
    List<io.civickit.notify.NotificationRequest> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    Submissions a = builder("a").applicantCopies(r -> {
      sent.add(r);
      return new io.civickit.notify.NotificationId("n-" + sent.size());
    }, "copy-of-answers").build();
    Submission s = a.submit(completed(), Fixtures.FORM, SubmitOptions.builder()
        .language(java.util.Locale.forLanguageTag("cy")).build());
    a.sendCopyToApplicant(s.id(), "sam@example.com");
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.templateId()).isEqualTo("copy-of-answers");
      assertThat(r.recipient()).isEqualTo(new io.civickit.notify.Recipient.Email("sam@example.com"));
      assertThat(r.idempotencyKey()).isEqualTo("submission-copy:" + s.id());
      assertThat(r.language().getLanguage()).isEqualTo("cy");
      assertThat(r.personalisation()).containsEntry("reference", s.reference())
          .containsEntry("service", "Trwydded gwastraff gardd");
      assertThat(r.personalisation().get("answers"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).contains("Sawl bin sydd ei angen arnoch?: 2",
          "Pa ddiwrnod sy'n addas i chi?: Dydd Iau");
    });
    assertThatThrownBy(() -> builder("b").build().sendCopyToApplicant(s.id(), "sam@example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("applicantCopies");
  }

  @Test
  void submittingOneJourneyFromManyThreadsAtOnceStoresOneDocument() throws Exception {
    Submissions a = builder("a").build();
    Submissions b = builder("b").build();
    Journey j = completed();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Submission>> results = new ArrayList<>();
    try {
      for (Submissions instance : List.of(a, b, a, b)) {
        results.add(pool.submit(() -> instance.submit(j, Fixtures.FORM)));
      }
      Submission first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<Submission> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM civickit_submission_delivery")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void aWorkerHandsBackTheRestOfItsBatchOnceHalfItsLeaseHasGone() {
    Submissions a = builder("a").build();
    Submission s1 = a.submit(completed(), Fixtures.FORM);
    Submission s2 = a.submit(completed(), Fixtures.FORM);
    // Whichever delivery comes first takes more than half the lease.
    java.util.function.Predicate<Delivery> slow = d -> {
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      return false;
    };
    crm.crashAfter = slow;
    inbox.crashAfter = slow;
    assertThat(a.runOnce()).isEqualTo(4);
    assertThat(a.counts()).containsEntry(DeliveryStatus.DELIVERED, 1L).containsEntry(DeliveryStatus.QUEUED, 3L);
    assertThat(List.of(s1, s2)).flatExtracting(s -> a.deliveries(s.id()))
        .filteredOn(d -> d.status() == DeliveryStatus.QUEUED).allSatisfy(d -> assertThat(d.attempts()).isZero());
  }

  @Test
  void deliveryCountsAreMicrometerGaugesPerDestinationAndStatus() {
    Submissions a = builder("a").build();
    crm.then(new SendResult.PermanentFailure("refused"));
    a.submit(completed(), Fixtures.FORM);
    a.runOnce();
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    new io.civickit.submit.micrometer.SubmissionMeters(a, java.util.Set.of("crm", "inbox")).bindTo(registry);
    assertThat(registry.get(io.civickit.submit.micrometer.SubmissionMeters.GAUGE).tag("destination", "crm")
        .tag("status", "failed").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(io.civickit.submit.micrometer.SubmissionMeters.GAUGE).tag("destination", "inbox")
        .tag("status", "delivered").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void anInstanceWithoutTheDestinationHandsTheDeliveryBackForOneThatHasIt() {
    Submissions a = builder("a").build();
    Submissions bare = Submissions.builder().dataSource(dataSource()).keyRing(KEYS).councilName("Bryncoed")
        .clock(clock).instanceId("bare").build();
    Submission s = a.submit(completed(), Fixtures.FORM);
    assertThat(bare.runOnce()).isEqualTo(2);
    assertThat(a.deliveries(s.id())).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
      assertThat(d.attempts()).isZero();
    });
    assertThat(a.runOnce()).as("handed back for a minute").isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(a.runOnce()).isEqualTo(2);
    assertThat(a.counts()).containsEntry(DeliveryStatus.DELIVERED, 2L);
  }
}
