package io.civickit.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The one clock CivicKit's tests move by hand, so that nothing ever sleeps: set it, advance it,
 * and hand it to a builder's {@code clock(...)}. Always in UTC; safe to read and move from
 * several threads.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at("2026-11-27T18:30:00Z");
 * ... Journeys.builder().clock(clock) ...
 * clock.advance(Duration.ofDays(29));
 * }</pre>
 */
public final class TestClock extends Clock {
  private Instant now;

  /** A clock that reads {@code start} until it is moved. */
  public TestClock(Instant start) {
    this.now = start;
  }

  /** A clock at an ISO-8601 instant, such as {@code 2026-11-27T18:30:00Z}. */
  public static TestClock at(String iso) {
    return new TestClock(Instant.parse(iso));
  }

  /**
   * A new clock at this one's time moved by a whole number of days (up to ten years) taken from
   * the seed, so that test classes sharing a database do not meet each other's rows.
   */
  public synchronized TestClock withOffset(UUID seed) {
    return new TestClock(now.plus(Duration.ofDays(Math.floorMod(seed.getLeastSignificantBits(), 3650))));
  }

  /** Moves the clock on (or back, with a negative duration). */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /** Sets the clock to an instant. */
  public synchronized void set(Instant at) {
    now = at;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it is always in UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
