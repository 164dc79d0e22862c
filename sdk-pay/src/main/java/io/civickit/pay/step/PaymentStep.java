package io.civickit.pay.step;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.pay.internal.PayState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The payment step, to add to a journey definition (usually after check your answers). The
 * person never submits it directly: {@link Payments} submits it when GOV.UK Pay says the payment
 * succeeded (or nothing was due), and the journey moves on by its routing. Submitted at any other
 * time, it is rejected with a message saying the payment has not been made.
 *
 * <p>On success it saves one answer, {@value #ANSWER_KEY}: a group with {@code id},
 * {@code amount} (pence), {@code status}, {@code reference} and {@code provider}, which the
 * submission document and check-your-answers can read. A failed payment, when {@link Payments}
 * records it, is a rejected submission: the journey's failure count on this step goes up, and a
 * {@code validation_failed} event with the field {@value #ANSWER_KEY} is published.
 *
 * <pre>{@code
 * JourneyDefinition def = JourneyDefinition.builder("garden-waste", 4)
 *     .step(...).step(checkAnswers).step(PaymentStep.of("pay")).step(confirmation)
 *     .end("confirmation", Outcome.SUCCESS).build();
 * }</pre>
 */
public final class PaymentStep implements Step {
  /** The answer key the step writes. */
  public static final String ANSWER_KEY = "payment";

  private final String id;

  private PaymentStep(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /**
   * A payment step.
   *
   * @param id the step id, as it appears in URLs and events
   * @return the step
   */
  public static PaymentStep of(String id) {
    return new PaymentStep(id);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<String> answerKeys() {
    return Set.of(ANSWER_KEY);
  }

  @Override
  public StepResult submit(StepSubmission submission) {
    Optional<PayState> state = PayState.of(submission.journey());
    boolean welsh = "cy".equals(submission.locale().getLanguage());
    if (state.isPresent() && isPaid(state.get().status())) {
      PayState s = state.get();
      Map<String, Value> fields = new LinkedHashMap<>();
      fields.put("id", Value.text(s.paymentId().orElse("")));
      fields.put("amount", Value.number(s.amountPence()));
      fields.put("status", Value.text(s.status()));
      fields.put("reference", Value.text(submission.journey().reference().value()));
      fields.put("provider", Value.text(s.status().equals(PayState.NOT_REQUIRED) ? "none" : PaymentRecord.GOV_UK_PAY));
      Answer answer = new Answer(Value.fields(fields), Optional.empty(), submission.actor(), false);
      return StepResult.Accepted.of(Map.of(ANSWER_KEY, answer));
    }
    String message;
    String code = state.flatMap(PayState::code).orElse("");
    if (code.equals("P0010")) {
      message = welsh ? "Mae eich taliad wedi cael ei wrthod. Ni chymerwyd unrhyw arian" : "Your payment was declined. No money has been taken";
    } else if (code.equals("P0020")) {
      message = welsh ? "Daeth eich sesiwn talu i ben. Ni chymerwyd unrhyw arian" : "Your payment session timed out. No money has been taken";
    } else if (code.equals("P0030")) {
      message = welsh ? "Gwnaethoch ganslo eich taliad. Ni chymerwyd unrhyw arian" : "You cancelled your payment. No money has been taken";
    } else if (state.isPresent() && (state.get().status().equals("error") || state.get().status().equals("cancelled"))) {
      message = welsh ? "Roedd problem gyda'ch taliad. Ni chymerwyd unrhyw arian" : "There was a problem with your payment. No money has been taken";
    } else {
      message = welsh ? "Nid ydych wedi talu eto" : "You have not paid yet";
    }
    return new StepResult.Rejected(List.of(new FieldError(ANSWER_KEY, message)));
  }

  @Override
  public boolean isSatisfiedBy(Journey journey) {
    return journey.answer(ANSWER_KEY).map(a -> a.value() instanceof Value.Fields f
        && f.get("status").filter(v -> v instanceof Value.Text t && isPaid(t.value())).isPresent()).orElse(false);
  }

  /** Statuses that let the journey move on: paid, authorised for delayed capture, or nothing due. */
  static boolean isPaid(String status) {
    return status.equals("success") || status.equals("capturable") || status.equals(PayState.NOT_REQUIRED);
  }

  @Override
  public String toString() {
    return "PaymentStep[" + id + "]";
  }
}
