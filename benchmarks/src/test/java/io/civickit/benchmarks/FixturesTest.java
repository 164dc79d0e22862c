package io.civickit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.benchmarks.growth.KpiGrowthBenchmark;
import io.civickit.benchmarks.journey.HousingJourney;
import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.Kpis;
import io.civickit.core.progress.ProgressStore;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The inputs the step, memory and KPI benchmarks depend on behave as those benchmarks assume. */
class FixturesTest {

  @Test
  void theStepBenchmarkCanSubmitTheHouseholdPageAgainAndAgainAndStaysOnTheSameRoute() {
    Journeys journeys = HousingJourney.engine(ProgressStore.inMemory());
    Journey j = journeys.start("housing-application");
    assertThat(journeys.submit(j.id(), "applicant", HousingJourney.applicant(7), Actor.citizen(), Locale.UK))
        .isInstanceOf(SubmitResult.Moved.class);
    for (int i = 0; i < 3; i++) {
      SubmitResult r = journeys.submit(j.id(), HousingJourney.HOUSEHOLD, HousingJourney.household(7), Actor.citizen(),
          Locale.UK);
      assertThat(r).isInstanceOf(SubmitResult.Moved.class);
      assertThat(r.journey().currentStep()).isEqualTo("contact");
      assertThat(r.journey().answers()).hasSize(8);
    }
  }

  @Test
  void theKpiEventsAreExactlyAsManyAsAskedAndMakeAReportWithEverySegment() {
    List<JourneyEvent> events = KpiGrowthBenchmark.generate(5_000, 7);
    assertThat(events).hasSize(5_000);
    KpiReport report = Kpis.compute(events, KpiQuery.builder().definition("housing-application")
        .by(KpiQuery.Grouping.SEGMENT).build());
    assertThat(report.toCsv()).contains("families", "older", "students");
  }
}
