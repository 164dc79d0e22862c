package io.civickit.core;

import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.core.condition.ConditionSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's journey: its steps, and the routing between them as data.
 *
 * <pre>{@code
 * JourneyDefinition garden = JourneyDefinition.builder("garden-waste", 3)
 *     .step(addressPage).step(eligibilityPage).step(notEligible).step(checkAnswers).step(confirmation)
 *     .route("eligibility", "lives_in_area = false", "not-eligible")
 *     .next("eligibility", "check-answers")
 *     .end("not-eligible", Outcome.INELIGIBLE)
 *     .end("confirmation", Outcome.SUCCESS)
 *     .build();
 * }</pre>
 *
 * <p>After a step, the routes from it are tried in the order given; the first whose condition
 * holds wins. With none, the journey goes to the step named by {@code next}, or else to the
 * step added after it. Reaching an {@code end} step completes the journey with its outcome.
 */
public final class JourneyDefinition {

  /**
   * A conditional route from one step to another.
   *
   * @param from the step the route leaves
   * @param condition when to take it, tested against the journey after {@code from} is accepted
   * @param to the step it goes to
   */
  public record Route(String from, Condition condition, String to) {
    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is null
     */
    public Route {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(to, "to");
    }
  }

  private final String id;
  private final int version;
  private final Map<String, Step> steps;
  private final List<String> order;
  private final Map<String, List<Route>> routes;
  private final Map<String, String> next;
  private final Map<String, Outcome> ends;

  private JourneyDefinition(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.steps = Collections.unmodifiableMap(new LinkedHashMap<>(b.steps));
    this.order = List.copyOf(b.steps.keySet());
    Map<String, List<Route>> r = new LinkedHashMap<>();
    b.routes.forEach(route -> r.computeIfAbsent(route.from(), k -> new ArrayList<>()).add(route));
    r.replaceAll((k, v) -> List.copyOf(v));
    this.routes = Collections.unmodifiableMap(r);
    this.next = Map.copyOf(b.next);
    this.ends = Map.copyOf(b.ends);
  }

  /** Starts a definition with its id (a short slug, such as {@code garden-waste}) and version (from 1). */
  public static Builder builder(String id, int version) {
    return new Builder(id, version);
  }

  /**
   * The definition's id, a short slug such as {@code garden-waste}; journeys name their service by it.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The definition's version, from 1. Saved journeys record the version their answers were given
   * against.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /** The first step. */
  public Step firstStep() {
    return steps.get(order.get(0));
  }

  /** The step with this id. */
  public Optional<Step> step(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  /** All steps, in the order they were added. */
  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  /** The routes out of a step, in the order they are tried. */
  public List<Route> routesFrom(String stepId) {
    return routes.getOrDefault(stepId, List.of());
  }

  /** Where a step goes when no route matches: its {@code next}, or the step after it; empty for an end step. */
  public Optional<String> defaultNext(String stepId) {
    if (ends.containsKey(stepId)) {
      return Optional.empty();
    }
    String n = next.get(stepId);
    if (n != null) {
      return Optional.of(n);
    }
    int i = order.indexOf(stepId);
    return i >= 0 && i + 1 < order.size() ? Optional.of(order.get(i + 1)) : Optional.empty();
  }

  /** The outcome a step ends the journey with, if it is an end step. */
  public Optional<Outcome> endOutcome(String stepId) {
    return Optional.ofNullable(ends.get(stepId));
  }

  /** Where the journey goes after a step, given its answers: empty after an end step. */
  public Optional<String> nextStep(String stepId, ConditionContext context) {
    for (Route r : routesFrom(stepId)) {
      if (r.condition().test(context)) {
        return Optional.of(r.to());
      }
    }
    return defaultNext(stepId);
  }

  @Override
  public String toString() {
    return "JourneyDefinition[" + id + " v" + version + ", " + order.size() + " steps]";
  }

  /** Builds a {@link JourneyDefinition}; {@link #build()} checks that every route leads somewhere. */
  public static final class Builder {
    private final String id;
    private final int version;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, String> next = new LinkedHashMap<>();
    private final Map<String, Outcome> ends = new LinkedHashMap<>();

    private Builder(String id, int version) {
      Objects.requireNonNull(id, "id");
      if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalArgumentException(
            "a definition id is 1 to 63 lower-case letters, digits and hyphens, but was \"" + id + "\"");
      }
      if (version < 1) {
        throw new IllegalArgumentException("a definition version starts at 1, but was " + version);
      }
      this.id = id;
      this.version = version;
    }

    /** Adds a step; steps follow one another in the order added unless routed otherwise. */
    public Builder step(Step step) {
      Objects.requireNonNull(step, "step");
      String sid = step.id();
      if (sid == null || !sid.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,62}")) {
        throw new IllegalArgumentException(
            "a step id is 1 to 63 letters, digits, hyphens and underscores, but was \"" + sid + "\"");
      }
      if (steps.putIfAbsent(sid, step) != null) {
        throw new IllegalArgumentException("step \"" + sid + "\" was added twice to " + id);
      }
      return this;
    }

    /**
     * Adds a conditional route.
     *
     * @throws IllegalArgumentException if the condition does not parse (the message says where)
     */
    public Builder route(String from, String condition, String to) {
      Condition parsed;
      try {
        parsed = Condition.parse(condition);
      } catch (ConditionSyntaxException e) {
        throw new IllegalArgumentException("the route from \"" + from + "\" to \"" + to + "\" has a bad condition: "
            + e.getMessage(), e);
      }
      routes.add(new Route(from, parsed, to));
      return this;
    }

    /** Sets where a step goes when none of its routes match. */
    public Builder next(String from, String to) {
      if (next.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")) != null) {
        throw new IllegalArgumentException("next step of \"" + from + "\" was set twice");
      }
      return this;
    }

    /** Marks a step as an end: reaching it completes the journey with the outcome. */
    public Builder end(String stepId, Outcome outcome) {
      if (ends.put(Objects.requireNonNull(stepId, "stepId"), Objects.requireNonNull(outcome, "outcome")) != null) {
        throw new IllegalArgumentException("step \"" + stepId + "\" was made an end twice");
      }
      return this;
    }

    /**
     * Checks the definition and builds it.
     *
     * @throws IllegalArgumentException naming the first problem: no steps, a route to or from an
     *     unknown step, an end that is not a step, or a step with nowhere to go
     */
    public JourneyDefinition build() {
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("definition " + id + " has no steps");
      }
      for (Route r : routes) {
        requireStep(r.from(), "a route starts at");
        requireStep(r.to(), "a route from \"" + r.from() + "\" goes to");
        if (ends.containsKey(r.from())) {
          throw new IllegalArgumentException("end step \"" + r.from() + "\" cannot have routes");
        }
      }
      next.forEach((from, to) -> {
        requireStep(from, "next is set for");
        requireStep(to, "\"" + from + "\" goes next to");
      });
      ends.keySet().forEach(e -> requireStep(e, "an end is declared for"));
      if (ends.isEmpty()) {
        throw new IllegalArgumentException("definition " + id + " has no end step: mark at least one with end(...)");
      }
      List<String> order = List.copyOf(steps.keySet());
      for (int i = 0; i < order.size(); i++) {
        String s = order.get(i);
        if (!ends.containsKey(s) && !next.containsKey(s) && i == order.size() - 1) {
          throw new IllegalArgumentException("step \"" + s + "\" is last but is not an end and has no next step");
        }
      }
      return new JourneyDefinition(this);
    }

    private void requireStep(String stepId, String what) {
      if (!steps.containsKey(stepId)) {
        throw new IllegalArgumentException(what + " unknown step \"" + stepId + "\" in " + id);
      }
    }
  }
}
