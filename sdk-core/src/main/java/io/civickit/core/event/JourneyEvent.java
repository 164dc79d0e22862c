package io.civickit.core.event;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Something that happened to a journey. Events never carry answers or personal data: only ids,
 * step ids, outcomes, reasons and who acted (the person, or an adviser's staff id).
 */
public sealed interface JourneyEvent {

  /** The journey the event is about, as it was when the event happened. */
  Subject subject();

  /** When it happened, by the engine's clock. */
  Instant at();

  /** A short, stable name for the event type, as stored and exported: {@code started}, {@code completed}... */
  default String type() {
    return JourneyEvents.typeName(this);
  }

  /**
   * The journey an event is about.
   *
   * @param journeyId the journey's id
   * @param definitionId the service
   * @param definitionVersion the version of the service's definition
   * @param channel the channel the journey is on
   * @param segment the person's segment, if assigned
   * @param arms experiment arms the journey is in, by experiment name
   */
  record Subject(JourneyId journeyId, String definitionId, int definitionVersion, Channel channel,
      Optional<String> segment, Map<String, String> arms) {
    /**
     * Checks the components and takes a copy of the arms, sorted by experiment name.
     *
     * @throws NullPointerException if any component other than {@code definitionVersion} is null
     */
    public Subject {
      Objects.requireNonNull(journeyId, "journeyId");
      Objects.requireNonNull(definitionId, "definitionId");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(segment, "segment");
      arms = java.util.Collections.unmodifiableMap(new TreeMap<>(arms));
    }

    /** Journey attributes named {@code arm:<experiment>} hold the experiment arms. */
    public static final String ARM_ATTRIBUTE_PREFIX = "arm:";

    /** The subject for a journey as it is now. */
    public static Subject of(Journey j) {
      Map<String, String> arms = new TreeMap<>();
      j.attributes().forEach((k, v) -> {
        if (k.startsWith(ARM_ATTRIBUTE_PREFIX) && v instanceof Value.Text t) {
          arms.put(k.substring(ARM_ATTRIBUTE_PREFIX.length()), t.value());
        }
      });
      return new Subject(j.id(), j.definitionId(), j.definitionVersion(), j.channel(), j.segment(), arms);
    }
  }

  /**
   * A journey started (a resume is not a start).
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param actor who started it
   */
  record Started(Subject subject, Instant at, Actor actor) implements JourneyEvent {}

  /**
   * A step was submitted and accepted.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step that was submitted
   * @param actor who submitted it
   */
  record StepCompleted(Subject subject, Instant at, String stepId, Actor actor) implements JourneyEvent {}

  /**
   * A step was submitted with errors; {@code fields} names the inputs in error, never what was typed.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step that was submitted
   * @param fields the ids of the inputs in error, each once, in the order of the errors
   * @param failuresOnStep how many times in a row this step has now failed, counting this one
   */
  record ValidationFailed(Subject subject, Instant at, String stepId, List<String> fields, int failuresOnStep)
      implements JourneyEvent {
    /**
     * Takes an unmodifiable copy of the fields.
     *
     * @throws NullPointerException if {@code fields} is null or holds null
     */
    public ValidationFailed {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The person chose to save and come back later.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the journey was saved on
   */
  record Saved(Subject subject, Instant at, String stepId) implements JourneyEvent {}

  /**
   * A saved or handed-back journey was resumed.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the journey resumed on
   */
  record Resumed(Subject subject, Instant at, String stepId) implements JourneyEvent {}

  /**
   * The journey was handed to an assisted channel.
   *
   * @param subject the journey, as it was after being marked handed off
   * @param at when it happened, by the engine's clock
   * @param stepId the step the person was on when it was handed off
   * @param reason why it was handed off
   * @param handoffChannel the name of the channel that took the handoff, or {@code none} when no
   *     channel accepted it
   */
  record HandedOff(Subject subject, Instant at, String stepId, HandoffReason reason, String handoffChannel)
      implements JourneyEvent {}

  /**
   * An adviser picked up a handed-off journey ({@code agent} is the adviser).
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the journey is on
   * @param agent the adviser who picked it up
   */
  record HandoffAccepted(Subject subject, Instant at, String stepId, Actor agent) implements JourneyEvent {}

  /**
   * An adviser resolved a handoff without handing the journey back online.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the journey is on
   * @param agent the adviser who resolved it
   */
  record HandoffResolved(Subject subject, Instant at, String stepId, Actor agent) implements JourneyEvent {}

  /**
   * An agent handed the journey back for the person to continue online.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the person will continue from
   * @param agent the adviser who handed it back
   */
  record HandedBack(Subject subject, Instant at, String stepId, Actor agent) implements JourneyEvent {}

  /**
   * The transaction completed: the service did what it should.
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param outcome how it ended
   * @param actor who completed it: the person, an adviser, or the system that recorded it
   */
  record Completed(Subject subject, Instant at, Outcome outcome, Actor actor) implements JourneyEvent {}

  /**
   * The journey was given up (by the person or the host app).
   *
   * @param subject the journey
   * @param at when it happened, by the engine's clock
   * @param stepId the step the journey was on
   */
  record Abandoned(Subject subject, Instant at, String stepId) implements JourneyEvent {}

  /**
   * The journey was left past its retention period and purged.
   *
   * @param subject the journey, as it was before it was purged
   * @param at when it was purged, by the engine's clock
   * @param stepId the step the journey was left on
   */
  record Expired(Subject subject, Instant at, String stepId) implements JourneyEvent {}

  /**
   * A payment attempt failed: declined, timed out, cancelled by the person, or an error at the
   * payment provider. No money was taken. Counted in cost per transaction when
   * {@code UnitCosts} gives a cost per failed payment.
   *
   * @param subject the journey
   * @param at when the failure was recorded, by the engine's clock
   * @param stepId the payment step
   * @param code the provider's failure code (GOV.UK Pay's {@code P0010}...), or {@code unknown}:
   *     1 to 40 letters, digits and underscores
   */
  record PaymentFailed(Subject subject, Instant at, String stepId, String code) implements JourneyEvent {
    /**
     * Checks the code, which is stored and exported, so it can hold no personal data.
     *
     * @throws IllegalArgumentException if the code is not 1 to 40 letters, digits and underscores
     */
    public PaymentFailed {
      Objects.requireNonNull(stepId, "stepId");
      if (code == null || !code.matches("[A-Za-z0-9_]{1,40}")) {
        throw new IllegalArgumentException("a payment failure code is 1 to 40 letters, digits and underscores, but was "
            + (code == null ? "null" : "\"" + (code.length() > 40 ? code.substring(0, 40) + "..." : code) + "\""));
      }
    }
  }
}
