package io.civickit.core;

/**
 * How a completed transaction ended. All three count as completed in the GOV.UK completion
 * rate: the service did what it should.
 */
public enum Outcome {
  /** The person got what they applied for (or their request was accepted). */
  SUCCESS,
  /** The person was told they are not eligible. */
  INELIGIBLE,
  /** The case was referred to a person or another service to decide. */
  REFERRED
}
