package io.civickit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.event.EventLog;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** KPI invariants over random but well-formed journey histories. */
class KpiProperties {
  static KpiQuery query(int variant) {
    KpiQuery.Builder b = KpiQuery.builder().costs(UnitCosts.socitmIndicative());
    switch (variant % 4) {
      case 1:
        b.by(KpiQuery.Grouping.SEGMENT);
        break;
      case 2:
        b.by(KpiQuery.Grouping.ARM).period(KpiQuery.PeriodUnit.MONTH, ZoneId.of("Europe/London"));
        break;
      case 3:
        b.funnel(Scenario.STEPS).period(KpiQuery.PeriodUnit.WEEK, ZoneId.of("Europe/London"));
        break;
      default:
        break;
    }
    return b.build();
  }

  @Property(tries = 200)
  void ratesAreBetweenZeroAndOneAndCountsAddUp(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int journeys,
      @ForAll @IntRange(min = 0, max = 3) int variant) {
    EventLog log = Scenario.random(seed, journeys);
    for (KpiRow r : Kpis.compute(log.events(), query(variant)).rows()) {
      r.completionRate().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
      r.digitalTakeUp().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
      r.handoffRate().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
      assertThat(r.completed() + r.failed() + r.inProgress()).isEqualTo(r.started());
      assertThat(r.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.allCompletions());
      if (r.medianSecondsToComplete().isPresent()) {
        assertThat(r.medianSecondsToComplete().getAsLong()).isLessThanOrEqualTo(r.p90SecondsToComplete().getAsLong());
      }
    }
  }

  @Property(tries = 200)
  void theFunnelNeverIncreases(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int journeys,
      @ForAll @IntRange(min = 0, max = 3) int variant) {
    EventLog log = Scenario.random(seed, journeys);
    for (KpiRow r : Kpis.compute(log.events(), query(variant)).rows()) {
      List<FunnelStep> f = r.funnel();
      assertThat(f.get(0).reached()).isEqualTo(r.started());
      for (int i = 1; i < f.size(); i++) {
        assertThat(f.get(i).reached()).isLessThanOrEqualTo(f.get(i - 1).reached());
      }
      assertThat(f.stream().mapToLong(FunnelStep::droppedAfter).sum()).isEqualTo(r.failed());
    }
  }

  @Property(tries = 40)
  void sqlAndInMemoryAgree(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int journeys) {
    EventLog log = Scenario.random(seed, journeys);
    DataSource h2 = H2Database.inMemory().dataSource(); // a fresh database: a repeated seed repeats journey ids
    Schema.install(h2);
    String definition = KpiSqlAgreementTest.loadInBatch(h2, log);
    List<io.civickit.core.event.JourneyEvent> events = KpiSqlAgreementTest.relabel(log.events(), definition);
    for (KpiQuery q : KpiSqlAgreementTest.queries(definition)) {
      assertThat(Kpis.compute(h2, q)).isEqualTo(Kpis.compute(events, q));
    }
  }
}
