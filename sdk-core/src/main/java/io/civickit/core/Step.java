package io.civickit.core;

import java.util.Set;

/**
 * A unit of a journey: a question page, an identity check, check-your-answers, a confirmation.
 *
 * <p>sdk-forms implements this for question pages and sdk-identity for identity checks; a host
 * app may implement it for anything else. A step only judges its own input: where the journey
 * goes next is the definition's routing, not the step's.
 */
public interface Step {

  /** The step's id, unique within its definition; it appears in URLs and events. */
  String id();

  /** The answer keys this step writes. Answers under other keys are not this step's to judge. */
  Set<String> answerKeys();

  /**
   * Validates and normalises one submission of this step.
   * Must not throw for any input a browser can send: errors are {@link StepResult.Rejected}.
   */
  StepResult submit(StepSubmission submission);

  /**
   * Whether the journey's saved answers still satisfy this step, so that the person need not
   * see it again: used when resuming on a newer definition and when returning to check answers.
   * The default is true when the step writes answers and all of them are present; a step that
   * writes nothing (check answers, a confirmation) is never satisfied, so walking stops there.
   * Forms override this to re-validate answers and to skip questions hidden by conditions.
   */
  default boolean isSatisfiedBy(Journey journey) {
    return !answerKeys().isEmpty() && journey.answers().keySet().containsAll(answerKeys());
  }

  /**
   * Whether a saved answer, perhaps given against an older version of the definition, still
   * fits this step. Answers that do not fit are dropped on resume. The default keeps them.
   */
  default boolean fits(String key, Answer answer) {
    return true;
  }

  /**
   * The answer keys of this step that are sensitive (bank details, health, a National Insurance
   * number): they are redacted from the context package sent to an assisted channel on handoff.
   * The default is none; sdk-forms marks a question sensitive in its definition.
   */
  default Set<String> sensitiveAnswerKeys() {
    return Set.of();
  }
}
