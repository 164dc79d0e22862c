package io.civickit.notify.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before attempt {@code n + 1} is a uniformly
 * random time between zero and {@code min(max, base * 2^(n-1))}. Full jitter spreads the
 * retries of many messages that failed together, so they do not all come back at once.
 *
 * @param base the cap for the first retry
 * @param max the largest cap
 */
public record Backoff(Duration base, Duration max) {

  /**
   * Checks the durations.
   *
   * @throws NullPointerException if either duration is null
   * @throws IllegalArgumentException if {@code base} is zero or negative, or {@code max} is less
   *     than {@code base}
   */
  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("the backoff base must be positive, but was " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("the backoff maximum (" + max + ") must not be less than the base (" + base + ")");
    }
  }

  /** The default: 2 seconds doubling up to 15 minutes. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15));
  }

  /** The largest wait after the given number of attempts (1 or more). */
  public Duration cap(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 40));
    long capMillis = base.toMillis();
    for (int i = 0; i < doublings && capMillis < max.toMillis(); i++) {
      capMillis *= 2;
    }
    return Duration.ofMillis(Math.min(capMillis, max.toMillis()));
  }

  /** A random wait after the given number of attempts: uniform in {@code [0, cap(attempts)]}. */
  public Duration delay(int attempts, RandomGenerator random) {
    long cap = cap(attempts).toMillis();
    return Duration.ofMillis(random.nextLong(cap + 1));
  }
}
