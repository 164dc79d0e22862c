package io.civickit.pay.fee;

import io.civickit.core.CivicKitException;

/**
 * A fee could not be worked out from the answers: a quantity is unanswered or not a whole number
 * in range, or the total is more than GOV.UK Pay takes. This is a fault in the form or the rules
 * (the question should validate the answer), not something the person can put right; the message
 * names the rule and the answer key, never the answer.
 */
public final class FeeCalculationException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the rule
   */
  public FeeCalculationException(String message) {
    super(message);
  }
}
