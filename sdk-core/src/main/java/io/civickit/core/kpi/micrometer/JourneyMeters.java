package io.civickit.core.kpi.micrometer;

import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live journey counters in Micrometer, fed by journey events: add it as an event sink
 * ({@code EventSink.all(EventSink.jdbc(ds), meters)}) and bind it to the registry.
 *
 * <pre>{@code
 * JourneyMeters meters = new JourneyMeters();
 * meters.bindTo(registry);
 * Journeys.builder().events(EventSink.all(EventSink.jdbc(ds), meters))...
 * }</pre>
 *
 * <p>One counter, {@code civickit.journey.events}, tagged with low-cardinality values only:
 * {@code service}, {@code type} (started, completed, handed_off...), {@code channel},
 * {@code segment}, {@code outcome} and {@code reason} (or {@code none}). Never ids, references
 * or answers. Completion rate and digital take-up are ratios of these counters in the
 * monitoring system; the exact KPIs come from {@code Kpis}.
 */
public final class JourneyMeters implements MeterBinder, EventSink {
  /** The counter's name. */
  public static final String COUNTER = "civickit.journey.events";

  private final AtomicReference<MeterRegistry> registry = new AtomicReference<>();

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry.set(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void publish(JourneyEvent e) {
    MeterRegistry r = registry.get();
    if (r == null) {
      return;
    }
    String outcome = e instanceof JourneyEvent.Completed c ? c.outcome().name() : "none";
    String reason = e instanceof JourneyEvent.HandedOff h ? h.reason().name() : "none";
    Counter.builder(COUNTER)
        .description("Journey events by type")
        .tag("service", e.subject().definitionId())
        .tag("type", e.type())
        .tag("channel", e.subject().channel().name())
        .tag("segment", e.subject().segment().orElse("none"))
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(r)
        .increment();
  }
}
