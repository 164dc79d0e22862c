package io.civickit.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The saved state of one person doing one transaction. Immutable: the engine returns a new
 * {@code Journey} for every change, and stores save it against the {@link #version()} it was read at.
 *
 * @param id unguessable id (never shown to the person)
 * @param reference the human reference number
 * @param definitionId the journey definition (the service) this runs
 * @param definitionVersion the version of the definition the answers were given against
 * @param currentStep the step the person is on
 * @param answers answers so far, by answer key
 * @param drafts what was typed on pages that had errors, by step id then input name, to show again
 * @param history the steps passed through, oldest first, for "Back"
 * @param returnTo the step to go back to after changing an answer (check answers), if any
 * @param status where the journey is in its life
 * @param outcome how it ended, once completed
 * @param channel how it is being done
 * @param segment the segment the person was put in, if any
 * @param assuranceLevel how sure the service is of who the person is ({@code none} until checked)
 * @param attributes journey attributes the host app sets (visible to conditions as {@code journey.name})
 * @param failures failed submissions per step, for handoff after repeated failures
 * @param createdAt when it started
 * @param updatedAt when it last changed
 * @param version the store version this state was read at (0 before it is first saved)
 */
public record Journey(
    JourneyId id,
    Reference reference,
    String definitionId,
    int definitionVersion,
    String currentStep,
    Map<String, Answer> answers,
    Map<String, Map<String, List<String>>> drafts,
    List<String> history,
    Optional<String> returnTo,
    JourneyStatus status,
    Optional<Outcome> outcome,
    Channel channel,
    Optional<String> segment,
    String assuranceLevel,
    Map<String, Value> attributes,
    Map<String, Integer> failures,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Checks the components and takes unmodifiable copies of the maps and lists, keeping their order.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public Journey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(definitionId, "definitionId");
    Objects.requireNonNull(currentStep, "currentStep");
    answers = unmodifiable(answers);
    Map<String, Map<String, List<String>>> d = new LinkedHashMap<>();
    drafts.forEach((step, fields) -> {
      Map<String, List<String>> f = new LinkedHashMap<>();
      fields.forEach((k, v) -> f.put(k, List.copyOf(v)));
      d.put(step, Collections.unmodifiableMap(f));
    });
    drafts = Collections.unmodifiableMap(d);
    history = List.copyOf(history);
    Objects.requireNonNull(returnTo, "returnTo");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(assuranceLevel, "assuranceLevel");
    attributes = unmodifiable(attributes);
    failures = unmodifiable(failures);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must be at least 0, but was " + version);
    }
  }

  private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** The answer with this key. */
  public Optional<Answer> answer(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  /** The answer values by key, for conditions and previews. */
  public Map<String, Value> values() {
    Map<String, Value> out = new LinkedHashMap<>();
    answers.forEach((k, a) -> out.put(k, a.value()));
    return out;
  }

  /** A builder holding this journey's state, to change some of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    // Never prints answers or drafts: they are personal data.
    return "Journey[" + reference + ", " + definitionId + " v" + definitionVersion + ", step=" + currentStep
        + ", " + status + ", answers=" + answers.size() + ", version=" + version + "]";
  }

  /** Changes a copy of a journey. */
  public static final class Builder {
    private final Journey from;
    private String currentStep;
    private final Map<String, Answer> answers;
    private final Map<String, Map<String, List<String>>> drafts;
    private List<String> history;
    private Optional<String> returnTo;
    private JourneyStatus status;
    private Optional<Outcome> outcome;
    private Channel channel;
    private Optional<String> segment;
    private String assuranceLevel;
    private final Map<String, Value> attributes;
    private final Map<String, Integer> failures;
    private int definitionVersion;
    private Instant updatedAt;
    private long version;

    private Builder(Journey j) {
      this.from = j;
      this.currentStep = j.currentStep;
      this.answers = new LinkedHashMap<>(j.answers);
      this.drafts = new LinkedHashMap<>(j.drafts);
      this.history = j.history;
      this.returnTo = j.returnTo;
      this.status = j.status;
      this.outcome = j.outcome;
      this.channel = j.channel;
      this.segment = j.segment;
      this.assuranceLevel = j.assuranceLevel;
      this.attributes = new LinkedHashMap<>(j.attributes);
      this.failures = new LinkedHashMap<>(j.failures);
      this.definitionVersion = j.definitionVersion;
      this.updatedAt = j.updatedAt;
      this.version = j.version;
    }

    /**
     * The step the person is on.
     *
     * @param step the step's id
     * @return this builder
     */
    public Builder currentStep(String step) {
      this.currentStep = Objects.requireNonNull(step, "step");
      return this;
    }

    /**
     * Sets one answer, replacing any answer with the same key.
     *
     * @param key the answer key
     * @param answer the answer
     * @return this builder
     */
    public Builder answer(String key, Answer answer) {
      answers.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(answer, "answer"));
      return this;
    }

    /**
     * Drops one answer; nothing happens if there is no answer with this key.
     *
     * @param key the answer key
     * @return this builder
     */
    public Builder removeAnswer(String key) {
      answers.remove(key);
      return this;
    }

    /**
     * Replaces every answer.
     *
     * @param all the new answers, by key
     * @return this builder
     */
    public Builder answers(Map<String, Answer> all) {
      answers.clear();
      answers.putAll(all);
      return this;
    }

    /**
     * Keeps what was typed on a page that had errors, to show it again, replacing any earlier draft
     * for the step.
     *
     * @param step the step's id
     * @param input the submitted fields by name, each with every value sent
     * @return this builder
     */
    public Builder draft(String step, Map<String, List<String>> input) {
      drafts.put(step, input);
      return this;
    }

    /**
     * Drops the draft for a step, once it has been submitted without errors.
     *
     * @param step the step's id
     * @return this builder
     */
    public Builder clearDraft(String step) {
      drafts.remove(step);
      return this;
    }

    /**
     * Replaces the steps passed through.
     *
     * @param steps step ids, oldest first
     * @return this builder
     */
    public Builder history(List<String> steps) {
      this.history = List.copyOf(steps);
      return this;
    }

    /**
     * The step to go back to after changing an answer.
     *
     * @param step the step's id, or empty when the person is not changing an answer
     * @return this builder
     */
    public Builder returnTo(Optional<String> step) {
      this.returnTo = Objects.requireNonNull(step, "step");
      return this;
    }

    /**
     * Where the journey is in its life.
     *
     * @param s the status
     * @return this builder
     */
    public Builder status(JourneyStatus s) {
      this.status = Objects.requireNonNull(s, "status");
      return this;
    }

    /**
     * How the journey ended.
     *
     * @param o the outcome, or empty while it has not ended
     * @return this builder
     */
    public Builder outcome(Optional<Outcome> o) {
      this.outcome = Objects.requireNonNull(o, "outcome");
      return this;
    }

    /**
     * How the journey is being done.
     *
     * @param c the channel
     * @return this builder
     */
    public Builder channel(Channel c) {
      this.channel = Objects.requireNonNull(c, "channel");
      return this;
    }

    /**
     * The segment the person is in.
     *
     * @param s the segment, or empty for none
     * @return this builder
     */
    public Builder segment(Optional<String> s) {
      this.segment = Objects.requireNonNull(s, "segment");
      return this;
    }

    /**
     * How sure the service is of who the person is.
     *
     * @param level the assurance level, {@code none} until checked
     * @return this builder
     */
    public Builder assuranceLevel(String level) {
      this.assuranceLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets one journey attribute, replacing any with the same name. Conditions see it as
     * {@code journey.<name>}.
     *
     * @param name the attribute's name
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String name, Value value) {
      attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the count of failed submissions in a row on a step.
     *
     * @param step the step's id
     * @param count the count; 0 removes the step's entry
     * @return this builder
     */
    public Builder failures(String step, int count) {
      if (count == 0) {
        failures.remove(step);
      } else {
        failures.put(step, count);
      }
      return this;
    }

    /**
     * The version of the definition the answers were given against, after moving the journey to a
     * new version.
     *
     * @param v the definition version
     * @return this builder
     */
    public Builder definitionVersion(int v) {
      this.definitionVersion = v;
      return this;
    }

    /**
     * When the journey last changed.
     *
     * @param at the time
     * @return this builder
     */
    public Builder updatedAt(Instant at) {
      this.updatedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * The store version. Stores set this when they save; host apps leave it alone.
     *
     * @param v the version, at least 0
     * @return this builder
     */
    public Builder version(long v) {
      this.version = v;
      return this;
    }

    /**
     * A new journey with the changes. The id, reference, definition id and creation time always
     * come from the journey the builder started from.
     *
     * @return the changed journey
     * @throws NullPointerException if a draft or the history holds null
     * @throws IllegalArgumentException if the version set is negative
     */
    public Journey build() {
      return new Journey(from.id, from.reference, from.definitionId, definitionVersion, currentStep, answers,
          drafts, history, returnTo, status, outcome, channel, segment, assuranceLevel, attributes, failures,
          from.createdAt, updatedAt, version);
    }
  }
}
