package io.civickit.forms.internal.journey;

import io.civickit.core.FieldError;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.forms.FormEnd;
import java.util.List;
import java.util.Set;

/** An end page: reaching it ends the journey; it takes no input. */
public final class EndStep implements Step {
  private final FormEnd end;

  /** @param end the end */
  public EndStep(FormEnd end) {
    this.end = end;
  }

  @Override
  public String id() {
    return end.id();
  }

  @Override
  public Set<String> answerKeys() {
    return Set.of();
  }

  @Override
  public StepResult submit(StepSubmission submission) {
    return new StepResult.Rejected(List.of(new FieldError(end.id(), "This page takes no answers")));
  }
}
