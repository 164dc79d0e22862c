package io.civickit.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of an identity check. Expected failures are results, never exceptions:
 *
 * <pre>{@code
 * CheckResult r = passcodes.verify(contact, typed);
 * if (r instanceof CheckResult.Verified v) { ... v.level() ... }
 * else if (r instanceof CheckResult.Failed f && f.mayRetry()) { ... show the page again ... }
 * else if (r instanceof CheckResult.LockedOut l) { ... "try again after " + l.until() ... }
 * }</pre>
 */
public sealed interface CheckResult {

  /**
   * The check passed.
   *
   * @param level the assurance level the check gives on its own
   * @param evidence what it relied on (no secrets)
   */
  record Verified(AssuranceLevel level, Evidence evidence) implements CheckResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public Verified {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /**
   * The check failed.
   *
   * @param reason why (for events; show the person a generic message)
   * @param mayRetry whether trying again can still succeed before a lockout
   * @param triesLeft how many tries remain before a lockout (0 when unknown or none)
   */
  record Failed(FailureReason reason, boolean mayRetry, int triesLeft) implements CheckResult {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code reason} is null
     * @throws IllegalArgumentException if {@code triesLeft} is negative
     */
    public Failed {
      Objects.requireNonNull(reason, "reason");
      if (triesLeft < 0) {
        throw new IllegalArgumentException("triesLeft must be at least 0, but was " + triesLeft);
      }
    }
  }

  /**
   * Too many failures: no check is made until {@code until}, whatever is typed.
   *
   * @param until when tries are allowed again
   */
  record LockedOut(Instant until) implements CheckResult {
    /**
     * Checks that the time is present.
     *
     * @throws NullPointerException if {@code until} is null
     */
    public LockedOut {
      Objects.requireNonNull(until, "until");
    }
  }

  /** True for {@link Verified}. */
  default boolean isVerified() {
    return this instanceof Verified;
  }
}
