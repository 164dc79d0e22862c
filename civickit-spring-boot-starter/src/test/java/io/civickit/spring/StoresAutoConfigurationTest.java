package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.event.EventSink;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.identity.IdentityStore;
import io.civickit.testsupport.H2Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StoresAutoConfigurationTest {

  static Journey newJourney() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new Journey(JourneyId.random(), Reference.random(), "spring-test", 1, "first", Map.of(), Map.of(),
        List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(),
        "none", Map.of(), Map.of(), now, now, 0);
  }

  static List<String> civicKitTables(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (name.startsWith("civickit_") || name.startsWith("ck_")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Every store works against the database the context was given, and finds what another instance saved. */
  static void storesWorkOn(ApplicationContextRunner runner, DataSource ds) {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(CivicKitSchema.class).installed()).containsExactly("core", "handoff", "outbox", "identity");
      assertThat(civicKitTables(ds)).contains("civickit_journeys", "civickit_resume_tokens",
          "civickit_journey_events", "civickit_handoffs", "civickit_outbox", "ck_identity_state");

      ProgressStore progress = ctx.getBean(ProgressStore.class);
      Journey saved = progress.save(newJourney());
      // A second store on the same database and key ring (another instance) reads it back.
      assertThat(ProgressStore.jdbc(ds, ctx.getBean(KeyRing.class)).find(saved.id())).get()
          .extracting(Journey::reference).isEqualTo(saved.reference());

      ResumeTokenStore tokens = ctx.getBean(ResumeTokenStore.class);
      Instant now = Instant.now();
      tokens.issue(new ResumeTokenStore.TokenRecord("ab".repeat(32), saved.id(), "save-and-return", now,
          now.plusSeconds(60), ResumeTokenStore.State.ACTIVE));
      assertThat(ResumeTokenStore.jdbc(ds).find("ab".repeat(32))).isPresent();

      IdentityStore identity = ctx.getBean(IdentityStore.class);
      assertThat(identity.compareAndSet("test", "k", 0, "v", now.plusSeconds(60))).isTrue();
      assertThat(IdentityStore.jdbc(ds).find("test", "k")).get().extracting(IdentityStore.Entry::value).isEqualTo("v");

      assertThat(ctx.getBean(HandoffStore.class).findByStatus(HandoffStatus.REQUESTED, 10)).isEmpty();
      assertThat(ctx.getBean(EventSink.class)).isNotNull();
    });
  }

  @Test
  void storesAreOnTheApplicationsDataSourceWithTheirTablesInstalled() {
    DataSource ds = H2Database.inMemory().dataSource();
    storesWorkOn(Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY)
        .withBean(DataSource.class, () -> ds), ds);
  }

  @Test
  void withSchemaInstallFalseTheDatabaseIsLeftToTheApplicationsMigrations() throws SQLException {
    DataSource ds = H2Database.inMemory().dataSource();
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY,
            "civickit.schema.install=false")
        .withBean(DataSource.class, () -> ds)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().doesNotHaveBean(CivicKitSchema.class).hasSingleBean(ProgressStore.class);
          assertThat(civicKitTables(ds)).isEmpty();
        });
  }

  @Test
  void withoutADataSourceThereAreNoStores() {
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY)
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(KeyRing.class)
            .doesNotHaveBean(ProgressStore.class).doesNotHaveBean(HandoffStore.class)
            .doesNotHaveBean(CivicKitSchema.class));
  }

  @Test
  void theApplicationsOwnStoresWin() {
    ProgressStore own = ProgressStore.inMemory();
    HandoffStore ownHandoffs = HandoffStore.inMemory();
    Contexts.withDatabase()
        .withBean(ProgressStore.class, () -> own)
        .withBean(HandoffStore.class, () -> ownHandoffs)
        .run(ctx -> {
          assertThat(ctx.getBean(ProgressStore.class)).isSameAs(own);
          assertThat(ctx.getBean(HandoffStore.class)).isSameAs(ownHandoffs);
          assertThat(ctx).hasSingleBean(ResumeTokenStore.class);
        });
  }

  @Test
  void withoutSdkIdentityThereIsNoIdentityStoreAndNoIdentityTable() {
    DataSource ds = H2Database.inMemory().dataSource();
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY)
        .withBean(DataSource.class, () -> ds)
        .withClassLoader(new FilteredClassLoader(IdentityStore.class))
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(ProgressStore.class).doesNotHaveBean(IdentityStore.class);
          assertThat(ctx.getBean(CivicKitSchema.class).installed()).containsExactly("core", "handoff", "outbox");
          assertThat(civicKitTables(ds)).doesNotContain("ck_identity_state");
        });
  }

  @Test
  void withoutSdkCoreThereAreNoStores() {
    Contexts.withDatabase()
        .withClassLoader(new FilteredClassLoader(ProgressStore.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ProgressStore.class)
            .doesNotHaveBean(CivicKitSchema.class));
  }

  @Test
  void aDatabaseCivicKitHasNoSchemaForStopsTheStartSayingWhatToDo() {
    // H2 in MySQL mode still says H2; a database that names itself otherwise is refused.
    DataSource ds = new org.springframework.jdbc.datasource.DelegatingDataSource(H2Database.inMemory().dataSource()) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection real = super.getConnection();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (p, m, a) -> {
              if (m.getName().equals("getMetaData")) {
                java.sql.DatabaseMetaData md = real.getMetaData();
                return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.DatabaseMetaData.class}, (p2, m2, a2) ->
                        m2.getName().equals("getDatabaseProductName") ? "MariaDB" : m2.invoke(md, a2));
              }
              return m.invoke(real, a);
            });
      }
    };
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY)
        .withBean(DataSource.class, () -> ds)
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("CivicKit could not create its tables in the application's "
              + "DataSource (ConfigurationException: dataSource is mariadb, not H2 or PostgreSQL: use H2 or PostgreSQL, "
              + "or create CivicKit's tables yourself (see META-INF/civickit/sql/)).");
          assertThat(a.getAction()).isEqualTo("Use H2 or PostgreSQL (spring.datasource.url), as a user that may "
              + "create tables; or set civickit.schema.install=false and apply the files under META-INF/civickit/sql/"
              + " with the application's own Flyway or Liquibase migrations.");
        });
  }
}
