package io.civickit.spring;

import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.kpi.micrometer.JourneyMeters;
import io.civickit.spring.internal.CivicKitMeters;
import io.civickit.spring.internal.JourneyMetersBinder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer: the journey KPI counters ({@code civickit.journey.events}, fed by the event sink)
 * and gauges of the outbox ({@code civickit.outbox.messages} by status) and open handoffs
 * ({@code civickit.handoffs.open}). Both are {@code MeterBinder} beans, which Spring Boot binds to
 * the application's registry; tags are low-cardinality (service, type, channel, segment,
 * outcome, status), never ids or personal data.
 */
@AutoConfiguration(after = CivicKitNotifyAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, JourneyMeters.class})
public class CivicKitMetricsAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitMetricsAutoConfiguration() {}

  /**
   * The journey KPI counters; the CivicKit event sink feeds them.
   *
   * @return the binder
   */
  @Bean
  @ConditionalOnMissingBean
  public JourneyMetersBinder civicKitJourneyMeters() {
    return new JourneyMetersBinder();
  }

  /** The gauges need sdk-notify for the outbox's statuses. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.civickit.notify.outbox.Outbox")
  static class GaugesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CivicKitMeters civicKitMeters(ObjectProvider<io.civickit.notify.outbox.Outbox> outbox,
        ObjectProvider<HandoffStore> handoffs) {
      return new CivicKitMeters(outbox.getIfAvailable(), handoffs.getIfAvailable(), Clock.systemUTC(),
          Duration.ofSeconds(10));
    }
  }
}
