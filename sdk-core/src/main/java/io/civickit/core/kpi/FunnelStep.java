package io.civickit.core.kpi;

import java.util.Objects;

/**
 * One step of a funnel. The first entry is {@value #START}: every journey started.
 *
 * @param stepId the step, or {@value #START}
 * @param reached journeys that got at least this far (completed this step or any later one);
 *     never more than the entry before
 * @param droppedAfter failed journeys (expired or abandoned) whose furthest completed step
 *     this was: they left on the page after it
 */
public record FunnelStep(String stepId, long reached, long droppedAfter) {
  /** The name of the funnel's first entry. */
  public static final String START = "(start)";

  /** Checks the counts. */
  public FunnelStep {
    Objects.requireNonNull(stepId, "stepId");
    if (reached < 0 || droppedAfter < 0 || droppedAfter > reached) {
      throw new IllegalArgumentException("bad funnel counts for " + stepId + ": reached " + reached + ", dropped "
          + droppedAfter);
    }
  }
}
