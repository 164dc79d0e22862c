package io.civickit.core;

import io.civickit.core.condition.ConditionContext;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.DuplicateJourneyException;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.ResumeTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The journey engine: start a journey, submit its pages, go back, change an answer from check
 * answers, save and resume. Every change is saved through the {@link ProgressStore} and
 * published as a {@link JourneyEvent}. Thread-safe; share one instance per application.
 *
 * <pre>{@code
 * Journeys journeys = Journeys.builder()
 *     .definition(gardenWaste)
 *     .store(ProgressStore.jdbc(dataSource, keyRing))
 *     .tokens(ResumeTokenStore.jdbc(dataSource))
 *     .events(EventSink.slf4j())
 *     .build();
 * Journey j = journeys.start("garden-waste");
 * SubmitResult r = journeys.submit(j.id(), "address", input, Actor.citizen(), Locale.UK);
 * }</pre>
 */
// Over 500 lines and kept whole: the engine's entry point; start, submit, navigation and save and
// resume all run the same load, apply, save-with-version and emit-events cycle held here, while
// routing (JourneyDefinition) and storage (ProgressStore) are already elsewhere.
public final class Journeys {
  /** Purpose of the tokens issued by save-and-return. */
  public static final String SAVE_AND_RETURN = "save-and-return";

  private static final int CONFLICT_RETRIES = 3;

  private final Map<String, NavigableMap<Integer, JourneyDefinition>> definitions;
  private final ProgressStore store;
  private final Optional<ResumeTokens> tokens;
  private final EventSink events;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration retention;
  private final JourneyClassifier classifier;

  private Journeys(Builder b) {
    Map<String, NavigableMap<Integer, JourneyDefinition>> defs = new LinkedHashMap<>();
    b.definitions.forEach((id, versions) -> defs.put(id, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(versions))));
    this.definitions = java.util.Collections.unmodifiableMap(defs);
    this.store = b.store;
    this.clock = b.clock;
    this.tokens = b.tokenStore == null ? Optional.empty() : Optional.of(new ResumeTokens(b.tokenStore, b.clock, b.tokenTtl));
    this.events = b.events;
    this.random = b.random;
    this.retention = b.retention;
    this.classifier = b.classifier;
  }

  /** Starts configuring an engine. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- look-ups ------------------------------------------------------------------------------

  /** The newest version of a definition. */
  public JourneyDefinition definition(String definitionId) {
    NavigableMap<Integer, JourneyDefinition> versions = definitions.get(definitionId);
    if (versions == null) {
      throw new IllegalArgumentException("no journey definition \"" + definitionId + "\"; known: " + definitions.keySet());
    }
    return versions.lastEntry().getValue();
  }

  /** The definition a journey runs on (the newest version: journeys are moved onto it when loaded). */
  public JourneyDefinition definitionOf(Journey journey) {
    return definition(journey.definitionId());
  }

  /** The engine's clock. */
  public Clock clock() {
    return clock;
  }

  /** Where this engine publishes events, for modules that add their own (handoff, KPIs). */
  public EventSink events() {
    return events;
  }

  /** The resume tokens, if configured. */
  public Optional<ResumeTokens> tokens() {
    return tokens;
  }

  /**
   * The journey with this id, moved onto the newest version of its definition if it was saved
   * under an older one (answers that no longer fit are dropped; see {@link #migrate}).
   */
  public Optional<Journey> find(JourneyId id) {
    return store.find(id).map(this::upToDate);
  }

  /** The journey with this reference number. */
  public Optional<Journey> findByReference(Reference reference) {
    return store.findByReference(reference).map(this::upToDate);
  }

  private Journey load(JourneyId id) {
    return find(id).orElseThrow(() -> new JourneyNotFoundException(id));
  }

  private Journey upToDate(Journey j) {
    JourneyDefinition newest = definition(j.definitionId());
    if (j.definitionVersion() == newest.version() || j.status().isFinal()) {
      return j;
    }
    Journey migrated = migrate(j, newest);
    try {
      return store.save(migrated);
    } catch (ProgressConflictException e) {
      return store.find(j.id()).map(this::upToDate).orElseThrow(() -> new JourneyNotFoundException(j.id()));
    }
  }

  /**
   * Moves a journey onto another version of its definition: answers that some step still owns
   * and that still fit are kept, the rest dropped, and the person goes to the first step on the
   * route that now needs an answer.
   */
  public Journey migrate(Journey j, JourneyDefinition target) {
    Map<String, Answer> kept = new LinkedHashMap<>();
    for (Step step : target.steps()) {
      for (String key : step.answerKeys()) {
        Answer a = j.answers().get(key);
        if (a != null && step.fits(key, a)) {
          kept.put(key, a);
        }
      }
    }
    Journey base = j.toBuilder().answers(kept).definitionVersion(target.version()).returnTo(Optional.empty()).build();
    List<String> route = walk(base, target, target.firstStep().id(), Optional.empty());
    String current = route.get(route.size() - 1);
    Journey.Builder b = base.toBuilder().currentStep(current).history(route.subList(0, route.size() - 1));
    for (String draftStep : j.drafts().keySet()) {
      if (target.step(draftStep).isEmpty()) {
        b.clearDraft(draftStep);
      }
    }
    return b.build();
  }

  /**
   * The steps on the person's route: from the first step, following the routing, through every
   * step their answers satisfy, ending at the first step that needs them (or an end step).
   * Check-your-answers shows the questions of these steps.
   */
  public List<String> route(Journey journey) {
    JourneyDefinition def = definitionOf(journey);
    return walk(journey, def, def.firstStep().id(), Optional.empty());
  }

  /** Walks from {@code from} through satisfied steps; stops at the first unsatisfied one, an end, or {@code stopAt}. */
  private List<String> walk(Journey j, JourneyDefinition def, String from, Optional<String> stopAt) {
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    ConditionContext ctx = context(j);
    String at = from;
    while (true) {
      path.add(at);
      if (!seen.add(at)) {
        path.remove(path.size() - 1);
        return path;
      }
      if (stopAt.isPresent() && stopAt.get().equals(at)) {
        return path;
      }
      Step step = def.step(at).orElseThrow();
      if (def.endOutcome(at).isPresent() || !step.isSatisfiedBy(j)) {
        return path;
      }
      Optional<String> next = def.nextStep(at, ctx);
      if (next.isEmpty()) {
        return path;
      }
      at = next.get();
    }
  }

  /** The condition context of a journey: its answers, attributes and today's date by the engine clock. */
  public ConditionContext context(Journey j) {
    Map<String, Value> attributes = new LinkedHashMap<>(j.attributes());
    attributes.put("channel", Value.text(j.channel().name()));
    j.segment().ifPresent(s -> attributes.put("segment", Value.text(s)));
    attributes.put("assurance", Value.text(j.assuranceLevel()));
    attributes.put("status", Value.text(j.status().name()));
    return ConditionContext.of(j.values(), attributes, LocalDate.now(clock));
  }

  // ---- start ---------------------------------------------------------------------------------

  /** Starts a journey online, by the person. */
  public Journey start(String definitionId) {
    return start(definitionId, StartOptions.defaults());
  }

  /** Starts a journey. */
  public Journey start(String definitionId, StartOptions options) {
    JourneyDefinition def = definition(definitionId);
    Instant now = clock.instant();
    for (int attempt = 0; ; attempt++) {
      Journey j = new Journey(JourneyId.random(random), Reference.random(random), def.id(), def.version(),
          def.firstStep().id(), options.prefill(), Map.of(), List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS,
          Optional.empty(), options.channel(), options.segment(), "none", options.attributes(), Map.of(), now, now, 0);
      j = classifier.classify(j);
      try {
        Journey saved = store.save(j);
        events.publish(new JourneyEvent.Started(JourneyEvent.Subject.of(saved), now, options.actor()));
        return saved;
      } catch (DuplicateJourneyException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  // ---- submit --------------------------------------------------------------------------------

  /**
   * Submits a page. Retries by itself when another request saved the journey first, re-running
   * the submission against the newer state (so a double click cannot submit twice).
   *
   * @throws JourneyNotFoundException if there is no such journey
   */
  public SubmitResult submit(JourneyId id, String stepId, Map<String, List<String>> input, Actor actor, Locale locale) {
    for (int attempt = 1; ; attempt++) {
      try {
        return submitOnce(load(id), stepId, input, actor, locale);
      } catch (ProgressConflictException e) {
        if (attempt >= CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  private SubmitResult submitOnce(Journey j, String stepId, Map<String, List<String>> input, Actor actor,
      Locale locale) {
    JourneyDefinition def = definitionOf(j);
    if (j.status().isFinal()) {
      return new SubmitResult.NotAvailable(j, "the journey is " + j.status().name().toLowerCase(Locale.ROOT));
    }
    Optional<Step> maybeStep = def.step(stepId);
    if (maybeStep.isEmpty() || def.endOutcome(stepId).isPresent()) {
      return new SubmitResult.NotAvailable(j, "\"" + stepId + "\" is not a step that can be submitted");
    }
    List<String> history = new ArrayList<>(j.history());
    if (!stepId.equals(j.currentStep())) {
      int at = history.lastIndexOf(stepId);
      if (at < 0) {
        return new SubmitResult.NotAvailable(j, "\"" + stepId + "\" is not on the route yet");
      }
      // An earlier page, reached with the browser's back button: carry on from there.
      history = new ArrayList<>(history.subList(0, at));
    }
    Step step = maybeStep.get();
    Instant now = clock.instant();
    StepResult result = step.submit(new StepSubmission(j, input, actor, locale, now));
    Journey.Builder b = j.toBuilder().updatedAt(now);
    if (j.status() == JourneyStatus.SAVED || j.status() == JourneyStatus.HANDED_OFF) {
      b.status(JourneyStatus.IN_PROGRESS);
    }
    if (actor.kind() == Actor.Kind.ADVISER && j.channel() == Channel.ONLINE) {
      b.channel(Channel.ASSISTED_DIGITAL);
    }
    if (result instanceof StepResult.Rejected rejected) {
      int failures = j.failures().getOrDefault(stepId, 0) + 1;
      Journey saved = store.save(b.draft(stepId, input).failures(stepId, failures).build());
      events.publish(new JourneyEvent.ValidationFailed(JourneyEvent.Subject.of(saved), now, stepId,
          rejected.errors().stream().map(FieldError::field).distinct().toList(), failures));
      return new SubmitResult.Invalid(saved, rejected.errors(), failures);
    }
    if (result instanceof StepResult.NeedsHandoff h) {
      return new SubmitResult.HandoffNeeded(j, h.reason(), h.detail());
    }
    StepResult.Accepted accepted = (StepResult.Accepted) result;
    accepted.cleared().forEach(b::removeAnswer);
    accepted.answers().forEach(b::answer);
    accepted.assuranceLevel().ifPresent(b::assuranceLevel);
    b.clearDraft(stepId).failures(stepId, 0);
    history.add(stepId);
    Journey answered = b.history(history).build();

    ConditionContext ctx = context(answered);
    String next = def.nextStep(stepId, ctx).orElse(stepId);
    Optional<String> returnTo = answered.returnTo();
    if (returnTo.isPresent()) {
      List<String> ahead = walk(answered, def, next, returnTo);
      String stop = ahead.get(ahead.size() - 1);
      List<String> h2 = new ArrayList<>(history);
      h2.addAll(ahead.subList(0, ahead.size() - 1));
      answered = answered.toBuilder().history(h2)
          .returnTo(stop.equals(returnTo.get()) ? Optional.empty() : returnTo).build();
      next = stop;
    }
    Journey moved = classifier.classify(answered.toBuilder().currentStep(next).build());
    Optional<Outcome> outcome = def.endOutcome(next);
    if (outcome.isPresent()) {
      moved = dropOffRoute(moved.toBuilder().status(JourneyStatus.COMPLETED).outcome(outcome).build(), def);
    }
    Journey saved = store.save(moved);
    events.publish(new JourneyEvent.StepCompleted(JourneyEvent.Subject.of(saved), now, stepId, actor));
    if (outcome.isPresent()) {
      events.publish(new JourneyEvent.Completed(JourneyEvent.Subject.of(saved), now, outcome.get(), actor));
      tokens.ifPresent(t -> t.revokeAll(saved.id()));
      return new SubmitResult.Completed(saved, outcome.get());
    }
    return new SubmitResult.Moved(saved);
  }

  /** On completion, answers to questions off the final route are not kept: data minimisation. */
  private Journey dropOffRoute(Journey j, JourneyDefinition def) {
    Set<String> onRoute = new HashSet<>();
    for (String s : j.history()) {
      def.step(s).ifPresent(step -> onRoute.addAll(step.answerKeys()));
    }
    Set<String> owned = new HashSet<>();
    def.steps().forEach(s -> owned.addAll(s.answerKeys()));
    Map<String, Answer> kept = new LinkedHashMap<>();
    j.answers().forEach((k, a) -> {
      if (onRoute.contains(k) || !owned.contains(k)) {
        kept.put(k, a);
      }
    });
    return j.toBuilder().answers(kept).build();
  }

  // ---- navigation ----------------------------------------------------------------------------

  /** Goes back one step (the GOV.UK "Back" link). At the first step, nothing changes. */
  public Journey back(JourneyId id) {
    return update(id, j -> {
      if (j.history().isEmpty() || j.status().isFinal()) {
        return j;
      }
      List<String> h = j.history();
      return j.toBuilder().currentStep(h.get(h.size() - 1)).history(h.subList(0, h.size() - 1)).build();
    });
  }

  /**
   * Opens a step to change its answer (a "Change" link on check your answers). After it is
   * submitted the person returns to {@code returnTo}, first answering any question the change
   * has made necessary.
   */
  public Journey change(JourneyId id, String stepId, String returnTo) {
    return update(id, j -> {
      JourneyDefinition def = definitionOf(j);
      if (j.status().isFinal()) {
        return j;
      }
      if (!j.history().contains(stepId) || def.step(returnTo).isEmpty()) {
        throw new IllegalArgumentException("step \"" + stepId + "\" is not on journey " + j.reference()
            + "'s route, so it cannot be changed");
      }
      List<String> h = j.history();
      return j.toBuilder().currentStep(stepId).history(h.subList(0, h.lastIndexOf(stepId)))
          .returnTo(Optional.of(returnTo)).build();
    });
  }

  /**
   * Loads a journey, changes it and saves it, in one optimistic step: for modules that add
   * state (handoff, segments, identity) and for host apps.
   *
   * @throws ProgressConflictException if it was saved by someone else in between
   */
  public Journey update(JourneyId id, UnaryOperator<Journey> change) {
    Journey before = load(id);
    Journey after = change.apply(before);
    if (after.equals(before)) {
      return before;
    }
    if (!after.id().equals(before.id()) || after.version() != before.version()) {
      throw new IllegalArgumentException("an update must not change the journey's id or version");
    }
    return store.save(after.toBuilder().updatedAt(clock.instant()).build());
  }

  // ---- save and resume -----------------------------------------------------------------------

  /**
   * The person chose "Save and come back later": marks the journey saved and issues a
   * save-and-return token (superseding earlier ones) for a magic link.
   *
   * @throws IllegalStateException if no token store was configured
   */
  public ResumeTokens.IssuedToken saveForLater(JourneyId id) {
    ResumeTokens t = tokens.orElseThrow(() -> new IllegalStateException(
        "save and return needs a token store: configure Journeys.builder().tokens(...)"));
    Journey saved = update(id, j -> j.status().isFinal() ? j : j.toBuilder().status(JourneyStatus.SAVED).build());
    if (saved.status().isFinal()) {
      throw new IllegalStateException("journey " + saved.reference() + " is " + saved.status() + " and cannot be saved");
    }
    events.publish(new JourneyEvent.Saved(JourneyEvent.Subject.of(saved), clock.instant(), saved.currentStep()));
    return t.issue(id, SAVE_AND_RETURN);
  }

  /** Issues a resume token for another purpose (for example {@code handback} from an agent). */
  public ResumeTokens.IssuedToken issueToken(JourneyId id, String purpose) {
    ResumeTokens t = tokens.orElseThrow(() -> new IllegalStateException(
        "resume tokens need a token store: configure Journeys.builder().tokens(...)"));
    load(id);
    return t.issue(id, purpose);
  }

  /** What following a resume link found. */
  public sealed interface ResumeResult {
    /**
     * Resumed: show {@code journey().currentStep()}.
     *
     * @param journey the journey, as saved after resuming it
     */
    record Resumed(Journey journey) implements ResumeResult {}

    /** The link expired: offer to send a new one. */
    record Expired() implements ResumeResult {}

    /** A newer link was sent: ask the person to use the latest email. */
    record Superseded() implements ResumeResult {}

    /**
     * The journey was already submitted or withdrawn.
     *
     * @param journey the finished journey, to show its reference and outcome
     */
    record AlreadyFinished(Journey journey) implements ResumeResult {}

    /** Not a link we issued, or the journey has been purged. */
    record Unknown() implements ResumeResult {}
  }

  /** Follows a resume link's token. */
  public ResumeResult resume(String token) {
    ResumeTokens t = tokens.orElseThrow(() -> new IllegalStateException(
        "resume links need a token store: configure Journeys.builder().tokens(...)"));
    ResumeTokens.Redemption r = t.redeem(token);
    if (r instanceof ResumeTokens.Redemption.Expired) {
      return new ResumeResult.Expired();
    }
    if (r instanceof ResumeTokens.Redemption.Superseded) {
      return new ResumeResult.Superseded();
    }
    if (r instanceof ResumeTokens.Redemption.Revoked rv) {
      return find(rv.journeyId()).<ResumeResult>map(ResumeResult.AlreadyFinished::new).orElse(new ResumeResult.Unknown());
    }
    if (r instanceof ResumeTokens.Redemption.Valid v) {
      Optional<Journey> j = find(v.journeyId());
      if (j.isEmpty()) {
        return new ResumeResult.Unknown();
      }
      if (j.get().status().isFinal()) {
        return new ResumeResult.AlreadyFinished(j.get());
      }
      return new ResumeResult.Resumed(resume(j.get().id()));
    }
    return new ResumeResult.Unknown();
  }

  /**
   * Resumes a journey the caller has already authorised (for example by reference number and a
   * passcode through sdk-identity): marks it in progress and publishes a resumed event.
   */
  public Journey resume(JourneyId id) {
    Journey j = update(id, x -> x.status() == JourneyStatus.SAVED || x.status() == JourneyStatus.HANDED_OFF
        ? x.toBuilder().status(JourneyStatus.IN_PROGRESS).build() : x);
    events.publish(new JourneyEvent.Resumed(JourneyEvent.Subject.of(j), clock.instant(), j.currentStep()));
    return j;
  }

  /** The person or host app gives up on a journey. */
  public Journey abandon(JourneyId id) {
    Journey j = update(id, x -> x.status().isFinal() ? x : x.toBuilder().status(JourneyStatus.ABANDONED).build());
    events.publish(new JourneyEvent.Abandoned(JourneyEvent.Subject.of(j), clock.instant(), j.currentStep()));
    tokens.ifPresent(t -> t.revokeAll(id));
    return j;
  }

  /**
   * Deletes journeys not saved for longer than the retention period (28 days by default),
   * publishing an expired event for each that was not finished. Run it daily.
   *
   * @return how many journeys were deleted
   */
  public int purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    int purged = 0;
    while (true) {
      List<JourneyId> batch = store.findNotUpdatedSince(cutoff, 500);
      if (batch.isEmpty()) {
        return purged;
      }
      for (JourneyId id : batch) {
        Optional<Journey> j = store.find(id);
        if (store.delete(id)) {
          purged++;
          tokens.ifPresent(t -> t.revokeAll(id));
          j.filter(x -> !x.status().isFinal()).ifPresent(x -> events.publish(
              new JourneyEvent.Expired(JourneyEvent.Subject.of(x), clock.instant(), x.currentStep())));
        }
      }
      if (batch.size() < 500) {
        return purged;
      }
    }
  }

  /** Configures {@link Journeys}. */
  public static final class Builder {
    private final Map<String, Map<Integer, JourneyDefinition>> definitions = new LinkedHashMap<>();
    private ProgressStore store;
    private ResumeTokenStore tokenStore;
    private Duration tokenTtl = ResumeTokens.DEFAULT_TTL;
    private EventSink events = EventSink.none();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private Duration retention = Duration.ofDays(28);
    private JourneyClassifier classifier = JourneyClassifier.none();

    private Builder() {}

    /** Adds a definition; add several versions of one to move saved journeys onto the newest. */
    public Builder definition(JourneyDefinition definition) {
      Map<Integer, JourneyDefinition> versions = definitions.computeIfAbsent(definition.id(), k -> new TreeMap<>());
      if (versions.putIfAbsent(definition.version(), definition) != null) {
        throw new IllegalArgumentException("definition " + definition.id() + " version " + definition.version()
            + " was added twice");
      }
      return this;
    }

    /** Where journeys are saved (required). */
    public Builder store(ProgressStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where resume tokens are kept; without it, save-and-return links are off. */
    public Builder tokens(ResumeTokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** How long a resume link works (default 7 days). */
    public Builder tokenLifetime(Duration ttl) {
      this.tokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** Where events go (default: nowhere). */
    public Builder events(EventSink events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** The clock for timestamps, expiry and {@code today} in conditions. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Randomness for ids and reference numbers (default {@link SecureRandom}; tests may seed one). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** How long an untouched journey is kept before {@link #purgeExpired()} deletes it (default 28 days). */
    public Builder retention(Duration retention) {
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive, but was " + retention);
      }
      this.retention = retention;
      return this;
    }

    /** Segment rules and experiments (see {@link JourneyClassifier}). */
    public Builder classifier(JourneyClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException if no store or no definition was given
     */
    public Journeys build() {
      if (store == null) {
        throw new IllegalStateException("a journey engine needs a store: call store(ProgressStore...)");
      }
      if (definitions.isEmpty()) {
        throw new IllegalStateException("a journey engine needs at least one definition");
      }
      return new Journeys(this);
    }
  }
}
