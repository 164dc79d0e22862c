package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.ProgressStore;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.PaymentStatus;
import io.civickit.pay.RefundResult;
import io.civickit.pay.step.BeginResult;
import io.civickit.pay.step.NextAction;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.PaymentOutcome;
import io.civickit.pay.step.PaymentRecord;
import io.civickit.pay.step.Payments;
import io.civickit.pay.step.PayWebhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payment step against the fake GOV.UK Pay, on one app instance. */
class PaymentsTest {
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  private static final URI RETURN = URI.create("https://garden.example.gov.uk/pay/return");

  private final Clock clock = Clock.systemUTC();
  private EventLog events;
  private Journeys journeys;
  private GovUkPay client;
  private Payments payments;

  @BeforeEach
  void setUp() {
    events = new EventLog();
    journeys = PayFixture.journeys(ProgressStore.inMemory(), events, clock);
    client = PayFixture.client(PAY, clock);
    payments = PayFixture.payments(journeys, client, PaymentLedger.inMemory(), false);
  }

  private int created() {
    return PAY.paymentCount();
  }

  @Test
  void aSuccessfulPaymentMovesTheJourneyOnAndIsRecordedForTheSubmission() {
    Journey j = PayFixture.atPayment(journeys, 2, false);
    assertThat(payments.fee(j).totalPence()).isEqualTo(9000);
    BeginResult r = payments.begin(j.id(), RETURN, Locale.UK);
    assertThat(r).isInstanceOf(BeginResult.Redirect.class);
    String id = ((BeginResult.Redirect) r).paymentId();
    // the id is on the journey before the person leaves
    assertThat(journeys.find(j.id()).orElseThrow().attributes().get("payment").toString()).contains(id);

    PAY.complete(id, FakeGovUkPay.Action.PAY);
    PaymentOutcome o = payments.onReturn(j.id());

    assertThat(o).isInstanceOf(PaymentOutcome.Paid.class);
    assertThat(o.nextActions()).containsExactly(NextAction.CONTINUE);
    Journey after = o.journey();
    assertThat(after.status()).isEqualTo(JourneyStatus.COMPLETED);
    assertThat(payments.record(after)).contains(new PaymentRecord(9000, id, PaymentStatus.SUCCESS,
        j.reference().value(), PaymentRecord.GOV_UK_PAY));
    assertThat(after.answer("payment")).isPresent();
    assertThat(events.events(JourneyEvent.StepCompleted.class)).extracting(JourneyEvent.StepCompleted::stepId)
        .contains("pay");
  }

  @Test
  void theRequestCarriesTheJourneyReferenceAndTheConcessionPrice() {
    Journey j = PayFixture.atPayment(journeys, 3, true);
    PAY.clearRequests();
    payments.begin(j.id(), RETURN, Locale.forLanguageTag("cy"));
    FakeGovUkPay.Request create = PAY.requests().get(0);
    assertThat(create.body()).contains("\"amount\":6750", "\"reference\":\"" + j.reference().value() + "\"",
        "\"language\":\"cy\"", "\"return_url\":\"" + RETURN + "\"");
    assertThat(create.headers()).containsKey("idempotency-key").containsEntry("authorization", "Bearer (redacted)");
    assertThat(create.headers().get("user-agent")).startsWith("civickit-pay/");
  }

  @Test
  void aDeclinedCardOffersTryAgainAndTheRetryIsASecondPaymentThatSucceeds() {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    String first = ((BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(first, FakeGovUkPay.Action.DECLINE);

    PaymentOutcome declined = payments.onReturn(j.id());
    assertThat(declined).isInstanceOf(PaymentOutcome.Declined.class);
    assertThat(declined.nextActions()).containsExactly(NextAction.TRY_AGAIN, NextAction.GET_HELP);
    assertThat(declined.journey().currentStep()).isEqualTo("pay");
    assertThat(declined.journey().failures()).containsEntry("pay", 1);
    // returning again records nothing twice
    payments.onReturn(j.id());
    assertThat(events.events(JourneyEvent.ValidationFailed.class)).hasSize(1);
    assertThat(events.events(JourneyEvent.PaymentFailed.class)).singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("P0010"));

    String second = ((BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK)).paymentId();
    assertThat(second).isNotEqualTo(first);
    PAY.complete(second, FakeGovUkPay.Action.PAY);
    assertThat(payments.onReturn(j.id())).isInstanceOf(PaymentOutcome.Paid.class);
    assertThat(payments.record(journeys.find(j.id()).orElseThrow()).orElseThrow().paymentId()).isEqualTo(second);
  }

  @Test
  void cancellingAndExpiringOfferTryAgainAndGetHelp() {
    Journey a = PayFixture.atPayment(journeys, 1, false);
    PAY.complete(((BeginResult.Redirect) payments.begin(a.id(), RETURN, Locale.UK)).paymentId(),
        FakeGovUkPay.Action.CANCEL);
    assertThat(payments.onReturn(a.id())).isInstanceOf(PaymentOutcome.CancelledByUser.class)
        .extracting(PaymentOutcome::nextActions).asList().contains(NextAction.GET_HELP);

    Journey b = PayFixture.atPayment(journeys, 1, false);
    PAY.complete(((BeginResult.Redirect) payments.begin(b.id(), RETURN, Locale.UK)).paymentId(),
        FakeGovUkPay.Action.EXPIRE);
    assertThat(payments.onReturn(b.id())).isInstanceOf(PaymentOutcome.Expired.class);

    Journey c = PayFixture.atPayment(journeys, 1, false);
    PAY.complete(((BeginResult.Redirect) payments.begin(c.id(), RETURN, Locale.UK)).paymentId(),
        FakeGovUkPay.Action.ERROR);
    assertThat(payments.onReturn(c.id())).isInstanceOf(PaymentOutcome.Error.class);
  }

  @Test
  void aSecondClickWhileAPaymentIsInProgressReturnsTheSamePayment() {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    int before = created();
    BeginResult.Redirect first = (BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK);
    BeginResult.Redirect second = (BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK);
    assertThat(second.paymentId()).isEqualTo(first.paymentId());
    assertThat(second.nextUrl()).isEqualTo(first.nextUrl());
    assertThat(created() - before).isEqualTo(1);
  }

  @Test
  void aPaymentCreatedWhoseAnswerWasLostIsFoundAgainNotTakenTwice() {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    int before = created();
    PAY.loseNextAnswers(1);
    assertThatThrownBy(() -> payments.begin(j.id(), RETURN, Locale.UK))
        .isInstanceOf(io.civickit.pay.PaymentProviderException.class);
    assertThat(created() - before).isEqualTo(1);
    // the person presses the button again: the same attempt, the same key, the same payment
    BeginResult.Redirect again = (BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK);
    assertThat(again.paymentId()).isEqualTo(PAY.paymentIds().get(PAY.paymentIds().size() - 1));
    assertThat(created() - before).isEqualTo(1);
    PAY.complete(again.paymentId(), FakeGovUkPay.Action.PAY);
    assertThat(payments.onReturn(j.id())).isInstanceOf(PaymentOutcome.Paid.class);
  }

  @Test
  void manyClicksAtOnceCreateOnePayment() throws Exception {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    int before = created();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<BeginResult>> clicks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        clicks.add(() -> payments.begin(j.id(), RETURN, Locale.UK));
      }
      Set<String> ids = new java.util.HashSet<>();
      for (Future<BeginResult> f : pool.invokeAll(clicks)) {
        ids.add(((BeginResult.Redirect) f.get()).paymentId());
      }
      assertThat(ids).hasSize(1);
      assertThat(created() - before).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPersonWhoPaidAndClosedTheBrowserLandsOnTheRightOutcomeWhenTheyResume() {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    String id = ((BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    // they come back later and press the pay button again from their saved journey
    int before = created();
    BeginResult again = payments.begin(j.id(), RETURN, Locale.UK);
    assertThat(again).isInstanceOf(BeginResult.AlreadySettled.class);
    assertThat(((BeginResult.AlreadySettled) again).outcome()).isInstanceOf(PaymentOutcome.Paid.class);
    assertThat(created()).isEqualTo(before);
    assertThat(journeys.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
  }

  @Test
  void aFreeFeeMovesOnWithoutAPayment() {
    Journey j = PayFixture.atPayment(journeys, 0, false);
    int before = created();
    BeginResult r = payments.begin(j.id(), RETURN, Locale.UK);
    assertThat(r).isInstanceOf(BeginResult.NothingToPay.class);
    assertThat(created()).isEqualTo(before);
    assertThat(journeys.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
  }

  @Test
  void theStepIsNotAvailableBeforeCheckAnswers() {
    Journey j = journeys.start("garden-waste");
    assertThat(payments.begin(j.id(), RETURN, Locale.UK)).isEqualTo(new BeginResult.NotAvailable("bins"));
    assertThat(payments.onReturn(j.id())).isInstanceOf(PaymentOutcome.NotStarted.class);
  }

  @Test
  void aSignedWebhookMovesTheJourneyOnAndABadSignatureIsRefused() {
    Journey j = PayFixture.atPayment(journeys, 1, false);
    String id = ((BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    PayWebhooks hooks = PayWebhooks.of(payments, "whsec-test");
    byte[] body = ("{\"webhook_message_id\":\"m1\",\"resource_id\":\"" + id + "\",\"resource_type\":\"payment\","
        + "\"event_type\":\"card_payment_succeeded\",\"api_version\":1}").getBytes(StandardCharsets.UTF_8);

    assertThat(hooks.receive(body, Optional.of(FakeGovUkPay.sign(body, "another-secret"))))
        .isInstanceOf(PayWebhooks.Result.BadSignature.class);
    assertThat(hooks.receive(body, Optional.empty())).isInstanceOf(PayWebhooks.Result.BadSignature.class);
    assertThat(journeys.find(j.id()).orElseThrow().currentStep()).isEqualTo("pay");

    PayWebhooks.Result ok = hooks.receive(body, Optional.of(FakeGovUkPay.sign(body, "whsec-test")));
    assertThat(ok).isInstanceOf(PayWebhooks.Result.Accepted.class);
    assertThat(journeys.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
    // delivered again: nothing more happens
    long steps = events.events(JourneyEvent.StepCompleted.class).size();
    assertThat(hooks.receive(body, Optional.of(FakeGovUkPay.sign(body, "whsec-test"))))
        .isInstanceOf(PayWebhooks.Result.Accepted.class);
    assertThat(events.events(JourneyEvent.StepCompleted.class)).hasSize((int) steps);
  }

  @Test
  void webhooksAboutUnknownPaymentsAreIgnored() {
    PayWebhooks hooks = PayWebhooks.of(payments, "whsec-test");
    byte[] body = "{\"resource_id\":\"abcdefghijklmnopqrstuvwxyz\",\"resource_type\":\"payment\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(hooks.receive(body, Optional.of(FakeGovUkPay.sign(body, "whsec-test"))))
        .isInstanceOf(PayWebhooks.Result.Ignored.class);
    byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
    assertThat(hooks.receive(junk, Optional.of(FakeGovUkPay.sign(junk, "whsec-test"))))
        .isInstanceOf(PayWebhooks.Result.Malformed.class);
  }

  @Test
  void delayedCaptureMovesOnWhenAuthorisedAndTakesTheMoneyWhenTheCouncilCaptures() {
    Payments held = PayFixture.payments(journeys, client, PaymentLedger.inMemory(), true);
    Journey j = PayFixture.atPayment(journeys, 1, false);
    String id = ((BeginResult.Redirect) held.begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    PaymentOutcome authorised = held.onReturn(j.id());
    assertThat(authorised).isInstanceOf(PaymentOutcome.Paid.class);
    assertThat(((PaymentOutcome.Paid) authorised).record().status()).isEqualTo(PaymentStatus.CAPTURABLE);
    assertThat(PAY.status(id)).contains("capturable");

    PaymentOutcome captured = held.capture(j.id());
    assertThat(((PaymentOutcome.Paid) captured).record().status()).isEqualTo(PaymentStatus.SUCCESS);
    assertThat(PAY.status(id)).contains("success");
  }

  @Test
  void aRefundIsRecordedWithTheAdvisersIdAndCannotExceedWhatWasPaid() {
    Journey j = PayFixture.atPayment(journeys, 2, false);
    String id = ((BeginResult.Redirect) payments.begin(j.id(), RETURN, Locale.UK)).paymentId();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    payments.onReturn(j.id());

    assertThatThrownBy(() -> payments.refund(j.id(), 4500, Actor.citizen()))
        .isInstanceOf(IllegalArgumentException.class);
    RefundResult r = payments.refund(j.id(), 4500, Actor.adviser("staff-42"));
    assertThat(r).isInstanceOf(RefundResult.Submitted.class);
    assertThat(journeys.find(j.id()).orElseThrow().attributes().get("payment").toString())
        .contains("staff-42", ((RefundResult.Submitted) r).refund().refundId());
    assertThat(payments.refund(j.id(), 4501, Actor.adviser("staff-43"))).isInstanceOf(RefundResult.NotAvailable.class);
    assertThat(payments.refund(j.id(), 4500, Actor.adviser("staff-43"))).isInstanceOf(RefundResult.Submitted.class);
  }
}
