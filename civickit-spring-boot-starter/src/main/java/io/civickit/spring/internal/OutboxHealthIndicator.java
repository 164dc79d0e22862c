package io.civickit.spring.internal;

import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxStatus;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The outbox's backlog (messages queued or being sent) and dead letters (messages that failed
 * for good), as details. Up while the outbox table can be read: a backlog or dead letters are
 * for an alert on the gauges, not a reason to restart the application. Down, with the
 * exception's class only, when the table cannot be read.
 */
public final class OutboxHealthIndicator implements HealthIndicator {
  private final Outbox outbox;

  /**
   * Creates the indicator.
   *
   * @param outbox the outbox
   */
  public OutboxHealthIndicator(Outbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public Health health() {
    Map<OutboxStatus, Long> counts;
    try {
      counts = outbox.counts();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getName()).build();
    }
    long backlog = counts.getOrDefault(OutboxStatus.QUEUED, 0L) + counts.getOrDefault(OutboxStatus.SENDING, 0L);
    return Health.up()
        .withDetail("backlog", backlog)
        .withDetail("deadLetters", counts.getOrDefault(OutboxStatus.FAILED, 0L))
        .build();
  }
}
