package io.civickit.pay.step;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyNotFoundException;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.pay.PaymentFailureReason;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.Language;
import io.civickit.pay.Payment;
import io.civickit.pay.PaymentProviderException;
import io.civickit.pay.PaymentRequest;
import io.civickit.pay.PaymentStatus;
import io.civickit.pay.RefundResult;
import io.civickit.pay.fee.Fee;
import io.civickit.pay.fee.FeeRules;
import io.civickit.pay.internal.PayState;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment step's engine: works the fee out, takes the payment through GOV.UK Pay, and moves
 * the journey on by the payment's state. Framework-free: a web runner calls {@link #begin} from
 * the pay button's POST, {@link #onReturn} from the return URL's GET, and shows the outcome.
 *
 * <pre>{@code
 * Payments payments = Payments.builder()
 *     .journeys(journeys).pay(govUkPay).fees(feeRules).step(paymentStep)
 *     .description(j -> "Garden waste permit").ledger(PaymentLedger.jdbc(dataSource))
 *     .build();
 * BeginResult r = payments.begin(journeyId, URI.create("https://.../pay/return/" + token), Locale.UK);
 * }</pre>
 *
 * <h2>Nothing lost, nothing taken twice</h2>
 * <ul>
 *   <li>Before any payment is created, the attempt is <em>claimed</em> on the journey: its
 *       {@code payment} attribute is saved with status {@code creating} and a new idempotency key,
 *       through the progress store's optimistic concurrency. Of two clicks (or two app instances)
 *       only one claim can be saved; the other reloads, sees the claim and uses the same key.
 *   <li>Payments are created with that key as GOV.UK Pay's {@code Idempotency-Key}: the same key
 *       and request return the payment already created, never a second one. A crash between
 *       creating the payment and saving its id is therefore harmless: the next call (a click, the
 *       person's return, the reconciler) creates "again" and gets the same payment back.
 *   <li>The payment id is saved on the journey before {@link BeginResult.Redirect} is returned.
 *   <li>While an attempt is in progress, {@link #begin} looks it up at GOV.UK Pay and returns the
 *       same payment page; a new attempt (a new key) is made only after GOV.UK Pay says the last
 *       one failed.
 *   <li>The journey moves on only after GOV.UK Pay says {@code success} (or {@code capturable}
 *       with delayed capture), looked up by the service itself: never on the strength of the
 *       return URL being visited or a webhook's body.
 * </ul>
 */
// Over 500 lines and kept whole: the payment step's state machine over one journey attribute
// (PayState); begin, return, capture and refund each re-read and compare-and-set that state, and
// keeping every transition in one file is what makes the races reviewable. Pay's client and the
// fee rules are separate classes.
public final class Payments {
  /** The actor recorded when a payment moves a journey on. */
  public static final Actor GOV_UK_PAY = Actor.system("govuk-pay");

  private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
  private static final int RETRIES = 5;

  private final Journeys journeys;
  private final GovUkPay pay;
  private final FeeRules fees;
  private final String stepId;
  private final Function<Journey, String> description;
  private final Function<Journey, Optional<String>> email;
  private final PaymentLedger ledger;
  private final boolean delayedCapture;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private Payments(Builder b) {
    this.journeys = b.journeys;
    this.pay = b.pay;
    this.fees = b.fees;
    this.stepId = b.step.id();
    this.description = b.description;
    this.email = b.email;
    this.ledger = b.ledger;
    this.delayedCapture = b.delayedCapture;
    this.clock = b.clock != null ? b.clock : b.pay.clock();
  }

  /** Starts configuring the payment step. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id of the payment step. */
  public String stepId() {
    return stepId;
  }

  /** The ledger of payment attempts, shared with the reconciler and webhooks. */
  public PaymentLedger ledger() {
    return ledger;
  }

  // ---- fee -----------------------------------------------------------------------------------

  /**
   * The fee for a journey as its answers stand, with its lines for check your answers.
   *
   * @param journey the journey
   * @return the fee
   * @throws io.civickit.pay.fee.FeeCalculationException if the rules cannot be applied to the answers
   */
  public Fee fee(Journey journey) {
    return fees.calculate(journeys.context(journey));
  }

  /**
   * The journey's payment for the submission document, once it has one.
   *
   * @param journey the journey
   * @return the payment: its amount, GOV.UK Pay's id, status, reference and provider
   */
  public Optional<PaymentRecord> record(Journey journey) {
    return PayState.of(journey).filter(s -> !s.status().equals(PayState.CREATING)).map(s -> record(journey, s));
  }

  private static PaymentRecord record(Journey j, PayState s) {
    boolean none = s.status().equals(PayState.NOT_REQUIRED);
    PaymentStatus status = none ? PaymentStatus.SUCCESS : PaymentStatus.fromApi(s.status()).orElse(PaymentStatus.CREATED);
    return new PaymentRecord(s.amountPence(), s.paymentId().orElse(""), status, j.reference().value(),
        none ? "none" : PaymentRecord.GOV_UK_PAY);
  }

  // ---- begin ---------------------------------------------------------------------------------

  /**
   * The pay button: starts a payment for the journey's fee, or returns the one in progress.
   *
   * @param journeyId the journey
   * @param returnUrl where GOV.UK Pay sends the person back: an https URL of the service that
   *     leads to {@link #onReturn} for this journey (it should identify the journey by the
   *     person's session, or by an unguessable token, never by the journey id alone)
   * @param locale the person's language: Welsh payment pages for {@code cy}
   * @return where to send the person
   * @throws JourneyNotFoundException if there is no such journey
   * @throws PaymentProviderException if GOV.UK Pay refuses or cannot be reached: show "Sorry,
   *     there is a problem with the service"; nothing was lost, and pressing the button again is safe
   * @throws IllegalStateException if the journey kept changing under every attempt to start the
   *     payment; nothing was taken
   */
  public BeginResult begin(JourneyId journeyId, URI returnUrl, Locale locale) {
    Objects.requireNonNull(returnUrl, "returnUrl");
    Objects.requireNonNull(locale, "locale");
    for (int round = 0; round < RETRIES; round++) {
      Journey j = load(journeyId);
      Optional<PayState> state = PayState.of(j);
      if (j.status().isFinal() || !j.currentStep().equals(stepId)) {
        if (state.isPresent() && PaymentStep.isPaid(state.get().status())) {
          return new BeginResult.AlreadySettled(new PaymentOutcome.Paid(j, record(j, state.get())));
        }
        return new BeginResult.NotAvailable(j.currentStep());
      }
      if (state.isPresent()) {
        PayState s = state.get();
        if (s.status().equals(PayState.CREATING)) {
          return create(j, s);
        }
        if (s.paymentId().isPresent() && !isFailure(s.status())) {
          PaymentOutcome now = refresh(journeyId);
          if (now instanceof PaymentOutcome.StillInProgress p && p.continueAt().isPresent()) {
            return new BeginResult.Redirect(p.continueAt().get(), s.paymentId().get());
          }
          if (!(now instanceof PaymentOutcome.Declined || now instanceof PaymentOutcome.Expired
              || now instanceof PaymentOutcome.CancelledByUser || now instanceof PaymentOutcome.Error)) {
            return new BeginResult.AlreadySettled(now);
          }
          continue; // it failed: decide again on the saved state, which now says so
        }
        if (PaymentStep.isPaid(s.status())) {
          return new BeginResult.AlreadySettled(moveOn(journeyId));
        }
      }
      Fee fee = fee(j);
      int attempt = state.map(PayState::attempt).orElse(0) + 1;
      Instant now = clock.instant();
      if (fee.isFree()) {
        PayState free = new PayState(PayState.NOT_REQUIRED, attempt, "none-" + attempt, Optional.empty(), 0,
            returnUrl.toString(), Language.of(locale).code(), Optional.empty(), Optional.empty(), Optional.empty(), now,
            state.map(PayState::refunds).orElse(java.util.List.of()));
        if (!claim(j, state, free)) {
          continue;
        }
        return new BeginResult.NothingToPay(moveOn(journeyId));
      }
      String key = j.reference().value() + "-" + attempt + "-" + HexFormat.of().formatHex(randomBytes());
      PayState claim = new PayState(PayState.CREATING, attempt, key, Optional.empty(), fee.totalPence(),
          returnUrl.toString(), Language.of(locale).code(), Optional.empty(), Optional.empty(), Optional.empty(), now,
          state.map(PayState::refunds).orElse(java.util.List.of()));
      if (!claim(j, state, claim)) {
        continue; // someone else changed the journey first: look again
      }
      ledger.record(new PaymentLedger.Entry(key, journeyId, attempt, Optional.empty(), PayState.CREATING, now));
      return create(load(journeyId), claim);
    }
    // As sdk-identity does for state that keeps changing: a race lost this many times is a fault.
    throw new IllegalStateException("journey " + journeyId + " kept changing while a payment was being"
        + " started; nothing was taken: try again");
  }

  private byte[] randomBytes() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return b;
  }

  /** Saves {@code next} if the journey's payment state is still {@code expected}; false if it changed. */
  private boolean claim(Journey j, Optional<PayState> expected, PayState next) {
    try {
      Journey saved = journeys.update(j.id(), fresh -> {
        Optional<PayState> now = PayState.of(fresh);
        boolean same = now.map(PayState::key).equals(expected.map(PayState::key))
            && now.map(PayState::status).equals(expected.map(PayState::status));
        return same && fresh.currentStep().equals(stepId) ? next.applyTo(fresh) : fresh;
      });
      return PayState.of(saved).map(PayState::key).filter(next.key()::equals).isPresent();
    } catch (ProgressConflictException e) {
      return false;
    }
  }

  /** Creates (or, with the same key, finds again) the claimed attempt's payment and saves its id. */
  private BeginResult create(Journey j, PayState claim) {
    PaymentRequest.Builder r = PaymentRequest.builder(claim.amountPence(), j.reference().value(),
        description.apply(j), URI.create(claim.returnUrl()))
        .language(claim.language().equals("cy") ? Language.CY : Language.EN)
        .metadata("civickit_service", j.definitionId())
        .delayedCapture(delayedCapture);
    email.apply(j).ifPresent(r::email);
    Payment p = pay.create(r.build(), Optional.of(claim.key()));
    Instant now = clock.instant();
    Optional<String> next = p.nextUrl().map(URI::toString);
    change(j.id(), s -> s.key().equals(claim.key()) && s.paymentId().isEmpty()
        ? s.withPaymentId(p.paymentId(), p.status().apiName(), next, now) : s);
    ledger.record(new PaymentLedger.Entry(claim.key(), j.id(), claim.attempt(), Optional.of(p.paymentId()),
        p.status().apiName(), now));
    if (p.nextUrl().isPresent()) {
      return new BeginResult.Redirect(p.nextUrl().get(), p.paymentId());
    }
    return new BeginResult.AlreadySettled(refresh(j.id()));
  }

  // ---- return, refresh -----------------------------------------------------------------------

  /**
   * The return URL: looks the payment up at GOV.UK Pay and moves the journey on by its state.
   * Safe to call any number of times, from any instance, also when the person never left (a
   * resumed journey, a bookmarked return URL).
   *
   * @param journeyId the journey
   * @return where the payment stands and what to offer next
   * @throws JourneyNotFoundException if there is no such journey
   * @throws PaymentProviderException if GOV.UK Pay cannot be reached: show "Sorry, there is a
   *     problem"; calling again later is safe
   */
  public PaymentOutcome onReturn(JourneyId journeyId) {
    return refresh(journeyId);
  }

  /**
   * Looks the journey's payment up and records what GOV.UK Pay says: the same as
   * {@link #onReturn}, for the reconciler, webhooks and host apps.
   *
   * @param journeyId the journey
   * @return where the payment stands
   */
  public PaymentOutcome refresh(JourneyId journeyId) {
    Journey j = load(journeyId);
    Optional<PayState> state = PayState.of(j);
    if (state.isEmpty()) {
      return new PaymentOutcome.NotStarted(j);
    }
    PayState s = state.get();
    if (PaymentStep.isPaid(s.status())) {
      return moveOn(journeyId);
    }
    if (s.status().equals(PayState.CREATING)) {
      if (j.status().isFinal() || !j.currentStep().equals(stepId)) {
        // Claimed, never created, and the journey has gone elsewhere: nothing to take.
        ledger.record(new PaymentLedger.Entry(s.key(), journeyId, s.attempt(), Optional.empty(), "abandoned",
            clock.instant()));
        return new PaymentOutcome.NotStarted(j);
      }
      // The attempt was claimed but its payment id never saved (a crash, a timeout): finish it,
      // with the same idempotency key, so that at most one payment exists for it.
      create(j, s);
      return refresh(journeyId);
    }
    Optional<Payment> found = pay.find(s.paymentId().orElseThrow());
    if (found.isEmpty()) {
      LOG.warn("GOV.UK Pay does not know payment {} of journey {}", s.paymentId().get(), j.reference());
      return new PaymentOutcome.Error(j, Optional.empty());
    }
    return apply(j, s, found.get());
  }

  private PaymentOutcome apply(Journey j, PayState s, Payment p) {
    String status = p.status().apiName();
    Instant now = clock.instant();
    Optional<String> next = p.status().isInProgress() ? p.nextUrl().map(URI::toString) : Optional.empty();
    boolean[] transitioned = {false};
    Journey saved = change(j.id(), cur -> {
      if (!cur.key().equals(s.key())) {
        return cur;
      }
      transitioned[0] = !cur.status().equals(status);
      return cur.withStatus(status, next, p.state().code(), Optional.of(p.provider()), now);
    });
    PaymentOutcome outcome;
    if (p.status() == PaymentStatus.SUCCESS || (p.status() == PaymentStatus.CAPTURABLE && delayedCapture)) {
      outcome = moveOn(j.id());
    } else if (p.status().isFinished() || p.status() == PaymentStatus.CAPTURABLE) {
      if (transitioned[0]) {
        // One rejected submission of the step per failed attempt: the failure count and a
        // validation_failed event, as for any page; only the instance that saw the change does it.
        journeys.submit(j.id(), stepId, Map.of(), GOV_UK_PAY, locale(s));
        saved = load(j.id());
        journeys.events().publish(new JourneyEvent.PaymentFailed(JourneyEvent.Subject.of(saved), now, stepId,
            p.state().code().filter(c -> c.matches("[A-Za-z0-9_]{1,40}")).orElse("unknown")));
      }
      outcome = failure(saved, p.state().failureReason(), p.status());
    } else {
      outcome = new PaymentOutcome.StillInProgress(saved, p.nextUrl());
    }
    ledger.record(new PaymentLedger.Entry(s.key(), j.id(), s.attempt(), Optional.of(p.paymentId()), status, now));
    return outcome;
  }

  private static PaymentOutcome failure(Journey j, Optional<PaymentFailureReason> reason, PaymentStatus status) {
    if (status == PaymentStatus.FAILED && reason.isPresent()) {
      switch (reason.get()) {
        case DECLINED:
          return new PaymentOutcome.Declined(j);
        case EXPIRED:
          return new PaymentOutcome.Expired(j);
        case CANCELLED_BY_USER:
          return new PaymentOutcome.CancelledByUser(j);
        default:
          break;
      }
    }
    return new PaymentOutcome.Error(j, reason);
  }

  private static Locale locale(PayState s) {
    return s.language().equals("cy") ? Locale.forLanguageTag("cy") : Locale.UK;
  }

  private static boolean isFailure(String status) {
    return status.equals("failed") || status.equals("cancelled") || status.equals("error");
  }

  /** Submits the payment step for a paid journey still on it; returns Paid with the journey as it now is. */
  private PaymentOutcome moveOn(JourneyId journeyId) {
    Journey j = load(journeyId);
    PayState s = PayState.of(j).orElseThrow();
    if (!j.status().isFinal() && j.currentStep().equals(stepId)) {
      SubmitResult r = journeys.submit(journeyId, stepId, Map.of(), GOV_UK_PAY, locale(s));
      j = r.journey();
    }
    return new PaymentOutcome.Paid(j, record(j, s));
  }

  // ---- capture, cancel, refund ---------------------------------------------------------------

  /**
   * Captures a payment taken with delayed capture, once the council accepts the application.
   *
   * @param journeyId the journey
   * @return the outcome after capture: {@link PaymentOutcome.Paid} with status {@code success}
   * @throws IllegalStateException if the journey's payment is not waiting for capture
   * @throws PaymentProviderException if GOV.UK Pay refuses or cannot be reached
   */
  public PaymentOutcome capture(JourneyId journeyId) {
    PayState s = waitingForCapture(journeyId);
    pay.capture(s.paymentId().orElseThrow());
    return afterCall(journeyId, s);
  }

  /**
   * Cancels a payment taken with delayed capture, when the council turns the application down:
   * the hold on the person's card is released and no money is taken.
   *
   * @param journeyId the journey
   * @return the outcome after cancelling
   * @throws IllegalStateException if the journey's payment is not waiting for capture
   * @throws PaymentProviderException if GOV.UK Pay refuses or cannot be reached
   */
  public PaymentOutcome cancelHeld(JourneyId journeyId) {
    PayState s = waitingForCapture(journeyId);
    pay.cancel(s.paymentId().orElseThrow());
    return afterCall(journeyId, s);
  }

  private PayState waitingForCapture(JourneyId journeyId) {
    Journey j = load(journeyId);
    PayState s = PayState.of(j).orElseThrow(() -> new IllegalStateException("journey " + j.reference()
        + " has no payment"));
    if (!s.status().equals("capturable") || s.paymentId().isEmpty()) {
      throw new IllegalStateException("journey " + j.reference() + "'s payment is " + s.status()
          + ", not waiting for capture");
    }
    return s;
  }

  private PaymentOutcome afterCall(JourneyId journeyId, PayState s) {
    Payment p = pay.find(s.paymentId().orElseThrow()).orElseThrow(() -> new IllegalStateException(
        "GOV.UK Pay no longer knows payment " + s.paymentId().get()));
    Instant now = clock.instant();
    Journey saved = change(journeyId, cur -> cur.key().equals(s.key())
        ? cur.withStatus(p.status().apiName(), Optional.empty(), p.state().code(), Optional.of(p.provider()), now) : cur);
    ledger.record(new PaymentLedger.Entry(s.key(), journeyId, s.attempt(), Optional.of(p.paymentId()),
        p.status().apiName(), now));
    PayState after = PayState.of(saved).orElseThrow();
    return PaymentStep.isPaid(after.status()) ? new PaymentOutcome.Paid(saved, record(saved, after))
        : failure(saved, p.state().failureReason(), p.status());
  }

  /**
   * Refunds all or part of a journey's payment, recorded on the journey with the adviser's id.
   *
   * @param journeyId the journey
   * @param amountPence how much to refund
   * @param adviser the adviser doing it ({@link Actor.Kind#ADVISER})
   * @return the refund, or why there was none
   * @throws IllegalArgumentException if the actor is not an adviser
   * @throws IllegalStateException if the journey has no successful payment
   * @throws PaymentProviderException if GOV.UK Pay refuses or cannot be reached
   */
  public RefundResult refund(JourneyId journeyId, long amountPence, Actor adviser) {
    if (adviser.kind() != Actor.Kind.ADVISER) {
      throw new IllegalArgumentException("only an adviser can refund, but the actor was " + adviser);
    }
    Journey j = load(journeyId);
    PayState s = PayState.of(j).filter(x -> x.status().equals("success") && x.paymentId().isPresent())
        .orElseThrow(() -> new IllegalStateException("journey " + j.reference() + " has no successful payment to refund"));
    Payment p = pay.find(s.paymentId().get()).orElseThrow(() -> new IllegalStateException(
        "GOV.UK Pay no longer knows payment " + s.paymentId().get()));
    long available = p.refundSummary().map(rs -> rs.amountAvailablePence()).orElse(0L);
    if (available < amountPence) {
      return new RefundResult.NotAvailable("P0603");
    }
    RefundResult r = pay.refund(p.paymentId(), amountPence, available);
    if (r instanceof RefundResult.Submitted sub) {
      Instant now = clock.instant();
      PayState.RefundEntry entry = new PayState.RefundEntry(sub.refund().refundId(), sub.refund().amountPence(),
          adviser.id().orElseThrow(), now, sub.refund().status().apiName());
      change(journeyId, cur -> cur.refunds().stream().anyMatch(x -> x.refundId().equals(entry.refundId())) ? cur
          : cur.withRefund(entry, now));
      LOG.info("refund {} of {}p on journey {} by adviser {}", entry.refundId(), entry.amountPence(), j.reference(),
          entry.adviser());
    }
    return r;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Journey load(JourneyId id) {
    return journeys.find(id).orElseThrow(() -> new JourneyNotFoundException(id));
  }

  /** Changes the payment state on the journey, retrying on conflicting saves. */
  private Journey change(JourneyId id, UnaryOperator<PayState> f) {
    for (int attempt = 1; ; attempt++) {
      try {
        return journeys.update(id, j -> PayState.of(j).map(s -> {
          PayState next = f.apply(s);
          return next == s ? j : next.applyTo(j);
        }).orElse(j));
      } catch (ProgressConflictException e) {
        if (attempt >= RETRIES) {
          throw e;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Payments[step=" + stepId + ", delayedCapture=" + delayedCapture + "]";
  }

  /** Configures {@link Payments}. */
  public static final class Builder {
    private Journeys journeys;
    private GovUkPay pay;
    private FeeRules fees;
    private PaymentStep step;
    private Function<Journey, String> description;
    private Function<Journey, Optional<String>> email = j -> Optional.empty();
    private PaymentLedger ledger = PaymentLedger.inMemory();
    private boolean delayedCapture;
    private Clock clock;

    private Builder() {}

    /**
     * The journey engine (required).
     *
     * @param value the engine
     * @return this builder
     */
    public Builder journeys(Journeys value) {
      this.journeys = Objects.requireNonNull(value, "journeys");
      return this;
    }

    /**
     * The GOV.UK Pay client (required).
     *
     * @param value the client
     * @return this builder
     */
    public Builder pay(GovUkPay value) {
      this.pay = Objects.requireNonNull(value, "pay");
      return this;
    }

    /**
     * The fee rules (required).
     *
     * @param value the rules
     * @return this builder
     */
    public Builder fees(FeeRules value) {
      this.fees = Objects.requireNonNull(value, "fees");
      return this;
    }

    /**
     * The payment step in the journey definition (required).
     *
     * @param value the step
     * @return this builder
     */
    public Builder step(PaymentStep value) {
      this.step = Objects.requireNonNull(value, "step");
      return this;
    }

    /**
     * What the person is paying for, shown on GOV.UK Pay's page (required).
     *
     * @param value the description for a journey, 1 to 255 characters
     * @return this builder
     */
    public Builder description(Function<Journey, String> value) {
      this.description = Objects.requireNonNull(value, "description");
      return this;
    }

    /**
     * The person's email address to pre-fill, from the journey (default none).
     *
     * @param value the address for a journey
     * @return this builder
     */
    public Builder email(Function<Journey, Optional<String>> value) {
      this.email = Objects.requireNonNull(value, "email");
      return this;
    }

    /**
     * Pre-fills the email address from a text answer.
     *
     * @param answerKey the answer holding the address
     * @return this builder
     */
    public Builder emailFromAnswer(String answerKey) {
      Objects.requireNonNull(answerKey, "answerKey");
      this.email = j -> j.answer(answerKey).map(a -> a.value()).filter(Value.Text.class::isInstance)
          .map(v -> ((Value.Text) v).value()).filter(e -> !e.isBlank() && e.length() <= 254);
      return this;
    }

    /**
     * Where payment attempts are indexed (default: in memory, for one instance). Use
     * {@link PaymentLedger#jdbc} when several instances run, or with the reconciler.
     *
     * @param value the ledger
     * @return this builder
     */
    public Builder ledger(PaymentLedger value) {
      this.ledger = Objects.requireNonNull(value, "ledger");
      return this;
    }

    /**
     * Delayed capture: the journey moves on once the card is authorised, and the money is taken
     * only when the council calls {@link Payments#capture} (or released by {@link Payments#cancelHeld}).
     *
     * @param value true for delayed capture (default false)
     * @return this builder
     */
    public Builder delayedCapture(boolean value) {
      this.delayedCapture = value;
      return this;
    }

    /**
     * The clock (default: the GOV.UK Pay client's).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds the payment step's engine.
     *
     * @return the engine
     * @throws IllegalStateException naming the first missing setting, or if the step is not in
     *     every definition the engine knows under its id
     */
    public Payments build() {
      if (journeys == null) {
        throw new IllegalStateException("payments need the journey engine: call journeys(...)");
      }
      if (pay == null) {
        throw new IllegalStateException("payments need a GOV.UK Pay client: call pay(...)");
      }
      if (fees == null) {
        throw new IllegalStateException("payments need fee rules: call fees(...)");
      }
      if (step == null) {
        throw new IllegalStateException("payments need the payment step: call step(...)");
      }
      if (description == null) {
        throw new IllegalStateException("payments need a description for GOV.UK Pay's page: call description(...)");
      }
      return new Payments(this);
    }
  }
}
