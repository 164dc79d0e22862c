package io.civickit.identity.passcode;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one-time passcodes. {@link #defaults()} follows GOV.UK One Login's own email and
 * text-message codes and stays within NIST SP 800-63B-4 (see {@code docs/identity.md}):
 *
 * <ul>
 *   <li>6 digits, every value from {@code 000000} to {@code 999999} equally likely;</li>
 *   <li>a code works for 15 minutes, once;</li>
 *   <li>6 wrong codes for one contact kill the current code and lock the contact out for 15
 *       minutes, across every app instance sharing the store; a new code does not reset the count;</li>
 *   <li>a new code at most every 60 seconds, and at most 5 codes per 15 minutes.</li>
 * </ul>
 *
 * @param digits how many digits a code has (6 to 10)
 * @param expiry how long a code works
 * @param maxWrongTries wrong codes for one contact before it is locked out (1 to 100)
 * @param lockout how long a lockout lasts
 * @param resendInterval the least time between two codes for one contact
 * @param maxSendsPerWindow the most codes for one contact in {@code sendWindow}
 * @param sendWindow the window for {@code maxSendsPerWindow}
 */
public record PasscodePolicy(
    int digits,
    Duration expiry,
    int maxWrongTries,
    Duration lockout,
    Duration resendInterval,
    int maxSendsPerWindow,
    Duration sendWindow) {

  /**
   * Checks that the limits are in range.
   *
   * @throws NullPointerException if any duration is null
   * @throws IllegalArgumentException if {@code digits} is not 6 to 10, {@code maxWrongTries} is not
   *     1 to 100, {@code maxSendsPerWindow} is less than 1, {@code resendInterval} is negative, or
   *     any other duration is zero or negative
   */
  public PasscodePolicy {
    if (digits < 6 || digits > 10) {
      throw new IllegalArgumentException("a passcode must have 6 to 10 digits, but was " + digits);
    }
    positive(expiry, "expiry");
    if (maxWrongTries < 1 || maxWrongTries > 100) {
      throw new IllegalArgumentException("maxWrongTries must be 1 to 100, but was " + maxWrongTries);
    }
    positive(lockout, "lockout");
    Objects.requireNonNull(resendInterval, "resendInterval");
    if (resendInterval.isNegative()) {
      throw new IllegalArgumentException("resendInterval must not be negative, but was " + resendInterval);
    }
    if (maxSendsPerWindow < 1) {
      throw new IllegalArgumentException("maxSendsPerWindow must be at least 1, but was " + maxSendsPerWindow);
    }
    positive(sendWindow, "sendWindow");
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + d);
    }
  }

  /** 6 digits, 15 minutes, 6 wrong tries, 15-minute lockout, 60 s between codes, 5 codes per 15 minutes. */
  public static PasscodePolicy defaults() {
    return new PasscodePolicy(6, Duration.ofMinutes(15), 6, Duration.ofMinutes(15), Duration.ofSeconds(60), 5,
        Duration.ofMinutes(15));
  }

  /** A copy with another number of digits. */
  public PasscodePolicy withDigits(int value) {
    return new PasscodePolicy(value, expiry, maxWrongTries, lockout, resendInterval, maxSendsPerWindow, sendWindow);
  }

  /** A copy with another expiry. */
  public PasscodePolicy withExpiry(Duration value) {
    return new PasscodePolicy(digits, value, maxWrongTries, lockout, resendInterval, maxSendsPerWindow, sendWindow);
  }

  /** A copy with another number of wrong tries before a lockout. */
  public PasscodePolicy withMaxWrongTries(int value) {
    return new PasscodePolicy(digits, expiry, value, lockout, resendInterval, maxSendsPerWindow, sendWindow);
  }

  /** A copy with another lockout length. */
  public PasscodePolicy withLockout(Duration value) {
    return new PasscodePolicy(digits, expiry, maxWrongTries, value, resendInterval, maxSendsPerWindow, sendWindow);
  }

  /** A copy with another least time between codes. */
  public PasscodePolicy withResendInterval(Duration value) {
    return new PasscodePolicy(digits, expiry, maxWrongTries, lockout, value, maxSendsPerWindow, sendWindow);
  }

  /** A copy with another cap on codes per window. */
  public PasscodePolicy withMaxSends(int value, Duration window) {
    return new PasscodePolicy(digits, expiry, maxWrongTries, lockout, resendInterval, value, window);
  }
}
