package io.civickit.identity;

/**
 * Why a check failed. Shown to the person only as a generic message; the reason is for the
 * journey's events and for choosing what to offer next (a new code, another route, a person).
 */
public enum FailureReason {
  /** The code or details given were wrong. Record matching always reports this, whatever differed. */
  NOT_MATCHED,
  /** The code was right once but has expired. Never told apart from {@link #NOT_MATCHED} for a wrong code. */
  EXPIRED,
  /** No code is waiting for this contact (none sent, already used, or killed by wrong tries). */
  NO_ACTIVE_CODE,
  /** The code (or token) was right but had been used already. */
  REPLAYED,
  /** The input could not be read at all (not digits, missing fields). */
  MALFORMED
}
