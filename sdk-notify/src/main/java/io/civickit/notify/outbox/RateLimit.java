package io.civickit.notify.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How fast a channel may send, counted in the database so that every outbox instance sharing
 * it shares the limit. Modelled on GOV.UK Notify's own limits: a token bucket per service and
 * key type (3,000 requests a minute, refilled steadily, with bursts of up to 1,001), and a daily
 * message limit per service.
 *
 * <p>The bucket holds at most {@code burst} tokens and refills at {@code limit} tokens per
 * {@code per}; each send takes one. So over any stretch of time {@code t}, at most
 * {@code burst + limit * t / per} messages go out. The daily count resets at midnight in the
 * outbox's zone (Europe/London unless set). A message that finds no token waits, unsent and
 * without using an attempt, until one is due.
 *
 * @param limit tokens added per {@code per}
 * @param per the refill period
 * @param burst the most tokens the bucket holds (the largest burst)
 * @param perDay messages per day, if limited
 */
public record RateLimit(int limit, Duration per, int burst, OptionalInt perDay) {

  /**
   * Checks the limit.
   *
   * @throws NullPointerException if {@code per} or {@code perDay} is null
   * @throws IllegalArgumentException if {@code limit}, {@code burst} or a daily limit is less than
   *     1, or {@code per} is shorter than a millisecond
   */
  public RateLimit {
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(perDay, "perDay");
    if (limit < 1) {
      throw new IllegalArgumentException("a rate limit must allow at least 1 message, but was " + limit);
    }
    if (per.toMillis() < 1) {
      throw new IllegalArgumentException("a rate limit period must be at least a millisecond, but was " + per);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("a burst must allow at least 1 message, but was " + burst);
    }
    if (perDay.isPresent() && perDay.getAsInt() < 1) {
      throw new IllegalArgumentException("a daily limit must allow at least 1 message, but was " + perDay.getAsInt());
    }
  }

  /** {@code limit} messages per period, with bursts of up to {@code limit}; no daily limit. */
  public static RateLimit of(int limit, Duration per) {
    return new RateLimit(limit, per, limit, OptionalInt.empty());
  }

  /** {@code limit} messages a minute, with bursts of up to {@code limit}; no daily limit. */
  public static RateLimit perMinute(int limit) {
    return of(limit, Duration.ofMinutes(1));
  }

  /**
   * GOV.UK Notify's request limit for one service and key type: 3,000 a minute, refilled at 50
   * a second, with bursts of up to 1,001.
   */
  public static RateLimit govUkNotify() {
    return new RateLimit(3000, Duration.ofMinutes(1), 1001, OptionalInt.empty());
  }

  /** This limit with a different largest burst. */
  public RateLimit withBurst(int burst) {
    return new RateLimit(limit, per, burst, perDay);
  }

  /** This limit with a daily limit as well (for Notify, the service's daily message limit). */
  public RateLimit andPerDay(int dailyLimit) {
    return new RateLimit(limit, per, burst, OptionalInt.of(dailyLimit));
  }
}
