package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import io.civickit.pay.step.BeginResult;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.PaymentReconciler;
import io.civickit.pay.step.Payments;
import io.civickit.testsupport.PostgresDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two app instances sharing PostgreSQL (and one GOV.UK Pay): nothing lost, nothing taken twice. */
class PostgresPaymentsTest {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  private static final URI RETURN = URI.create("https://garden.example.gov.uk/pay/return");
  private static final KeyRing KEYS = KeyRing.of("k1", Map.of("k1", new byte[32]));

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource());
    Schema.install(PG.dataSource(), "pay");
  }

  /** One app instance: its own engine, client and payment step over the shared database. */
  private record Instance(Journeys journeys, Payments payments) {
    static Instance start(Clock clock) {
      Journeys journeys = PayFixture.journeys(ProgressStore.jdbc(PG.dataSource(), KEYS), EventSink.none(), clock);
      Payments payments = PayFixture.payments(journeys, PayFixture.client(PAY, clock),
          PaymentLedger.jdbc(PG.dataSource()), false);
      return new Instance(journeys, payments);
    }
  }

  @Test
  void anAbandonedButPaidJourneyIsFinishedByTheReconcilerOnTheSecondInstance() {
    Instant t0 = Instant.parse("2026-12-04T09:00:00Z");
    Instance a = Instance.start(Clock.fixed(t0, ZoneOffset.UTC));
    Journey j = PayFixture.atPayment(a.journeys(), 2, true);
    String id = ((BeginResult.Redirect) a.payments().begin(j.id(), RETURN, Locale.UK)).paymentId();
    // the person pays and closes the browser on the payment page: no return
    PAY.complete(id, FakeGovUkPay.Action.PAY);

    Clock later = Clock.fixed(t0.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    Instance b = Instance.start(later);
    PaymentReconciler reconciler = PaymentReconciler.builder(b.payments()).clock(later)
        .minimumAge(Duration.ofMinutes(5)).build();
    PaymentReconciler.Run run = reconciler.runOnce();

    assertThat(run.settled()).isGreaterThanOrEqualTo(1);
    Journey done = a.journeys().find(j.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(JourneyStatus.COMPLETED);
    assertThat(a.payments().record(done).orElseThrow().paymentId()).isEqualTo(id);
    assertThat(a.payments().record(done).orElseThrow().amountPence()).isEqualTo(4500);
    // a second run finds nothing left to do for it
    assertThat(a.payments().ledger().claimUnfinished(later.instant().plus(Duration.ofHours(1)),
        later.instant().plus(Duration.ofHours(1)), Duration.ofMinutes(1), 1000)).doesNotContain(j.id());
  }

  @Test
  void theReconcilerLeavesRecentAttemptsToThePersonsOwnReturn() {
    Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
    Instance a = Instance.start(Clock.fixed(t0, ZoneOffset.UTC));
    Journey j = PayFixture.atPayment(a.journeys(), 1, false);
    String id = ((BeginResult.Redirect) a.payments().begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(id, FakeGovUkPay.Action.PAY);

    Clock soon = Clock.fixed(t0.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    Instance b = Instance.start(soon);
    PaymentReconciler.builder(b.payments()).clock(soon).minimumAge(Duration.ofMinutes(5)).build().runOnce();
    assertThat(a.journeys().find(j.id()).orElseThrow().currentStep()).isEqualTo("pay");
  }

  @Test
  void twoInstancesPressingPayAtOnceCreateOnePayment() throws Exception {
    Clock clock = Clock.systemUTC();
    Instance a = Instance.start(clock);
    Instance b = Instance.start(clock);
    Journey j = PayFixture.atPayment(a.journeys(), 1, false);
    int before = PAY.paymentCount();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<BeginResult>> clicks = List.of(
          () -> a.payments().begin(j.id(), RETURN, Locale.UK), () -> b.payments().begin(j.id(), RETURN, Locale.UK),
          () -> a.payments().begin(j.id(), RETURN, Locale.UK), () -> b.payments().begin(j.id(), RETURN, Locale.UK),
          () -> a.payments().begin(j.id(), RETURN, Locale.UK), () -> b.payments().begin(j.id(), RETURN, Locale.UK));
      Set<String> ids = new HashSet<>();
      for (Future<BeginResult> f : pool.invokeAll(clicks)) {
        ids.add(((BeginResult.Redirect) f.get()).paymentId());
      }
      assertThat(ids).hasSize(1);
      assertThat(PAY.paymentCount() - before).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoReconcilersClaimEachAttemptOnce() {
    Instant t0 = Instant.parse("2026-12-04T11:00:00Z");
    Instance a = Instance.start(Clock.fixed(t0, ZoneOffset.UTC));
    Journey j = PayFixture.atPayment(a.journeys(), 1, false);
    a.payments().begin(j.id(), RETURN, Locale.UK);
    Instant later = t0.plus(Duration.ofMinutes(10));
    PaymentLedger ledger = PaymentLedger.jdbc(PG.dataSource());
    List<io.civickit.core.JourneyId> first = ledger.claimUnfinished(later, later, Duration.ofMinutes(2), 1000);
    List<io.civickit.core.JourneyId> second = ledger.claimUnfinished(later, later, Duration.ofMinutes(2), 1000);
    assertThat(first).contains(j.id());
    assertThat(second).doesNotContain(j.id());
    // once the lease has ended it can be claimed again
    Instant afterLease = later.plus(Duration.ofMinutes(3));
    assertThat(ledger.claimUnfinished(afterLease, afterLease, Duration.ofMinutes(2), 1000)).contains(j.id());
  }
}
