package io.civickit.spring.internal;

import io.civickit.core.kpi.micrometer.JourneyMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Holds the KPI counters' {@link JourneyMeters} as a plain {@link MeterBinder} bean, so that the
 * application context has one {@code EventSink} (the CivicKit sink that feeds these meters), not two.
 */
public final class JourneyMetersBinder implements MeterBinder {
  private final JourneyMeters meters = new JourneyMeters();

  /** Creates the binder and its meters. */
  public JourneyMetersBinder() {}

  /** The meters, to add to an event sink. */
  public JourneyMeters meters() {
    return meters;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    meters.bindTo(registry);
  }
}
