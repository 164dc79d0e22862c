package io.civickit.spring;

import io.civickit.core.CivicKitException;
import io.civickit.core.event.EventSink;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.identity.IdentityStore;
import io.civickit.spring.internal.JourneyMetersBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * CivicKit's stores on the application's own {@code DataSource}: saved progress (answers
 * encrypted with the key ring), resume tokens, journey events, handoffs, and, with sdk-identity,
 * the identity limits (passcode attempts, lockouts, TOTP replay).
 *
 * <p>The tables are created first unless {@code civickit.schema.install=false}. Each store backs
 * off when the application defines its own bean of that type.
 */
@AutoConfiguration(after = CivicKitSecretsAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(ProgressStore.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(CivicKitProperties.class)
public class CivicKitStoresAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitStoresAutoConfiguration() {}

  /**
   * Installs CivicKit's tables.
   *
   * @param dataSource the application's database
   * @param context to see which CivicKit modules are on the application's class path
   * @return what was installed
   * @throws CivicKitConfigurationException if the tables cannot be created
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "civickit.schema.install", matchIfMissing = true)
  public CivicKitSchema civicKitSchema(DataSource dataSource, ApplicationContext context) {
    try {
      return CivicKitSchema.install(dataSource, context.getClassLoader());
    } catch (CivicKitException e) {
      // The class only in the message: a driver's message may quote values (the cause keeps it for the trace).
      throw new CivicKitConfigurationException("civickit.schema.install", "CivicKit could not create its tables in "
          + "the application's DataSource (" + e.getClass().getSimpleName() + (e.getCause() == null ? ": "
          + e.getMessage() : "") + ").", "Use H2 or PostgreSQL (spring.datasource.url), as a user that may create "
          + "tables; or set civickit.schema.install=false and apply the files under META-INF/civickit/sql/ with the "
          + "application's own Flyway or Liquibase migrations.", e);
    }
  }

  /**
   * Saved progress, answers encrypted at rest.
   *
   * @param dataSource the application's database
   * @param keys the key ring
   * @param schema the tables, created first when CivicKit installs them
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public ProgressStore civicKitProgressStore(DataSource dataSource, KeyRing keys, ObjectProvider<CivicKitSchema> schema) {
    schema.ifAvailable(s -> { });
    return ProgressStore.jdbc(dataSource, keys);
  }

  /**
   * Resume tokens, stored as hashes.
   *
   * @param dataSource the application's database
   * @param schema the tables, created first when CivicKit installs them
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public ResumeTokenStore civicKitResumeTokenStore(DataSource dataSource, ObjectProvider<CivicKitSchema> schema) {
    schema.ifAvailable(s -> { });
    return ResumeTokenStore.jdbc(dataSource);
  }

  /**
   * Handoffs to assisted channels.
   *
   * @param dataSource the application's database
   * @param schema the tables, created first when CivicKit installs them
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public HandoffStore civicKitHandoffStore(DataSource dataSource, ObjectProvider<CivicKitSchema> schema) {
    schema.ifAvailable(s -> { });
    return HandoffStore.jdbc(dataSource);
  }

  /**
   * Journey events in the database (what the KPI report reads), and in the application's
   * Micrometer registry too: with Micrometer on the class path the KPI binder is fed as well.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class MeteredEventSinkConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSink civicKitEventSink(DataSource dataSource, ObjectProvider<JourneyMetersBinder> meters,
        ObjectProvider<CivicKitSchema> schema) {
      schema.ifAvailable(s -> { });
      EventSink jdbc = EventSink.jdbc(dataSource);
      JourneyMetersBinder m = meters.getIfAvailable();
      return m == null ? jdbc : EventSink.all(jdbc, m.meters());
    }
  }

  /** Journey events in the database, without Micrometer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("io.micrometer.core.instrument.MeterRegistry")
  static class EventSinkConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSink civicKitEventSink(DataSource dataSource, ObjectProvider<CivicKitSchema> schema) {
      schema.ifAvailable(s -> { });
      return EventSink.jdbc(dataSource);
    }
  }

  /** The identity limits, with sdk-identity. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(IdentityStore.class)
  static class IdentityStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdentityStore civicKitIdentityStore(DataSource dataSource, ObjectProvider<CivicKitSchema> schema) {
      schema.ifAvailable(s -> { });
      return IdentityStore.jdbc(dataSource);
    }
  }
}
