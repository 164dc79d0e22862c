package io.civickit.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffProperties {

  @Property
  void aDelayIsBetweenZeroAndTheCapWhichDoublesUpToTheMaximum(@ForAll @LongRange(min = 1, max = 10_000) long baseMs,
      @ForAll @LongRange(min = 0, max = 1_000_000) long extraMs, @ForAll @IntRange(min = 1, max = 100) int attempts,
      @ForAll long seed) {
    Backoff b = new Backoff(Duration.ofMillis(baseMs), Duration.ofMillis(baseMs + extraMs));
    Duration delay = b.delay(attempts, new java.util.SplittableRandom(seed));
    assertThat(delay).isBetween(Duration.ZERO, b.cap(attempts));
    assertThat(b.cap(attempts)).isLessThanOrEqualTo(b.max());
    assertThat(b.cap(attempts + 1)).isGreaterThanOrEqualTo(b.cap(attempts));
    if (attempts == 1) {
      assertThat(b.cap(1)).isEqualTo(b.base());
    }
    assertThat(b.cap(attempts)).isEqualTo(Duration.ofMillis(Math.min(b.max().toMillis(),
        baseMs * (long) Math.pow(2, Math.min(attempts - 1, 30)))));
  }
}
