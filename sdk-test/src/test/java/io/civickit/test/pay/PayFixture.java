package io.civickit.test.pay;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.ProgressStore;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.PaymentStep;
import io.civickit.pay.step.Payments;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A garden waste journey with a fee: £45 per bin, concessions at half price. */
final class PayFixture {
  static final FeeRules FEES = FeeRules.builder()
      .perUnit("bins", "Garden waste bin", 4500, "bins").welsh("Bin gwastraff gardd")
      .percentOff("concession", "Concession (half price)", 50).when("concession = true")
      .build();

  private PayFixture() {}

  /** A question page writing "bins" (a number) and "concession" (yes/no). */
  static final class Questions implements Step {
    @Override
    public String id() {
      return "bins";
    }

    @Override
    public Set<String> answerKeys() {
      return Set.of("bins", "concession");
    }

    @Override
    public StepResult submit(StepSubmission s) {
      return StepResult.Accepted.of(Map.of(
          "bins", Answer.of(Value.number(new BigDecimal(s.first("bins").orElse("1")))),
          "concession", Answer.of(Value.bool(s.first("concession").orElse("no").equals("yes")))));
    }
  }

  /** A step that writes nothing and accepts any submission: check your answers, the confirmation. */
  static final class NoAnswers implements Step {
    private final String id;

    NoAnswers(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Set<String> answerKeys() {
      return Set.of();
    }

    @Override
    public StepResult submit(StepSubmission s) {
      return StepResult.Accepted.of(Map.of());
    }
  }

  static JourneyDefinition definition() {
    return JourneyDefinition.builder("garden-waste", 1)
        .step(new Questions()).step(new NoAnswers("check-answers")).step(PaymentStep.of("pay"))
        .step(new NoAnswers("done"))
        .end("done", Outcome.SUCCESS).build();
  }

  static Journeys journeys(ProgressStore store, EventSink events, Clock clock) {
    return Journeys.builder().definition(definition()).store(store).events(events).clock(clock).build();
  }

  static GovUkPay client(FakeGovUkPay fake, Clock clock) {
    return GovUkPay.builder().apiKey(fake.apiKey()).baseUri(fake.baseUri()).clock(clock).build();
  }

  static Payments payments(Journeys journeys, GovUkPay pay, PaymentLedger ledger, boolean delayedCapture) {
    return Payments.builder().journeys(journeys).pay(pay).fees(FEES).step(PaymentStep.of("pay"))
        .description(j -> "Garden waste permit").emailFromAnswer("email").ledger(ledger)
        .delayedCapture(delayedCapture).build();
  }

  /** Starts a journey and answers up to the payment step. */
  static Journey atPayment(Journeys journeys, int bins, boolean concession) {
    Journey j = journeys.start("garden-waste");
    journeys.submit(j.id(), "bins", Map.of("bins", List.of(String.valueOf(bins)),
        "concession", List.of(concession ? "yes" : "no")), Actor.citizen(), Locale.UK);
    SubmitResult r = journeys.submit(j.id(), "check-answers", Map.of(), Actor.citizen(), Locale.UK);
    return r.journey();
  }
}
