package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.JourneyId;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.kpi.micrometer.JourneyMeters;
import io.civickit.notify.outbox.Outbox;
import io.civickit.spring.internal.CivicKitMeters;
import io.civickit.testsupport.H2Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsAndHealthAutoConfigurationTest {

  static ApplicationContextRunner withMetrics() {
    return NotifyAutoConfigurationTest.withTemplates()
        .withPropertyValues("civickit.notify.workers=0")
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class));
  }

  @Test
  void journeyEventsCountInTheApplicationsRegistryAndAreStoredToo() {
    withMetrics().run(ctx -> {
      JourneyEvent.Subject subject = new JourneyEvent.Subject(JourneyId.random(), "missed-bin", 1, Channel.ONLINE,
          Optional.empty(), Map.of());
      ctx.getBean(EventSink.class).publish(new JourneyEvent.Started(subject, Instant.now(), Actor.citizen()));
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      assertThat(registry.get(JourneyMeters.COUNTER).tag("service", "missed-bin").tag("type", "started").counter()
          .count()).isEqualTo(1.0);
      try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM civickit_journey_events")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
    });
  }

  @Test
  void outboxAndHandoffGaugesReadTheTables() {
    withMetrics().run(ctx -> {
      ctx.getBean(Outbox.class).enqueue(NotifyAutoConfigurationTest.confirmation("resident@example.com"));
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      assertThat(registry.get(CivicKitMeters.OUTBOX).tag("status", "queued").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get(CivicKitMeters.OUTBOX).tag("status", "failed").gauge().value()).isEqualTo(0.0);
      assertThat(registry.get(CivicKitMeters.HANDOFFS).tag("status", "requested").gauge().value()).isEqualTo(0.0);
      assertThat(registry.find(CivicKitMeters.HANDOFFS).tag("status", "resolved").gauge()).isNull();
    });
  }

  @Test
  void withoutMicrometerThereAreNoMetersAndEventsAreStillStored() {
    NotifyAutoConfigurationTest.withTemplates()
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(EventSink.class)
            .doesNotHaveBean(CivicKitMeters.class).doesNotHaveBean("civicKitJourneyMeters"));
  }

  @Test
  void healthShowsTheStoresUpAndTheOutboxBacklogAndDeadLetters() {
    NotifyAutoConfigurationTest.withTemplates().withPropertyValues("civickit.notify.workers=0").run(ctx -> {
      ctx.getBean(Outbox.class).enqueue(NotifyAutoConfigurationTest.confirmation("resident@example.com"));
      Health stores = ctx.getBean("civicKitStoresHealthIndicator", HealthIndicator.class).health();
      assertThat(stores.getStatus()).isEqualTo(Status.UP);
      Health outbox = ctx.getBean("civicKitOutboxHealthIndicator", HealthIndicator.class).health();
      assertThat(outbox.getStatus()).isEqualTo(Status.UP);
      assertThat(outbox.getDetails()).containsEntry("backlog", 1L).containsEntry("deadLetters", 0L);
    });
  }

  @Test
  void healthIsDownWithTheErrorClassOnlyWhenTheTablesAreGone() {
    DataSource ds = H2Database.inMemory().dataSource();
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY,
            "civickit.notify.workers=0")
        .withBean(DataSource.class, () -> ds)
        .withBean(io.civickit.notify.MessageRenderer.class, () -> NotifyAutoConfigurationTest.TEMPLATES)
        .run(ctx -> {
          try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE civickit_journeys");
            s.execute("DROP TABLE civickit_outbox");
          }
          Health stores = ctx.getBean("civicKitStoresHealthIndicator", HealthIndicator.class).health();
          assertThat(stores.getStatus()).isEqualTo(Status.DOWN);
          assertThat(stores.getDetails()).containsOnly(entry("store", "progress"),
              entry("error", "io.civickit.core.StorageUnavailableException"));
          Health outbox = ctx.getBean("civicKitOutboxHealthIndicator", HealthIndicator.class).health();
          assertThat(outbox.getStatus()).isEqualTo(Status.DOWN);
          assertThat(outbox.getDetails()).containsOnlyKeys("error");
        });
  }

  @Test
  void healthIndicatorsCanBeSwitchedOffAndBackOffFromTheApplicationsOwn() {
    NotifyAutoConfigurationTest.withTemplates().withPropertyValues("management.health.civickit.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("civicKitStoresHealthIndicator")
            .doesNotHaveBean("civicKitOutboxHealthIndicator"));
    HealthIndicator own = () -> Health.up().withDetail("own", true).build();
    NotifyAutoConfigurationTest.withTemplates().withBean("civicKitOutboxHealthIndicator", HealthIndicator.class,
        () -> own).run(ctx -> assertThat(ctx.getBean("civicKitOutboxHealthIndicator")).isSameAs(own));
  }

  @Test
  void withoutSpringBootHealthThereAreNoIndicators() {
    NotifyAutoConfigurationTest.withTemplates().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(HealthIndicator.class));
  }
}
