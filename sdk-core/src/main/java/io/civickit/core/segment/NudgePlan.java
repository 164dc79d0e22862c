package io.civickit.core.segment;

import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.core.event.JourneyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which nudges towards digital to show, per segment and step (and, for an experiment, per arm),
 * always together with the offline route: a nudge never hides the phone number or the other
 * ways to get help. The type makes that impossible to forget: {@link #forJourney} returns the
 * offline route with every set of nudges.
 *
 * <pre>{@code
 * NudgePlan nudges = NudgePlan.builder("Call 0300 123 4567, Monday to Friday, 9am to 5pm")
 *     .add("over-75-no-email", "*", Nudge.offerChat("Chat to an adviser now"))
 *     .add("*", "bank-details", Nudge.saveAndReturn("Save your answers and come back when you have your bank details"))
 *     .addForArm("chat-prompt", "offer-chat-early", "*", "address", Nudge.offerChat("Need help? Chat to us"))
 *     .build();
 * NudgePlan.Shown shown = nudges.forJourney(journey);
 * }</pre>
 */
public final class NudgePlan {
  /** Matches any segment or step. */
  public static final String ANY = "*";

  /**
   * One rule: show {@code nudge} to people in {@code segment} on {@code step} (either may be
   * {@link #ANY}), optionally only in one arm of an experiment.
   *
   * @param segment the segment, or {@link #ANY}; a rule for a named segment never matches a
   *     journey with no segment
   * @param step the step id, or {@link #ANY}
   * @param experiment the experiment's name, for a rule limited to one arm; empty otherwise
   * @param arm the arm's name; present exactly when {@code experiment} is
   * @param nudge the nudge to show
   */
  public record Rule(String segment, String step, Optional<String> experiment, Optional<String> arm, Nudge nudge) {
    /** Checks the fields. */
    public Rule {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(experiment, "experiment");
      Objects.requireNonNull(arm, "arm");
      Objects.requireNonNull(nudge, "nudge");
      if (experiment.isPresent() != arm.isPresent()) {
        throw new IllegalArgumentException("an experiment rule names both the experiment and the arm");
      }
    }

    boolean matches(Journey j) {
      if (!segment.equals(ANY) && !j.segment().map(segment::equals).orElse(false)) {
        return false;
      }
      if (!step.equals(ANY) && !step.equals(j.currentStep())) {
        return false;
      }
      if (experiment.isPresent()) {
        Value v = j.attributes().get(JourneyEvent.Subject.ARM_ATTRIBUTE_PREFIX + experiment.get());
        return v instanceof Value.Text t && t.value().equals(arm.get());
      }
      return true;
    }
  }

  /**
   * What to show on a page.
   *
   * @param nudges the nudges, in the order their rules were added, one per kind at most
   * @param offlineRoute how to get help off the digital service; always shown
   */
  public record Shown(List<Nudge> nudges, String offlineRoute) {
    /** Copies the nudges. */
    public Shown {
      nudges = List.copyOf(nudges);
      Objects.requireNonNull(offlineRoute, "offlineRoute");
    }
  }

  private final String offlineRoute;
  private final List<Rule> rules;

  private NudgePlan(Builder b) {
    this.offlineRoute = b.offlineRoute;
    this.rules = List.copyOf(b.rules);
  }

  /**
   * Starts a plan. The offline route is required, and shown with every set of nudges.
   *
   * @param offlineRoute how to get help off the digital service, for example the phone number and its hours
   */
  public static Builder builder(String offlineRoute) {
    return new Builder(offlineRoute);
  }

  /** The rules in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The nudges for a journey's segment, current step and arms, with the offline route. */
  public Shown forJourney(Journey journey) {
    List<Nudge> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.matches(journey) && out.stream().noneMatch(n -> n.kind() == r.nudge().kind())) {
        out.add(r.nudge());
      }
    }
    return new Shown(out, offlineRoute);
  }

  /** Builds a {@link NudgePlan}. */
  public static final class Builder {
    private final String offlineRoute;
    private final List<Rule> rules = new ArrayList<>();

    private Builder(String offlineRoute) {
      Objects.requireNonNull(offlineRoute, "offlineRoute");
      if (offlineRoute.isBlank()) {
        throw new IllegalArgumentException("nudges never hide the offline route: say how to get help offline");
      }
      this.offlineRoute = offlineRoute;
    }

    /** Shows {@code nudge} to {@code segment} on {@code step} ({@link #ANY} for all). */
    public Builder add(String segment, String step, Nudge nudge) {
      rules.add(new Rule(segment, step, Optional.empty(), Optional.empty(), nudge));
      return this;
    }

    /** Shows {@code nudge} only to journeys in {@code arm} of {@code experiment}. */
    public Builder addForArm(String experiment, String arm, String segment, String step, Nudge nudge) {
      rules.add(new Rule(segment, step, Optional.of(experiment), Optional.of(arm), nudge));
      return this;
    }

    /** Builds the plan. */
    public NudgePlan build() {
      return new NudgePlan(this);
    }
  }
}
