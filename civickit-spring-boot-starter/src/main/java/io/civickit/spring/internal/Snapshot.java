package io.civickit.spring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read at most once per time-to-live, so that the several gauges of one scrape share one
 * database query. A failed read is not cached: the next caller tries again, and this caller
 * gets the exception.
 *
 * @param <T> the value
 */
final class Snapshot<T> {
  private final Supplier<T> read;
  private final Clock clock;
  private final Duration ttl;
  private @Nullable T value;
  private @Nullable Instant readAt;

  Snapshot(Supplier<T> read, Clock clock, Duration ttl) {
    this.read = Objects.requireNonNull(read, "read");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  synchronized T get() {
    Instant now = clock.instant();
    if (value == null || readAt == null || !now.isBefore(readAt.plus(ttl))) {
      value = read.get();
      readAt = now;
    }
    return value;
  }
}
