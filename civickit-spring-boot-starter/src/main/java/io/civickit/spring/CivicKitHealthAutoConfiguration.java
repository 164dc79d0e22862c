package io.civickit.spring;

import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.progress.ProgressStore;
import io.civickit.spring.internal.OutboxHealthIndicator;
import io.civickit.spring.internal.StoresHealthIndicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health, when Spring Boot's health support is on the class path: {@code civickitStores}
 * (the database stores answer) and {@code civickitOutbox} (backlog and dead letters). Switched
 * off with {@code management.health.civickit.enabled=false}; each backs off from a bean of the
 * same name.
 */
@AutoConfiguration(after = CivicKitNotifyAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ProgressStore.class})
@ConditionalOnEnabledHealthIndicator("civickit")
public class CivicKitHealthAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitHealthAutoConfiguration() {}

  /**
   * Whether the database stores answer.
   *
   * @param progress the progress store
   * @param handoffs the handoff store, if there is one
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(ProgressStore.class)
  @ConditionalOnMissingBean(name = "civicKitStoresHealthIndicator")
  public HealthIndicator civicKitStoresHealthIndicator(ProgressStore progress, ObjectProvider<HandoffStore> handoffs) {
    return new StoresHealthIndicator(progress, handoffs.getIfAvailable());
  }

  /** The outbox indicator needs sdk-notify. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.civickit.notify.outbox.Outbox")
  static class OutboxHealthConfiguration {

    @Bean
    @ConditionalOnBean(type = "io.civickit.notify.outbox.Outbox")
    @ConditionalOnMissingBean(name = "civicKitOutboxHealthIndicator")
    HealthIndicator civicKitOutboxHealthIndicator(io.civickit.notify.outbox.Outbox outbox) {
      return new OutboxHealthIndicator(outbox);
    }
  }
}
