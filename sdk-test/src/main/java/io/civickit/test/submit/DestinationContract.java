package io.civickit.test.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.civickit.core.Actor;
import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.SubmitResult;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormJourney;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.DeliveryState;
import io.civickit.submit.DeliveryStatus;
import io.civickit.submit.Destination;
import io.civickit.submit.SubmissionCsv;
import io.civickit.submit.SubmissionSchema;
import io.civickit.submit.Submission;
import io.civickit.submit.Submissions;
import io.civickit.submit.SubmitOptions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contract every submission {@link Destination} must meet: CivicKit's own and a supplier's.
 * Extend it in your tests, pointing the destination at a real or faithfully faked counterpart
 * the test can inspect:
 *
 * <pre>{@code
 * class MyCrmDestinationTest extends DestinationContract {
 *   @Override protected Destination destination() { return new MyCrmDestination(crm.url()); }
 *   @Override protected Destination brokenDestination() { return new MyCrmDestination(URI.create("http://127.0.0.1:1")); }
 *   @Override protected List<String> receivedKeys() { return crm.idempotencyKeysReceived(); }
 * }
 * }</pre>
 *
 * <p>What it checks:
 * <ul>
 *   <li><b>Exactly once per submission id.</b> A delivery is accepted and reaches the counterpart
 *       carrying the submission id as its idempotency key; delivered again (as after a crash),
 *       the counterpart still holds it once, because it drops a key it has seen or the
 *       destination looked first. A destination that says it can look up finds what it
 *       delivered and nothing else.
 *   <li><b>Survives a crash.</b> Through a real {@link Submissions} queue (H2 in memory): a worker
 *       dies after the destination took the submission but before the outcome was recorded;
 *       once its lease runs out another worker finishes, and the counterpart holds the
 *       submission once.
 *   <li><b>Never throws for a broken counterpart.</b> Down, refusing or misconfigured, the
 *       destination returns a failure result instead of throwing.
 *   <li>Concurrent deliveries of different submissions all arrive.
 * </ul>
 * The queue test needs H2 ({@code com.h2database:h2}) on the test class path, or an override of
 * {@link #queueDatabase()}.
 */
public abstract class DestinationContract {

  /**
   * The destination under test, pointed at a counterpart the test can inspect.
   *
   * @return the destination
   */
  protected abstract Destination destination();

  /**
   * The same kind of destination pointed at a counterpart that is down, refuses it or rejects
   * its credentials.
   *
   * @return the destination
   */
  protected abstract Destination brokenDestination();

  /**
   * The idempotency keys of every delivery the counterpart received, repeats included, in order.
   *
   * @return the keys
   */
  protected abstract List<String> receivedKeys();

  /**
   * What the counterpart keeps: the keys it holds once it has dropped repeats. By default the
   * distinct received keys, as a receiver that deduplicates on the key keeps them.
   *
   * @return the keys held
   */
  protected Set<String> heldKeys() {
    return Set.copyOf(receivedKeys());
  }

  /**
   * An empty database for the crash test's queue: a new in-memory H2 database by default.
   *
   * @return the data source
   */
  protected DataSource queueDatabase() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:civickit_contract_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  // ------------------------------------------------------------------ a sample submission

  /** A one-page form the sample journeys complete. */
  protected static final Form FORM = Form.builder("contract-form", 1)
      .title("Report a missed bin", "Rhoi gwybod am fin a fethwyd")
      .page(Page.builder("details").question(Question.builder("details", QuestionType.TEXTAREA)
          .label("What happened?", "Beth ddigwyddodd?").errorNoun("what happened", "beth ddigwyddodd").build()).build())
      .end(new FormEnd("done", LocalisedText.of("Reported", "Wedi'i adrodd"), LocalisedText.of("Thank you", "Diolch"),
          Outcome.SUCCESS))
      .build();

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Journeys journeys = Journeys.builder().definition(FormJourney.definition(FORM, Clock.systemUTC()))
      .store(ProgressStore.inMemory()).build();

  /**
   * A completed journey of {@link #FORM}.
   *
   * @param details the answer
   * @return the journey
   */
  protected Journey completedJourney(String details) {
    Journey j = journeys.start(FORM.id());
    journeys.submit(j.id(), "details", Map.of("details", List.of(details)), Actor.citizen(), Locale.UK);
    SubmitResult r = journeys.submit(j.id(), Form.CHECK_ANSWERS, Map.of(), Actor.citizen(), Locale.UK);
    assertThat(r).as("the sample journey completes").isInstanceOf(SubmitResult.Completed.class);
    return r.journey();
  }

  /**
   * A delivery of a new sample submission.
   *
   * @return the delivery
   */
  protected Delivery sampleDelivery() {
    Submission s = Submission.of(completedJourney("The bin was not emptied on Tuesday"), FORM, SubmitOptions.defaults(),
        UUID.randomUUID().toString(), T0);
    return new Delivery(s, SubmissionCsv.columns(FORM), "Contract Test Council", Locale.UK);
  }

  private long received(String key) {
    return receivedKeys().stream().filter(key::equals).count();
  }

  // ------------------------------------------------------------------ the contract

  @Test
  void aDeliveryIsAcceptedAndReachesTheCounterpartOnceWithTheSubmissionIdAsItsKey() {
    Delivery d = sampleDelivery();
    SendResult r = destination().deliver(d);
    assertThat(r).isInstanceOf(SendResult.Accepted.class);
    assertThat(received(d.idempotencyKey())).isEqualTo(1);
    assertThat(heldKeys()).contains(d.idempotencyKey());
  }

  @Test
  void deliveredAgainAsAfterACrashTheCounterpartStillHoldsItOnce() {
    Delivery d = sampleDelivery();
    Destination dest = destination();
    assertThat(dest.deliver(d)).isInstanceOf(SendResult.Accepted.class);
    Delivery again = new Delivery(d.submission(), SubmissionCsv.columns(FORM), d.councilName(), d.teamLanguage());
    if (dest.canLookUp()) {
      assertThat(dest.lookup(again)).as("a destination that can look finds what it delivered").isPresent();
    }
    assertThat(dest.deliver(again)).isInstanceOf(SendResult.Accepted.class);
    assertThat(received(d.idempotencyKey())).as("every repeat carries the same key").isBetween(1L, 2L);
    assertThat(heldKeys().stream().filter(d.idempotencyKey()::equals).count()).isEqualTo(1);
  }

  @Test
  void aDestinationThatCanLookUpFindsNothingItWasNotGiven() {
    Destination dest = destination();
    if (dest.canLookUp()) {
      assertThat(dest.lookup(sampleDelivery())).isEmpty();
    }
  }

  @Test
  void aSubmissionSurvivesAWorkerThatDiesAfterDeliveringAndBeforeRecordingIt() throws SQLException {
    DataSource db = queueDatabase();
    SubmissionSchema.install(db);
    Destination real = destination();
    Destination dying = new Destination() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public SendResult deliver(Delivery delivery) {
        real.deliver(delivery);
        throw new WorkerDied();
      }
    };
    KeyRing keys = KeyRing.generate("contract");
    Submissions first = queue(db, keys, dying, "first", T0);
    Submission s = first.submit(completedJourney("Bin left on the pavement"), FORM);
    try {
      first.runOnce();
    } catch (WorkerDied expected) {
      // the process died here
    }
    Submissions second = queue(db, keys, real, "second", T0.plus(Duration.ofMinutes(3)));
    assertThat(second.deliveries(s.id())).extracting(DeliveryState::status).containsExactly(DeliveryStatus.SENDING);
    assertThat(second.runOnce()).isEqualTo(1);
    assertThat(second.deliveries(s.id())).extracting(DeliveryState::status).containsExactly(DeliveryStatus.DELIVERED);
    assertThat(heldKeys().stream().filter(s.id()::equals).count()).isEqualTo(1);
    if (real.canLookUp()) {
      assertThat(received(s.id())).as("it looked before delivering again").isEqualTo(1);
    }
  }

  private static Submissions queue(DataSource db, KeyRing keys, Destination d, String instance, Instant at) {
    return Submissions.builder().dataSource(db).keyRing(keys).councilName("Contract Test Council")
        .destination(FORM.id(), d).instanceId(instance).lease(Duration.ofMinutes(2))
        .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
  }

  @Test
  void aBrokenCounterpartGivesAFailureResultNeverAnException() {
    Destination broken = brokenDestination();
    Delivery d = sampleDelivery();
    SendResult[] result = new SendResult[1];
    assertThatCode(() -> result[0] = broken.deliver(d)).doesNotThrowAnyException();
    assertThat(result[0]).isNotNull().isNotInstanceOf(SendResult.Accepted.class);
    if (broken.canLookUp()) {
      try {
        broken.lookup(d);
      } catch (CivicKitException allowed) {
        // looking up may fail with CivicKitException: the queue then treats the outcome as unknown
      }
    }
  }

  @Test
  void concurrentDeliveriesOfDifferentSubmissionsAllArrive() throws Exception {
    Destination dest = destination();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      deliveries.add(sampleDelivery());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<SendResult>> results = new ArrayList<>();
      for (Delivery d : deliveries) {
        results.add(pool.submit(() -> dest.deliver(d)));
      }
      for (Future<SendResult> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isInstanceOf(SendResult.Accepted.class);
      }
    } finally {
      pool.shutdownNow();
    }
    for (Delivery d : deliveries) {
      assertThat(heldKeys()).contains(d.idempotencyKey());
    }
  }

  /** Stands for the worker's process dying: an Error, which the queue does not catch. */
  private static final class WorkerDied extends Error {
    WorkerDied() {
      super("the worker died", null, false, false);
    }
  }
}
