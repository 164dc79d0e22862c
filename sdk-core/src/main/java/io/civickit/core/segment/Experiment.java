package io.civickit.core.segment;

import io.civickit.core.Journey;
import io.civickit.core.JourneyClassifier;
import io.civickit.core.JourneyId;
import io.civickit.core.Value;
import io.civickit.core.condition.Condition;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.internal.crypto.Digests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment (an A/B test) that puts each journey in one arm, deterministically: the arm
 * comes from SHA-256 of the experiment name and the journey id, so the same journey always
 * gets the same arm on every app instance, with no state to store, and arms split in the
 * proportions of their weights.
 *
 * <pre>{@code
 * Experiment chatPrompt = Experiment.builder("chat-prompt")
 *     .arm("control", 50).arm("offer-chat-early", 50)
 *     .build();
 * String arm = chatPrompt.armFor(journey.id());
 * }</pre>
 *
 * <p>As a {@link JourneyClassifier} it records the arm as the journey attribute
 * {@code arm:<experiment>} (carried on every event, so KPIs can be split by arm) when the
 * journey starts, and never changes it. Changing the arms or their order reassigns people: start a new
 * experiment (a new name) instead.
 */
public final class Experiment implements JourneyClassifier {

  /**
   * An arm and its weight.
   *
   * @param name the arm's name: 1 to 63 lower-case letters, digits and hyphens, starting with a
   *     letter or digit
   * @param weight the arm's share of journeys relative to the other arms' weights, at least 1
   */
  public record Arm(String name, int weight) {
    /** Checks the fields. */
    public Arm {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalArgumentException("an arm name is 1 to 63 lower-case letters, digits and hyphens, but was \""
            + name + "\"");
      }
      if (weight < 1) {
        throw new IllegalArgumentException("arm \"" + name + "\" needs a weight of at least 1, but was " + weight);
      }
    }
  }

  private final String name;
  private final List<Arm> arms;
  private final long totalWeight;
  private final Optional<Condition> eligibility;
  private final Clock clock;

  private Experiment(Builder b) {
    this.name = b.name;
    this.arms = List.copyOf(b.arms);
    this.totalWeight = b.arms.stream().mapToLong(Arm::weight).sum();
    this.eligibility = b.eligibility;
    this.clock = b.clock;
  }

  /** Starts an experiment with a short, stable name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The experiment's name. */
  public String name() {
    return name;
  }

  /** The arms in order. */
  public List<Arm> arms() {
    return arms;
  }

  /** The journey attribute the arm is saved under: {@code arm:<name>}. */
  public String attribute() {
    return JourneyEvent.Subject.ARM_ATTRIBUTE_PREFIX + name;
  }

  /** The arm a journey is in, always the same for the same id. */
  public String armFor(JourneyId id) {
    long bucket = Long.remainderUnsigned(hash(name, id), totalWeight);
    long cumulative = 0;
    for (Arm a : arms) {
      cumulative += a.weight();
      if (bucket < cumulative) {
        return a.name();
      }
    }
    throw new IllegalStateException("unreachable: bucket " + bucket + " of " + totalWeight);
  }

  /** The first 64 bits of SHA-256(name + ":" + id), as an unsigned number. */
  static long hash(String experiment, JourneyId id) {
    byte[] d = Digests.sha256(experiment + ":" + id.value());
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[i] & 0xff);
    }
    return v;
  }

  /** The arm recorded on a journey, if it is in this experiment. */
  public Optional<String> armOf(Journey journey) {
    Value v = journey.attributes().get(attribute());
    return v instanceof Value.Text t ? Optional.of(t.value()) : Optional.empty();
  }

  @Override
  public Journey classify(Journey journey) {
    if (journey.attributes().containsKey(attribute()) || journey.version() != 0) {
      // Arms are decided once, when the journey starts, and never change.
      return journey;
    }
    if (eligibility.isPresent()
        && !eligibility.get().test(SegmentRules.context(journey, LocalDate.now(clock)))) {
      return journey;
    }
    return journey.toBuilder().attribute(attribute(), Value.text(armFor(journey.id()))).build();
  }

  /** The expected share of each arm: its weight over the total. */
  public Map<String, Double> shares() {
    Map<String, Double> out = new LinkedHashMap<>();
    arms.forEach(a -> out.put(a.name(), (double) a.weight() / totalWeight));
    return out;
  }

  @Override
  public String toString() {
    return "Experiment[" + name + ", " + arms + "]";
  }

  /** Builds an {@link Experiment}. */
  public static final class Builder {
    private final String name;
    private final List<Arm> arms = new ArrayList<>();
    private Optional<Condition> eligibility = Optional.empty();
    private Clock clock = Clock.systemUTC();

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[a-z0-9][a-z0-9-]{0,55}")) {
        throw new IllegalArgumentException("an experiment name is 1 to 56 lower-case letters, digits and hyphens, but was \""
            + name + "\"");
      }
      this.name = name;
    }

    /** Adds an arm with a weight: arms of weights 1 and 3 get a quarter and three quarters. */
    public Builder arm(String arm, int weight) {
      Arm a = new Arm(arm, weight);
      if (arms.stream().anyMatch(x -> x.name().equals(arm))) {
        throw new IllegalArgumentException("arm \"" + arm + "\" was added twice to experiment " + name);
      }
      arms.add(a);
      return this;
    }

    /**
     * Only journeys for which this condition holds when they start enter the experiment
     * (it sees start attributes and pre-filled answers)
     * (for example {@code "channel = 'ONLINE'"}); others get no arm.
     */
    public Builder when(String condition, Clock clock) {
      this.eligibility = Optional.of(Condition.parse(condition));
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the experiment.
     *
     * @throws IllegalStateException with fewer than two arms
     */
    public Experiment build() {
      if (arms.size() < 2) {
        throw new IllegalStateException("experiment " + name + " needs at least two arms, but has " + arms.size());
      }
      return new Experiment(this);
    }
  }
}
