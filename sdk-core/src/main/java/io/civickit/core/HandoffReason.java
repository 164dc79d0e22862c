package io.civickit.core;

/** Why a journey is being handed to a person. */
public enum HandoffReason {
  /** The person asked for help ("Get help with this form"). */
  ASKED_FOR_HELP,
  /** The same step failed validation too many times in a row. */
  REPEATED_VALIDATION_FAILURES,
  /** An identity check failed or locked the person out. */
  IDENTITY_CHECK_FAILED,
  /** The person's circumstances are a case the service cannot handle online. */
  CASE_NOT_HANDLED,
  /** Something went wrong on the council's side. */
  TECHNICAL_FAULT
}
