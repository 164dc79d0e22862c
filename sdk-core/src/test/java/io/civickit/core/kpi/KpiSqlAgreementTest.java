package io.civickit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.event.EventLog;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.internal.JdbcEventSink;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KPIs with SQL on the event table give exactly the in-memory numbers, on PostgreSQL and on H2. */
class KpiSqlAgreementTest {

  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  static List<KpiQuery> queries(String definition) {
    ZoneId london = ZoneId.of("Europe/London");
    return List.of(
        KpiQuery.builder().definition(definition).costs(UnitCosts.socitmIndicative()).build(),
        KpiQuery.builder().definition(definition).by(KpiQuery.Grouping.SEGMENT).costs(UnitCosts.socitmIndicative()
            .withFailedPaymentCost(new java.math.BigDecimal("0.25"))).build(),
        KpiQuery.builder().definition(definition).funnel(Scenario.FUNNEL).by(KpiQuery.Grouping.SEGMENT).build(),
        KpiQuery.builder().definition(definition).by(KpiQuery.Grouping.ARM).costs(UnitCosts.socitmIndicative()).build(),
        KpiQuery.builder().definition(definition).period(KpiQuery.PeriodUnit.MONTH, london).build(),
        KpiQuery.builder().definition(definition).by(KpiQuery.Grouping.SEGMENT)
            .period(KpiQuery.PeriodUnit.WEEK, london).build(),
        KpiQuery.builder().definition(definition).between(Scenario.T0.plusSeconds(86_400 * 10),
            Scenario.T0.plusSeconds(86_400 * 40)).period(KpiQuery.PeriodUnit.DAY, london).by(KpiQuery.Grouping.ARM).build());
  }

  /** Writes the events through the JDBC sink, one by one as the engine would, under a definition id of their own. */
  static String load(DataSource ds, EventLog log) {
    String definition = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    EventSink sink = EventSink.jdbc(ds);
    for (JourneyEvent e : relabel(log.events(), definition)) {
      sink.publish(e);
    }
    return definition;
  }

  /** The same rows as {@link #load}, written in one batch on one connection (for large histories). */
  static String loadInBatch(DataSource ds, EventLog log) {
    String definition = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (java.sql.Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.PreparedStatement ps = c.prepareStatement(JdbcEventSink.insertSql())) {
        for (JourneyEvent e : relabel(log.events(), definition)) {
          JdbcEventSink.bind(ps, e);
          ps.addBatch();
          JdbcEventSink.insertArms(c, e);
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return definition;
  }

  static List<JourneyEvent> relabel(List<JourneyEvent> events, String definition) {
    return events.stream().map(e -> io.civickit.core.event.JourneyEvents.fromJson(
        io.civickit.core.event.JourneyEvents.toJson(e).replace("\"definitionId\":\"garden-waste\"",
            "\"definitionId\":\"" + definition + "\""))).toList();
  }

  static void assertAgree(DataSource ds, EventLog log) {
    assertAgree(ds, log, load(ds, log));
  }

  static void assertAgree(DataSource ds, EventLog log, String definition) {
    List<JourneyEvent> events = relabel(log.events(), definition);
    for (KpiQuery q : queries(definition)) {
      KpiReport memory = Kpis.compute(events, q);
      KpiReport sql = Kpis.compute(ds, q);
      assertThat(sql).as("query %s", q).isEqualTo(memory);
    }
  }

  @Test
  void theHandCountedScenarioAgreesOnPostgres() {
    Schema.install(PG.dataSource());
    assertAgree(PG.dataSource(), Scenario.handCounted());
  }

  @Test
  void theHandCountedScenarioAgreesOnH2() {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds);
    assertAgree(ds, Scenario.handCounted());
  }

  @Test
  void randomHistoriesAgreeOnPostgres() {
    Schema.install(PG.dataSource());
    for (long seed = 1; seed <= 6; seed++) {
      EventLog log = Scenario.random(seed, 60);
      assertAgree(PG.dataSource(), log, loadInBatch(PG.dataSource(), log));
    }
  }

  @Test
  void aLargerHistoryAgreesOnPostgresAndSaysHowLongEachTook() {
    Schema.install(PG.dataSource());
    EventLog log = Scenario.random(99, 3_000);
    String definition = loadInBatch(PG.dataSource(), log);
    KpiQuery q = KpiQuery.builder().definition(definition).by(KpiQuery.Grouping.SEGMENT)
        .period(KpiQuery.PeriodUnit.MONTH, ZoneId.of("Europe/London")).costs(UnitCosts.socitmIndicative()).build();
    List<JourneyEvent> events = relabel(log.events(), definition);
    long t0 = System.nanoTime();
    KpiReport memory = Kpis.compute(events, q);
    long t1 = System.nanoTime();
    KpiReport sql = Kpis.compute(PG.dataSource(), q);
    long t2 = System.nanoTime();
    assertThat(sql).isEqualTo(memory);
    System.out.printf("KPIs over %d events (3,000 journeys), by segment and month: in memory %d ms, SQL on PostgreSQL %d ms%n",
        events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
  }
}
