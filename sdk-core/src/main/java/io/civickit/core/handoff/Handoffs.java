package io.civickit.core.handoff;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyNotFoundException;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.Step;
import io.civickit.core.SubmitResult;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.handoff.internal.AnswerText;
import io.civickit.core.progress.ResumeTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Hands stuck journeys to people and back: the entry point of channel handoff.
 *
 * <pre>{@code
 * Handoffs handoffs = Handoffs.builder(journeys, router)
 *     .store(HandoffStore.jdbc(dataSource))
 *     .redact("bank-account-number", "sort-code")
 *     .continueOnlineLink(URI.create("https://apply.example.gov.uk/garden-waste/continue"))
 *     .build();
 *
 * SubmitResult r = journeys.submit(id, step, input, Actor.citizen(), Locale.UK);
 * Optional<HandoffOutcome> handoff = handoffs.afterSubmit(r, Optional.empty());  // 3 failures in a row, identity failed
 * HandoffOutcome help = handoffs.getHelp(id, Optional.of(ContactPreference.phone("01632 960001")));
 * show(help.whatHappensNext());
 * }</pre>
 *
 * <p>Triggers: an explicit "Get help" ({@link #getHelp}), {@link #failuresBeforeHandoff()} failed
 * submissions of the same step in a row, a step that says it needs a person (an identity check
 * that failed), and an error the host app reports ({@link #reportError}). An adviser then
 * {@link #accept accepts} the handoff, may {@link #submitOnBehalf complete steps on the
 * person's behalf} (assisted digital, recorded with their staff id), and either
 * {@link #resolve resolves} it, {@link #completeOffline completes it offline}, or
 * {@link #handBack hands it back} with a "continue online" link.
 */
// Over 500 lines and kept whole: it is the one entry point of handoff, and its three sections
// (triggers, handing off, the adviser's side) are short methods over the same journeys, router and
// store; routing, storage and channels already live in their own classes.
public final class Handoffs {
  /** Purpose of the resume token put in the context package's resume link. */
  public static final String HANDOFF_PURPOSE = "handoff";
  /** Purpose of the resume token issued when an adviser hands a journey back. */
  public static final String HANDBACK_PURPOSE = "handback";

  private static final int MAX_ANSWER_CHARS = 1_000;
  private static final int MAX_DETAIL_CHARS = 500;

  private final Journeys journeys;
  private final HandoffRouter router;
  private final HandoffStore store;
  private final Set<String> sensitive;
  private final Optional<URI> continueOnlineBase;
  private final int failuresBeforeHandoff;
  private final Function<Journey, String> unavailableMessage;
  private final Clock clock;
  private final RandomGenerator random;

  private Handoffs(Builder b) {
    this.journeys = b.journeys;
    this.router = b.router;
    this.store = b.store;
    this.sensitive = Set.copyOf(b.sensitive);
    this.continueOnlineBase = b.continueOnlineBase;
    this.failuresBeforeHandoff = b.failuresBeforeHandoff;
    this.unavailableMessage = b.unavailableMessage;
    this.clock = journeys.clock();
    this.random = b.random;
  }

  /** Starts configuring handoff for a journey engine, routing with {@code router}. */
  public static Builder builder(Journeys journeys, HandoffRouter router) {
    return new Builder(journeys, router);
  }

  /** How many failed submissions of the same step in a row trigger a handoff. */
  public int failuresBeforeHandoff() {
    return failuresBeforeHandoff;
  }

  /** Where handoffs are kept. */
  public HandoffStore store() {
    return store;
  }

  // ---- triggers ------------------------------------------------------------------------------

  /**
   * Whether a submission should trigger a handoff: the step said the person needs a person
   * (for example an identity check that failed), or the same step has now failed
   * {@link #failuresBeforeHandoff()} times in a row.
   */
  public Optional<HandoffReason> trigger(SubmitResult result) {
    if (result instanceof SubmitResult.HandoffNeeded h) {
      return Optional.of(h.reason());
    }
    if (result instanceof SubmitResult.Invalid i && i.failuresOnStep() >= failuresBeforeHandoff) {
      return Optional.of(HandoffReason.REPEATED_VALIDATION_FAILURES);
    }
    return Optional.empty();
  }

  /** Hands the journey off if {@link #trigger} says so; otherwise empty. */
  public Optional<HandoffOutcome> afterSubmit(SubmitResult result, Optional<ContactPreference> contact) {
    Optional<HandoffReason> reason = trigger(result);
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    String detail;
    if (result instanceof SubmitResult.HandoffNeeded h) {
      detail = h.detail();
    } else {
      detail = ((SubmitResult.Invalid) result).failuresOnStep() + " failed attempts at step \""
          + result.journey().currentStep() + "\"";
    }
    return Optional.of(handOff(result.journey().id(), reason.get(), detail, contact));
  }

  /** The person chose "Get help" on a page. */
  public HandoffOutcome getHelp(JourneyId id, Optional<ContactPreference> contact) {
    return handOff(id, HandoffReason.ASKED_FOR_HELP, "the person asked for help", contact);
  }

  /**
   * The host app hit an error it cannot recover from (a payment provider down, a back-office
   * system refusing the case): hand the person to someone rather than show an error page.
   *
   * @param detail what went wrong, for the adviser; no personal data
   */
  public HandoffOutcome reportError(JourneyId id, String detail, Optional<ContactPreference> contact) {
    return handOff(id, HandoffReason.TECHNICAL_FAULT, detail, contact);
  }

  // ---- handing off ---------------------------------------------------------------------------

  /**
   * Hands a journey to the first channel on its route that accepts, marks the journey handed
   * off, and publishes a handed-off event. If the journey already has an open handoff, that one
   * is returned instead ({@link HandoffOutcome#repeated()}).
   *
   * @param detail a short explanation for the adviser, without personal data
   * @throws JourneyNotFoundException if there is no such journey
   * @throws IllegalStateException if the journey is already completed, abandoned or expired
   */
  public HandoffOutcome handOff(JourneyId id, HandoffReason reason, String detail, Optional<ContactPreference> contact) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(contact, "contact");
    Journey journey = journeys.find(id).orElseThrow(() -> new JourneyNotFoundException(id));
    if (journey.status().isFinal()) {
      throw new IllegalStateException("journey " + journey.reference() + " is " + journey.status()
          + " and cannot be handed off");
    }
    for (Handoff open : store.findByJourney(id)) {
      if (open.status().isOpen()) {
        HandoffResult again = new HandoffResult.Accepted(open.channel(), open.whatHappensNext(), open.expectedBy(),
            open.externalReference(), Optional.empty());
        return new HandoffOutcome(open, again, List.of(), true);
      }
    }
    HandoffId handoffId = HandoffId.random(random);
    Optional<URI> link = Optional.empty();
    if (continueOnlineBase.isPresent() && journeys.tokens().isPresent()) {
      link = Optional.of(journeys.issueToken(id, HANDOFF_PURPOSE).link(continueOnlineBase.get()));
    }
    HandoffRequest request = build(journey, handoffId, reason, detail, contact, link);
    HandoffRouter.Routed routed = router.route(request);
    Instant now = clock.instant();
    String channel = "none";
    String next = unavailableMessage.apply(journey);
    Optional<Instant> expectedBy = Optional.empty();
    Optional<String> external = Optional.empty();
    if (routed.result() instanceof HandoffResult.Accepted a) {
      channel = a.channel();
      next = a.whatHappensNext();
      expectedBy = a.expectedBy();
      external = a.externalReference();
    }
    Handoff saved = store.save(new Handoff(handoffId, id, journey.reference(), journey.definitionId(),
        journey.currentStep(), reason, journey.segment(), channel, HandoffStatus.REQUESTED, Optional.empty(), external,
        next, expectedBy, now, now, 0));
    String stuck = journey.currentStep();
    Journey handed = markHandedOff(id, stuck);
    journeys.events().publish(new JourneyEvent.HandedOff(JourneyEvent.Subject.of(handed), now, stuck, reason, channel));
    return new HandoffOutcome(saved, routed.result(), routed.attempts(), false);
  }

  /** Marks the journey handed off, retrying if another request saved it in between. */
  private Journey markHandedOff(JourneyId id, String stuck) {
    for (int attempt = 1; ; attempt++) {
      try {
        return journeys.update(id, j -> j.status().isFinal() ? j
            : j.toBuilder().status(JourneyStatus.HANDED_OFF).failures(stuck, 0).build());
      } catch (io.civickit.core.progress.ProgressConflictException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  /**
   * The context package for a journey, built from its saved state on the server, without
   * handing it off: for a chat widget that opens the conversation itself and needs a signed
   * context ({@link HandoffContextSigner}). No resume link is issued.
   */
  public HandoffRequest context(JourneyId id, HandoffReason reason, String detail, Optional<ContactPreference> contact) {
    Journey journey = journeys.find(id).orElseThrow(() -> new JourneyNotFoundException(id));
    return build(journey, HandoffId.random(random), reason, detail, contact, Optional.empty());
  }

  /**
   * The context package of an existing handoff, from the journey as it is now: what an adviser
   * sees when they pick it up.
   */
  public Optional<HandoffRequest> context(HandoffId id) {
    return store.find(id).flatMap(h -> journeys.find(h.journeyId()).map(j -> build(j, h.id(), h.reason(),
        "handed off at step \"" + h.stuckStep() + "\"", Optional.empty(), Optional.empty())));
  }

  private HandoffRequest build(Journey journey, HandoffId handoffId, HandoffReason reason, String detail,
      Optional<ContactPreference> contact, Optional<URI> link) {
    Set<String> redactKeys = new LinkedHashSet<>(sensitive);
    JourneyDefinition def = journeys.definitionOf(journey);
    for (Step s : def.steps()) {
      redactKeys.addAll(s.sensitiveAnswerKeys());
    }
    Map<String, String> answers = new LinkedHashMap<>();
    Set<String> redacted = new LinkedHashSet<>();
    for (Map.Entry<String, Answer> e : journey.answers().entrySet()) {
      if (redactKeys.contains(e.getKey())) {
        answers.put(e.getKey(), HandoffRequest.REDACTED);
        redacted.add(e.getKey());
      } else {
        answers.put(e.getKey(), truncate(AnswerText.of(e.getValue()), MAX_ANSWER_CHARS));
      }
    }
    String d = truncate(detail, MAX_DETAIL_CHARS);
    HandoffRequest r = new HandoffRequest(handoffId, journey.id(), journey.reference(), journey.definitionId(),
        journey.currentStep(), reason, d, answers, redacted, 0, journey.segment(), journey.channel(), contact, link,
        clock.instant());
    // Keep the package under the size chat platforms allow: drop the latest answers first.
    List<String> keys = List.copyOf(answers.keySet());
    int omitted = 0;
    while (r.toJson().getBytes(StandardCharsets.UTF_8).length > HandoffRequest.MAX_JSON_BYTES && omitted < keys.size()) {
      omitted++;
      String drop = keys.get(keys.size() - omitted);
      answers.remove(drop);
      redacted.remove(drop);
      r = new HandoffRequest(handoffId, journey.id(), journey.reference(), journey.definitionId(), journey.currentStep(),
          reason, d, answers, redacted, omitted, journey.segment(), journey.channel(), contact, link, r.requestedAt());
    }
    return r;
  }

  private static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }

  // ---- the adviser's side --------------------------------------------------------------------

  /** The handoff with this id. */
  public Optional<Handoff> find(HandoffId id) {
    return store.find(id);
  }

  /** Handoffs waiting for an adviser, oldest first. */
  public List<Handoff> waiting(int limit) {
    return store.findByStatus(HandoffStatus.REQUESTED, limit);
  }

  /** The journey behind a handoff, as it is now. */
  public Optional<Journey> journey(HandoffId id) {
    return store.find(id).flatMap(h -> journeys.find(h.journeyId()));
  }

  /**
   * An adviser picks a handoff up. Only one adviser can: a second gets
   * {@link HandoffTransition.NotAllowed}.
   *
   * @throws IllegalArgumentException if {@code agent} is not an adviser
   */
  public HandoffTransition accept(HandoffId id, Actor agent) {
    requireAdviser(agent);
    return transition(id, agent, h -> h.status() == HandoffStatus.REQUESTED ? null
        : h.status() == HandoffStatus.ACCEPTED ? "already picked up by another adviser" : "already " + describe(h.status()),
        HandoffStatus.ACCEPTED);
  }

  /**
   * The adviser completes a step on the person's behalf (assisted digital). The answers and the
   * step-completed event record the adviser's id, and the journey counts as assisted digital.
   * If this completes the journey, the handoff is resolved.
   *
   * @return the engine's result; {@link SubmitResult.NotAvailable} if this adviser has not
   *     accepted the handoff
   * @throws IllegalArgumentException if there is no such handoff or {@code agent} is not an adviser
   */
  public SubmitResult submitOnBehalf(HandoffId id, String stepId, Map<String, List<String>> input, Actor agent,
      Locale locale) {
    requireAdviser(agent);
    Handoff h = store.find(id).orElseThrow(() -> new IllegalArgumentException("no handoff " + id));
    if (h.status() != HandoffStatus.ACCEPTED || !h.agentId().equals(agent.id())) {
      Journey j = journeys.find(h.journeyId()).orElseThrow(() -> new JourneyNotFoundException(h.journeyId()));
      return new SubmitResult.NotAvailable(j, "handoff " + id + " is not accepted by " + agent);
    }
    SubmitResult r = journeys.submit(h.journeyId(), stepId, input, agent, locale);
    if (r instanceof SubmitResult.Completed) {
      resolve(id, agent);
    }
    return r;
  }

  /** The adviser dealt with the person's need; the journey is left as it is. */
  public HandoffTransition resolve(HandoffId id, Actor agent) {
    requireAdviser(agent);
    return transition(id, agent, h -> h.status().isOpen() ? null : "already " + describe(h.status()),
        HandoffStatus.RESOLVED);
  }

  /**
   * The adviser completed the transaction off the digital service (on the phone, on paper):
   * the journey is completed on that channel with that outcome, which KPIs count as a
   * completed, non-digital transaction, and the handoff is resolved.
   *
   * @throws IllegalArgumentException if {@code channel} is a digital channel (use {@link #submitOnBehalf})
   */
  public HandoffTransition completeOffline(HandoffId id, Actor agent, Channel channel, Outcome outcome) {
    requireAdviser(agent);
    Objects.requireNonNull(outcome, "outcome");
    if (channel.isDigital()) {
      throw new IllegalArgumentException(channel + " is digital: complete the steps with submitOnBehalf instead");
    }
    Optional<Handoff> found = store.find(id);
    if (found.isEmpty()) {
      return new HandoffTransition.NotFound(id);
    }
    if (!found.get().status().isOpen()) {
      return new HandoffTransition.NotAllowed(found.get(), "already " + describe(found.get().status()));
    }
    Instant now = clock.instant();
    Journey done = journeys.update(found.get().journeyId(), j -> j.status().isFinal() ? j
        : j.toBuilder().status(JourneyStatus.COMPLETED).outcome(Optional.of(outcome)).channel(channel).build());
    if (done.status() == JourneyStatus.COMPLETED && done.outcome().equals(Optional.of(outcome))) {
      journeys.events().publish(new JourneyEvent.Completed(JourneyEvent.Subject.of(done), now, outcome, agent));
      journeys.tokens().ifPresent(t -> t.revokeAll(done.id()));
    }
    return resolve(id, agent);
  }

  /**
   * The adviser hands the journey back for the person to finish online: a resume token is
   * issued (purpose {@value #HANDBACK_PURPOSE}) whose link returns the person to the step they
   * were on, answers intact. Send the link to the person (sdk-notify's {@code Notifier}) or read
   * it to them.
   *
   * @throws IllegalStateException if the engine has no token store
   */
  public HandoffTransition handBack(HandoffId id, Actor agent) {
    requireAdviser(agent);
    if (journeys.tokens().isEmpty()) {
      throw new IllegalStateException("handing back needs resume tokens: configure Journeys.builder().tokens(...)");
    }
    HandoffTransition t = transition(id, agent, h -> h.status().isOpen() ? null : "already " + describe(h.status()),
        HandoffStatus.HANDED_BACK);
    if (!(t instanceof HandoffTransition.Done done)) {
      return t;
    }
    ResumeTokens.IssuedToken token = journeys.issueToken(done.handoff().journeyId(), HANDBACK_PURPOSE);
    return new HandoffTransition.Done(done.handoff(), Optional.of(token), continueOnlineBase.map(token::link));
  }

  private HandoffTransition transition(HandoffId id, Actor agent, Function<Handoff, String> refusal,
      HandoffStatus to) {
    Optional<Handoff> found = store.find(id);
    if (found.isEmpty()) {
      return new HandoffTransition.NotFound(id);
    }
    Handoff h = found.get();
    String why = refusal.apply(h);
    if (why != null) {
      return new HandoffTransition.NotAllowed(h, why);
    }
    Instant now = clock.instant();
    Optional<String> agentId = to == HandoffStatus.ACCEPTED || h.agentId().isEmpty() ? agent.id() : h.agentId();
    Handoff saved;
    try {
      saved = store.save(h.with(to, agentId, now));
    } catch (HandoffConflictException e) {
      Handoff current = store.find(id).orElse(h);
      return new HandoffTransition.NotAllowed(current, "changed by someone else just now: it is " + describe(current.status()));
    }
    Optional<Journey> journey = journeys.find(h.journeyId());
    if (journey.isPresent()) {
      JourneyEvent.Subject subject = JourneyEvent.Subject.of(journey.get());
      String step = journey.get().currentStep();
      if (to == HandoffStatus.ACCEPTED) {
        journeys.events().publish(new JourneyEvent.HandoffAccepted(subject, now, step, agent));
      } else if (to == HandoffStatus.RESOLVED) {
        journeys.events().publish(new JourneyEvent.HandoffResolved(subject, now, step, agent));
      } else if (to == HandoffStatus.HANDED_BACK) {
        journeys.events().publish(new JourneyEvent.HandedBack(subject, now, step, agent));
      }
    }
    return new HandoffTransition.Done(saved, Optional.empty(), Optional.empty());
  }

  private static String describe(HandoffStatus s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static void requireAdviser(Actor agent) {
    Objects.requireNonNull(agent, "agent");
    if (agent.kind() != Actor.Kind.ADVISER) {
      throw new IllegalArgumentException("only an adviser can act on a handoff, but the actor was " + agent);
    }
  }

  /** Configures {@link Handoffs}. */
  public static final class Builder {
    private final Journeys journeys;
    private final HandoffRouter router;
    private HandoffStore store = HandoffStore.inMemory();
    private final Set<String> sensitive = new LinkedHashSet<>();
    private Optional<URI> continueOnlineBase = Optional.empty();
    private int failuresBeforeHandoff = 3;
    private Function<Journey, String> unavailableMessage = j -> "We could not pass your request to an adviser just now."
        + " Your answers are saved. Contact us and quote your reference " + j.reference().value() + ".";
    private RandomGenerator random = new SecureRandom();

    private Builder(Journeys journeys, HandoffRouter router) {
      this.journeys = Objects.requireNonNull(journeys, "journeys");
      this.router = Objects.requireNonNull(router, "router");
    }

    /** Where handoffs are kept (default: in memory). */
    public Builder store(HandoffStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Answer keys redacted from context packages, on top of those steps mark sensitive. */
    public Builder redact(String... answerKeys) {
      sensitive.addAll(List.of(answerKeys));
      return this;
    }

    /**
     * The page that redeems resume tokens ({@code ?token=} is added). With it, the context
     * package carries a "continue online" link and hand backs return one.
     */
    public Builder continueOnlineLink(URI base) {
      this.continueOnlineBase = Optional.of(Objects.requireNonNull(base, "base"));
      return this;
    }

    /** Failed submissions of the same step in a row that trigger a handoff (default 3). */
    public Builder failuresBeforeHandoff(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("failuresBeforeHandoff must be at least 1, but was " + n);
      }
      this.failuresBeforeHandoff = n;
      return this;
    }

    /** What to tell the person when no channel accepts (the default quotes their reference). */
    public Builder unavailableMessage(Function<Journey, String> message) {
      this.unavailableMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /** Randomness for handoff ids (default {@link SecureRandom}). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Builds it. */
    public Handoffs build() {
      return new Handoffs(this);
    }
  }
}
