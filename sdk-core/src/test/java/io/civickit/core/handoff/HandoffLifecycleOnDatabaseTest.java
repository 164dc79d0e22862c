package io.civickit.core.handoff;

import static io.civickit.core.handoff.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.SubmitResult;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import io.civickit.testsupport.TestClock;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole handoff lifecycle on real databases: a person fails a page three times, is handed
 * to the call-back queue, an adviser picks it up, completes a page for them, hands it back, and
 * the person finishes online on another app instance.
 */
class HandoffLifecycleOnDatabaseTest {

  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  // Friday 27 November 2026, 6:30pm: web chat has closed for the day
  final TestClock clock = new TestClock(Instant.parse("2026-11-27T18:30:00Z"));
  final KeyRing keys = KeyRing.generate("k1");
  final EventLog log = new EventLog();

  Journeys engine(DataSource ds) {
    return Journeys.builder().definition(Fixtures.definition()).store(ProgressStore.jdbc(ds, keys))
        .tokens(ResumeTokenStore.jdbc(ds)).events(EventSink.all(EventSink.jdbc(ds), log)).clock(clock).build();
  }

  CallbackQueue callbacks(DataSource ds) {
    return CallbackQueue.builder(ds, keys).hours(OpeningHoursTest.contactCentre()).responseTime(Duration.ofHours(2))
        .clock(clock).build();
  }

  Handoffs handoffs(Journeys journeys, DataSource ds) {
    HandoffChannel chat = new HandoffChannel() {
      @Override
      public String name() {
        return "web-chat";
      }

      @Override
      public HandoffResult handOff(HandoffRequest request) {
        throw new AssertionError("web chat is closed and must not be called");
      }
    };
    HandoffRouter router = HandoffRouter.builder(clock)
        .channel(chat, HandoffRoutingTest.CHAT_HOURS)
        .channel(callbacks(ds).channel())
        .channel(HandoffChannels.phone("0300 123 4567", OpeningHoursTest.contactCentre(), clock))
        .defaultRoute("web-chat", "callback", "phone").build();
    return Handoffs.builder(journeys, router).store(HandoffStore.jdbc(ds))
        .continueOnlineLink(URI.create("https://apply.example.gov.uk/continue")).build();
  }

  @Test
  void handedOffPickedUpHandedBackAndCompletedOnlineOnPostgres() throws Exception {
    runLifecycle(PG.dataSource());
  }

  @Test
  void handedOffPickedUpHandedBackAndCompletedOnlineOnH2() throws Exception {
    runLifecycle(H2Database.inMemory().dataSource());
  }

  private void runLifecycle(DataSource ds) throws Exception {
    Schema.install(ds, "core", "handoff");
    Schema.install(ds, "core", "handoff"); // idempotent
    Journeys instanceA = engine(ds);
    Handoffs handoffsA = handoffs(instanceA, ds);
    Actor person = Actor.citizen();

    Journey j = instanceA.start("garden-waste");
    instanceA.submit(j.id(), "name", input("name", "Ada Lovelace"), person, Locale.UK);
    SubmitResult r = null;
    Optional<HandoffOutcome> outcome = Optional.empty();
    for (int attempt = 1; attempt <= 3; attempt++) {
      r = instanceA.submit(j.id(), "bank-account", input("bank-account", " "), person, Locale.UK);
      outcome = handoffsA.afterSubmit(r, Optional.of(ContactPreference.phone("01632 960001")));
      assertThat(outcome.isPresent()).isEqualTo(attempt == 3);
    }
    HandoffOutcome handed = outcome.orElseThrow();
    assertThat(handed.handoff().channel()).isEqualTo("callback");
    assertThat(handed.handoff().reason()).isEqualTo(HandoffReason.REPEATED_VALIDATION_FAILURES);
    // 2 hours of open time from Friday 6:30pm: Saturday 9am to 11am
    assertThat(handed.handoff().expectedBy()).contains(Instant.parse("2026-11-28T11:00:00Z"));
    assertThat(handed.whatHappensNext()).isEqualTo("An adviser will call you back on the number you gave at 11am on"
        + " Saturday 28 November. Have your reference " + j.reference().value() + " ready. Your answers are saved.");
    assertThat(instanceA.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.HANDED_OFF);
    assertThat(instanceA.find(j.id()).orElseThrow().failures()).doesNotContainKey("bank-account");
    // "Get help" again does not queue a second call
    assertThat(handoffsA.getHelp(j.id(), Optional.empty()).repeated()).isTrue();

    // Saturday morning, an adviser on another app instance takes the call.
    clock.set(Instant.parse("2026-11-28T09:05:00Z"));
    Journeys instanceB = engine(ds);
    Handoffs handoffsB = handoffs(instanceB, ds);
    CallbackQueue queue = callbacks(ds);
    Actor adviser = Actor.adviser("jsmith");
    CallbackQueue.CallbackRequest call = queue.claimNext(adviser).orElseThrow();
    assertThat(call.handoffId()).isEqualTo(handed.handoff().id());
    assertThat(call.phoneNumber()).isEqualTo("01632 960001");
    assertThat(call.context().answers()).containsEntry("name", "Ada Lovelace");
    assertThat(call.context().stuckStep()).isEqualTo("bank-account");
    assertThat(queue.claimNext(Actor.adviser("other"))).isEmpty();

    assertThat(handoffsB.accept(call.handoffId(), adviser)).isInstanceOf(HandoffTransition.Done.class);
    HandoffTransition second = handoffsB.accept(call.handoffId(), Actor.adviser("other"));
    assertThat(second).isInstanceOf(HandoffTransition.NotAllowed.class);
    assertThat(((HandoffTransition.NotAllowed) second).why()).isEqualTo("already picked up by another adviser");

    // Assisted digital: the adviser completes the bank details page with the person on the phone.
    SubmitResult onBehalf = handoffsB.submitOnBehalf(call.handoffId(), "bank-account", input("bank-account", "12345678"),
        adviser, Locale.UK);
    assertThat(onBehalf).isInstanceOf(SubmitResult.Moved.class);
    assertThat(onBehalf.journey().answer("bank-account").orElseThrow().suppliedBy()).isEqualTo(adviser);
    assertThat(onBehalf.journey().channel()).isEqualTo(Channel.ASSISTED_DIGITAL);
    SubmitResult notTheirs = handoffsB.submitOnBehalf(call.handoffId(), "notes", input("notes", "x"),
        Actor.adviser("other"), Locale.UK);
    assertThat(notTheirs).isInstanceOf(SubmitResult.NotAvailable.class);

    HandoffTransition back = handoffsB.handBack(call.handoffId(), adviser);
    HandoffTransition.Done done = (HandoffTransition.Done) back;
    assertThat(done.handoff().status()).isEqualTo(HandoffStatus.HANDED_BACK);
    assertThat(done.handoff().agentId()).contains("jsmith");
    URI link = done.continueOnlineLink().orElseThrow();
    assertThat(queue.complete(call.handoffId())).isTrue();

    // The person follows the "continue online" link on a third instance and finishes.
    clock.advance(Duration.ofMinutes(30));
    Journeys instanceC = engine(ds);
    Journeys.ResumeResult resumed = instanceC.resume(link.getQuery().substring("token=".length()));
    Journey back2 = ((Journeys.ResumeResult.Resumed) resumed).journey();
    assertThat(back2.currentStep()).isEqualTo("notes");
    assertThat(back2.values().keySet()).containsExactly("name", "bank-account");
    instanceC.submit(j.id(), "notes", input("notes", "none"), person, Locale.UK);
    SubmitResult finished = instanceC.submit(j.id(), "check", Map.of(), person, Locale.UK);
    assertThat(finished).isInstanceOf(SubmitResult.Completed.class);
    assertThat(((SubmitResult.Completed) finished).outcome()).isEqualTo(Outcome.SUCCESS);

    assertThat(HandoffStore.jdbc(ds).find(call.handoffId()).orElseThrow().status()).isEqualTo(HandoffStatus.HANDED_BACK);
    List<String> types = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_type, actor_kind, channel FROM civickit_journey_events WHERE journey_id = '"
            + j.id().value() + "' ORDER BY event_id")) {
      while (rs.next()) {
        types.add(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)));
      }
    }
    assertThat(types).containsExactly("started:CITIZEN", "step_completed:CITIZEN", "validation_failed",
        "validation_failed", "validation_failed", "handed_off", "handoff_accepted:ADVISER", "step_completed:ADVISER",
        "handed_back:ADVISER", "resumed", "step_completed:CITIZEN", "step_completed:CITIZEN", "completed:CITIZEN");
    JourneyEvent.Completed completed = log.events(JourneyEvent.Completed.class).get(0);
    assertThat(completed.subject().channel()).isEqualTo(Channel.ASSISTED_DIGITAL);
  }

  @Test
  void anAdviserCanCompleteTheTransactionOfflineAndItCountsAsATelephoneCompletion() {
    DataSource ds = PG.dataSource();
    Schema.install(ds, "core", "handoff");
    Journeys journeys = engine(ds);
    Handoffs handoffs = handoffs(journeys, ds);
    Journey j = journeys.start("garden-waste");
    HandoffOutcome out = handoffs.getHelp(j.id(), Optional.of(ContactPreference.phone("01632 960002")));
    Actor adviser = Actor.adviser("akhan");
    handoffs.accept(out.handoff().id(), adviser);
    HandoffTransition t = handoffs.completeOffline(out.handoff().id(), adviser, Channel.TELEPHONE, Outcome.INELIGIBLE);
    assertThat(((HandoffTransition.Done) t).handoff().status()).isEqualTo(HandoffStatus.RESOLVED);
    Journey after = journeys.find(j.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(JourneyStatus.COMPLETED);
    assertThat(after.channel()).isEqualTo(Channel.TELEPHONE);
    JourneyEvent.Completed c = log.events(JourneyEvent.Completed.class).get(0);
    assertThat(c.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(c.actor()).isEqualTo(adviser);
    assertThat(handoffs.resolve(out.handoff().id(), adviser)).isInstanceOf(HandoffTransition.NotAllowed.class);
  }

  @Test
  void advisersOnManyThreadsNeverGetTheSameCallBackOnPostgres() throws Exception {
    DataSource ds = PG.dataSource();
    Schema.install(ds, "core", "handoff");
    clock.set(Instant.parse("2026-11-27T10:00:00Z"));
    CallbackQueue queue = CallbackQueue.builder(ds, keys).queue("race").clock(clock).build();
    int requests = 40;
    for (int i = 0; i < requests; i++) {
      HandoffRequest r = WebChatChannelTest.request();
      HandoffRequest withPhone = new HandoffRequest(r.handoffId(), r.journeyId(), r.reference(), r.definitionId(),
          r.stuckStep(), r.reason(), r.detail(), r.answers(), r.redacted(), 0, r.segment(), r.journeyChannel(),
          Optional.of(ContactPreference.phone("0161 496 0" + String.format("%03d", i))), r.resumeLink(), r.requestedAt());
      assertThat(queue.channel().handOff(withPhone)).isInstanceOf(HandoffResult.Accepted.class);
      assertThat(queue.channel().handOff(withPhone)).isInstanceOf(HandoffResult.Accepted.class); // a retry is one call
    }
    assertThat(queue.waiting()).isEqualTo(requests);
    Set<HandoffId> claimed = ConcurrentHashMap.newKeySet();
    List<HandoffId> all = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      Actor adviser = Actor.adviser("adviser-" + t);
      futures.add(pool.submit(() -> {
        go.await();
        while (true) {
          Optional<CallbackQueue.CallbackRequest> next = queue.claimNext(adviser);
          if (next.isEmpty()) {
            return null;
          }
          claimed.add(next.get().handoffId());
          all.add(next.get().handoffId());
        }
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(all).hasSize(requests);
    assertThat(claimed).hasSize(requests);
    assertThat(queue.waiting()).isZero();
  }

  @Test
  void aCallBackNeedsAPhoneNumber() {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds, "core", "handoff");
    HandoffResult r = callbacks(ds).channel().handOff(WebChatChannelTest.request());
    assertThat(r).isInstanceOf(HandoffResult.Failed.class);
  }

  @Test
  void theCallBackContextIsEncryptedAtRest() throws Exception {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds, "core", "handoff");
    HandoffRequest r = WebChatChannelTest.request();
    HandoffRequest withPhone = new HandoffRequest(r.handoffId(), r.journeyId(), r.reference(), r.definitionId(),
        r.stuckStep(), r.reason(), r.detail(), Map.of("name", "Ada Lovelace"), r.redacted(), 0, r.segment(),
        r.journeyChannel(), Optional.of(ContactPreference.phone("01632 960003")), r.resumeLink(), r.requestedAt());
    callbacks(ds).channel().handOff(withPhone);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT context FROM civickit_callback_requests")) {
      rs.next();
      assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("01632")
          .doesNotContain("Lovelace");
    }
  }
}
