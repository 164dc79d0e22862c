package io.civickit.forms.internal.journey;

import io.civickit.core.Answer;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.forms.Form;
import java.util.Map;
import java.util.Set;

/** The check-your-answers step: submitting it confirms the answers. */
public final class CheckAnswersStep implements Step {
  /** Answer key recording that the person confirmed their answers. */
  public static final String CONFIRMED = "check_answers_confirmed";

  @Override
  public String id() {
    return Form.CHECK_ANSWERS;
  }

  @Override
  public Set<String> answerKeys() {
    return Set.of(CONFIRMED);
  }

  @Override
  public StepResult submit(StepSubmission submission) {
    return StepResult.Accepted.of(Map.of(CONFIRMED, Answer.of(Value.bool(true), "", submission.actor())));
  }
}
