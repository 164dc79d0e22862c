package io.civickit.submit.micrometer;

import io.civickit.submit.DeliveryStatus;
import io.civickit.submit.Submissions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Delivery counts as Micrometer gauges, for dashboards and alerts: one gauge
 * {@code civickit.submission.deliveries} per destination and status, tagged {@code destination}
 * and {@code status}. Alert on {@code status=failed} above zero: those are dead letters waiting
 * for someone to send them again. Needs {@code io.micrometer:micrometer-core} on the class path.
 *
 * <pre>{@code
 * new SubmissionMeters(submissions, Set.of("team-email", "webhook")).bindTo(registry);
 * }</pre>
 *
 * <p>The counts come from one database query, made at most once per refresh interval (15 seconds
 * unless set) however many gauges are read.
 */
public final class SubmissionMeters implements MeterBinder {
  /** The gauge's name. */
  public static final String GAUGE = "civickit.submission.deliveries";

  private final Submissions submissions;
  private final Set<String> destinations;
  private final Duration refresh;
  private final Clock clock;
  private Map<String, Map<DeliveryStatus, Long>> last = Map.of();
  private long readAt = Long.MIN_VALUE;

  /**
   * Gauges for these destinations, refreshed every 15 seconds at most.
   *
   * @param submissions the service
   * @param destinations the destination names to report (low cardinality: names, never ids)
   */
  public SubmissionMeters(Submissions submissions, Set<String> destinations) {
    this(submissions, destinations, Duration.ofSeconds(15), Clock.systemUTC());
  }

  /**
   * Gauges with a chosen refresh interval and clock.
   *
   * @param submissions the service
   * @param destinations the destination names to report
   * @param refresh how old the counts may be
   * @param clock the clock the age is measured with
   */
  public SubmissionMeters(Submissions submissions, Set<String> destinations, Duration refresh, Clock clock) {
    this.submissions = Objects.requireNonNull(submissions, "submissions");
    this.destinations = Set.copyOf(destinations);
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String destination : destinations) {
      for (DeliveryStatus status : DeliveryStatus.values()) {
        Gauge.builder(GAUGE, this, m -> m.count(destination, status))
            .description("Submission deliveries by destination and status")
            .tag("destination", destination)
            .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
            .register(registry);
      }
    }
  }

  private synchronized double count(String destination, DeliveryStatus status) {
    long now = clock.millis();
    if (readAt == Long.MIN_VALUE || now - readAt >= refresh.toMillis()) {
      last = submissions.countsByDestination();
      readAt = now;
    }
    return last.getOrDefault(destination, Map.of()).getOrDefault(status, 0L);
  }
}
