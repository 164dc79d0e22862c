package io.civickit.spring.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.progress.ProgressStore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether CivicKit's database stores answer: looks up a journey that does not exist, and the
 * oldest waiting handoff. Down, with the exception's class only (a driver's message may quote
 * values), when either fails.
 */
public final class StoresHealthIndicator implements HealthIndicator {
  private final ProgressStore progress;
  private final @Nullable HandoffStore handoffs;

  /**
   * Creates the indicator.
   *
   * @param progress the progress store
   * @param handoffs the handoff store, if there is one
   */
  public StoresHealthIndicator(ProgressStore progress, @Nullable HandoffStore handoffs) {
    this.progress = Objects.requireNonNull(progress, "progress");
    this.handoffs = handoffs;
  }

  @Override
  public Health health() {
    try {
      progress.find(JourneyId.random());
    } catch (RuntimeException e) {
      return Health.down().withDetail("store", "progress").withDetail("error", e.getClass().getName()).build();
    }
    if (handoffs != null) {
      try {
        handoffs.findByStatus(HandoffStatus.REQUESTED, 1);
      } catch (RuntimeException e) {
        return Health.down().withDetail("store", "handoffs").withDetail("error", e.getClass().getName()).build();
      }
    }
    return Health.up().build();
  }
}
