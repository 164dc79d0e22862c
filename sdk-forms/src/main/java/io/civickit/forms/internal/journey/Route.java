package io.civickit.forms.internal.journey;

import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Step;
import io.civickit.core.condition.ConditionContext;
import io.civickit.forms.Form;
import io.civickit.forms.FormJourney;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person's route through a form, worked out as the journey engine does: from the first page,
 * following the routing, through every page their answers complete, to the first page that
 * needs them (or check answers, or an end).
 *
 * @param steps the step ids, in order; the last is where the person is needed next
 * @param complete whether the last step is check answers or an end (nothing more to ask)
 */
public record Route(List<String> steps, boolean complete) {

  /** Copies the list. */
  public Route {
    steps = List.copyOf(steps);
  }

  /**
   * Walks a journey's route.
   *
   * @param form the form
   * @param journey the journey
   * @param clock the clock for "today"
   * @return the route
   */
  public static Route of(Form form, Journey journey, Clock clock) {
    JourneyDefinition def = FormJourney.definition(form, clock);
    ConditionContext ctx = CompiledForm.context(journey, journey.values(), LocalDate.now(clock));
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String at = def.firstStep().id();
    while (seen.add(at)) {
      path.add(at);
      if (at.equals(Form.CHECK_ANSWERS) || def.endOutcome(at).isPresent()) {
        return new Route(path, true);
      }
      Step step = def.step(at).orElseThrow();
      if (!step.isSatisfiedBy(journey)) {
        return new Route(path, false);
      }
      Optional<String> next = def.nextStep(at, ctx);
      if (next.isEmpty()) {
        return new Route(path, false);
      }
      at = next.get();
    }
    return new Route(path, false);
  }

  /** @return the step where the person is needed next */
  public String last() {
    return steps.get(steps.size() - 1);
  }

  /** @return the steps whose answers are complete: all but the last */
  public List<String> done() {
    return steps.subList(0, steps.size() - 1);
  }
}
