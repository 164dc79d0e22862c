package io.civickit.core.segment;

import io.civickit.core.Journey;
import io.civickit.core.JourneyClassifier;
import io.civickit.core.Value;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.core.condition.ConditionSyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Segment rules: conditions over journey attributes and answers, tried in order; the first that
 * holds names the person's segment, which is saved on the journey and carried on every event.
 *
 * <pre>{@code
 * SegmentRules segments = SegmentRules.builder().clock(clock)
 *     .rule("over-75-no-email", "date_of_birth <= today - 75 years and not email is answered")
 *     .rule("landlord", "journey.account_type = 'landlord'")
 *     .otherwise("everyone")
 *     .build();
 * Journeys.builder().classifier(segments.and(experiment))...
 * }</pre>
 *
 * <p>The rules run when a journey starts and after every accepted step, so a segment that
 * depends on an answer is set as soon as the answer is given. When no rule holds and there is
 * no {@code otherwise}, the journey keeps the segment it had (for example one the host app set
 * at start).
 */
public final class SegmentRules implements JourneyClassifier {

  /**
   * One rule: a segment name and the condition that puts a person in it.
   *
   * @param segment the segment's name, saved on the journey
   * @param condition when the person is in the segment
   */
  public record Rule(String segment, Condition condition) {
    /** Checks the fields. */
    public Rule {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(condition, "condition");
    }
  }

  private final List<Rule> rules;
  private final Optional<String> otherwise;
  private final Clock clock;

  private SegmentRules(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.otherwise = b.otherwise;
    this.clock = b.clock;
  }

  /**
   * Starts a rule list, with the system clock (UTC) until {@link Builder#clock} says otherwise.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(Clock.systemUTC());
  }

  /**
   * Starts a rule list with a clock.
   *
   * @param clock gives {@code today} in conditions
   * @return the builder
   * @deprecated use {@code builder().clock(clock)}: the clock is an optional setting everywhere
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** The rules in the order they are tried. */
  public List<Rule> rules() {
    return rules;
  }

  /** The segment of the first rule that holds for this journey, or the fallback. */
  public Optional<String> segmentOf(Journey journey) {
    ConditionContext ctx = context(journey, LocalDate.now(clock));
    for (Rule r : rules) {
      if (r.condition().test(ctx)) {
        return Optional.of(r.segment());
      }
    }
    return otherwise;
  }

  @Override
  public Journey classify(Journey journey) {
    Optional<String> segment = segmentOf(journey);
    if (segment.isEmpty() || segment.equals(journey.segment())) {
      return journey;
    }
    return journey.toBuilder().segment(segment).build();
  }

  /** The same context the journey engine gives routing conditions. */
  static ConditionContext context(Journey j, LocalDate today) {
    Map<String, Value> attributes = new LinkedHashMap<>(j.attributes());
    attributes.put("channel", Value.text(j.channel().name()));
    j.segment().ifPresent(s -> attributes.put("segment", Value.text(s)));
    attributes.put("assurance", Value.text(j.assuranceLevel()));
    attributes.put("status", Value.text(j.status().name()));
    return ConditionContext.of(j.values(), attributes, today);
  }

  /** Runs this classifier, then {@code next} (for example experiments). */
  public JourneyClassifier and(JourneyClassifier next) {
    Objects.requireNonNull(next, "next");
    return j -> next.classify(classify(j));
  }

  @Override
  public String toString() {
    return "SegmentRules" + rules.stream().map(Rule::segment).toList() + otherwise.map(o -> " otherwise " + o).orElse("");
  }

  /** Builds {@link SegmentRules}. */
  public static final class Builder {
    private Clock clock;
    private final List<Rule> rules = new ArrayList<>();
    private Optional<String> otherwise = Optional.empty();

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The clock that gives {@code today} in conditions (the system clock, UTC, unless set): give
     * the journey engine's clock, so tests can move both.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a rule, tried after those added before it.
     *
     * @throws IllegalArgumentException if the segment name is not a short slug, is used twice,
     *     or the condition does not parse (the message says where)
     */
    public Builder rule(String segment, String condition) {
      checkName(segment);
      if (rules.stream().anyMatch(r -> r.segment().equals(segment))) {
        throw new IllegalArgumentException("segment \"" + segment + "\" has two rules: combine them with \"or\"");
      }
      try {
        rules.add(new Rule(segment, Condition.parse(condition)));
      } catch (ConditionSyntaxException e) {
        throw new IllegalArgumentException("the rule for segment \"" + segment + "\" has a bad condition: "
            + e.getMessage(), e);
      }
      return this;
    }

    /** The segment for people no rule matches. */
    public Builder otherwise(String segment) {
      checkName(segment);
      this.otherwise = Optional.of(segment);
      return this;
    }

    private static void checkName(String segment) {
      Objects.requireNonNull(segment, "segment");
      if (!segment.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalArgumentException("a segment name is 1 to 64 lower-case letters, digits and hyphens"
            + " (it is a low-cardinality metric tag), but was \"" + segment + "\"");
      }
    }

    /** Builds the rules. */
    public SegmentRules build() {
      return new SegmentRules(this);
    }
  }
}
