package io.civickit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Outcome;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The GOV.UK definitions on a scenario small enough to count by hand (see {@link Scenario#handCounted()}). */
class KpiTest {
  final EventLog log = Scenario.handCounted();

  KpiQuery.Builder query() {
    return KpiQuery.builder().definition("garden-waste").funnel(Scenario.FUNNEL).costs(UnitCosts.socitmIndicative());
  }

  @Test
  void theGovUkDefinitionsCountEachJourneyTheRightWay() {
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    assertThat(all.group()).isEqualTo("all");
    assertThat(all.started()).isEqualTo(8); // a resume is not a start; the paper form did not start online
    assertThat(all.completed()).isEqualTo(5); // not eligible and referred count as completed
    assertThat(all.failed()).isEqualTo(2); // expired after saving, and abandoned
    assertThat(all.inProgress()).isEqualTo(1);
    assertThat(all.completionRate().getAsDouble()).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(all.outcomes()).containsEntry(Outcome.SUCCESS, 4L).containsEntry(Outcome.INELIGIBLE, 1L)
        .containsEntry(Outcome.REFERRED, 1L);
  }

  @Test
  void assistedDigitalCountsAsDigitalAndOfflineCompletionsCountInTakeUp() {
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    assertThat(all.completions()).containsEntry(Channel.ONLINE, 3L).containsEntry(Channel.ASSISTED_DIGITAL, 1L)
        .containsEntry(Channel.TELEPHONE, 2L).containsEntry(Channel.POST, 0L);
    assertThat(all.allCompletions()).isEqualTo(6);
    assertThat(all.digitalCompletions()).isEqualTo(4);
    assertThat(all.digitalTakeUp().getAsDouble()).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void handoffRateAndReasons() {
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    assertThat(all.handedOff()).isEqualTo(2);
    assertThat(all.handoffRate().getAsDouble()).isEqualTo(0.25);
    assertThat(all.handoffReasons()).containsEntry(HandoffReason.REPEATED_VALIDATION_FAILURES, 1L)
        .containsEntry(HandoffReason.ASKED_FOR_HELP, 1L).containsEntry(HandoffReason.TECHNICAL_FAULT, 0L);
  }

  @Test
  void timeToCompleteIsTheNearestRankMedianAndNinetiethPercentile() {
    // 120, 300, 600, 1800, 3600 seconds
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    assertThat(all.medianSecondsToComplete()).hasValue(600);
    assertThat(all.p90SecondsToComplete()).hasValue(3600);
  }

  @Test
  void theFunnelShowsHowFarPeopleGotAndWhereFailedJourneysLeft() {
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    assertThat(all.funnel()).containsExactly(new FunnelStep(FunnelStep.START, 8, 1), new FunnelStep("name", 6, 1),
        new FunnelStep("in-area", 4, 0), new FunnelStep("email", 3, 0), new FunnelStep("check", 3, 0));
  }

  @Test
  void withoutAStepOrderTheFunnelOrdersStepsByHowManyCompletedThem() {
    KpiRow all = Kpis.compute(log.events(), KpiQuery.all()).rows().get(0);
    assertThat(all.funnel()).extracting(FunnelStep::stepId)
        .containsExactly(FunnelStep.START, "name", "in-area", "check", "email");
  }

  @Test
  void costPerTransactionUsesTheUnitCostOfEachCompletionsChannel() {
    KpiRow all = Kpis.compute(log.events(), query().build()).rows().get(0);
    // (3 x 0.15 + 1 x 2.83 + 2 x 2.83) / 6
    assertThat(all.costPerTransaction()).contains(new BigDecimal("1.4900"));
    KpiRow noCosts = Kpis.compute(log.events(), KpiQuery.all()).rows().get(0);
    assertThat(noCosts.costPerTransaction()).isEmpty();
  }

  @Test
  void failedPaymentsAreCountedAndAddedToCostPerTransactionWhenTheyHaveACost() {
    io.civickit.core.event.EventLog withFailures = Scenario.handCounted();
    JourneyEvent.Subject s = withFailures.events().get(0).subject();
    withFailures.publish(new JourneyEvent.PaymentFailed(s, Scenario.T0.plusSeconds(5), "check", "P0010"));
    withFailures.publish(new JourneyEvent.PaymentFailed(s, Scenario.T0.plusSeconds(9), "check", "P0030"));
    KpiRow plain = Kpis.compute(withFailures.events(), query().build()).rows().get(0);
    assertThat(plain.paymentFailures()).isEqualTo(2);
    assertThat(plain.costPerTransaction()).contains(new BigDecimal("1.4900"));
    KpiRow costed = Kpis.compute(withFailures.events(), query().costs(UnitCosts.socitmIndicative()
        .withFailedPaymentCost(new BigDecimal("0.30"))).build()).rows().get(0);
    // (3 x 0.15 + 1 x 2.83 + 2 x 2.83 + 2 x 0.30) / 6
    assertThat(costed.costPerTransaction()).contains(new BigDecimal("1.5900"));
    assertThat(io.civickit.core.event.JourneyEvents.fromJson(io.civickit.core.event.JourneyEvents.toJson(
        withFailures.events().get(withFailures.events().size() - 1)))).isEqualTo(
        withFailures.events().get(withFailures.events().size() - 1));
  }

  @Test
  void bySegmentAndByArm() {
    List<KpiRow> bySegment = Kpis.compute(log.events(), query().by(KpiQuery.Grouping.SEGMENT).build()).rows();
    assertThat(bySegment).extracting(KpiRow::group).containsExactly("(none)", "everyone", "over-75");
    KpiRow over75 = bySegment.get(2);
    assertThat(over75.started()).isEqualTo(1);
    assertThat(over75.handoffRate().getAsDouble()).isEqualTo(1.0);
    assertThat(bySegment.get(0).started()).isZero(); // the paper form
    assertThat(bySegment.get(0).allCompletions()).isEqualTo(1);

    List<KpiRow> byArm = Kpis.compute(log.events(), query().by(KpiQuery.Grouping.ARM).build()).rows();
    assertThat(byArm).extracting(KpiRow::group).containsExactly("chat=a", "chat=b");
    assertThat(byArm.get(0).started()).isEqualTo(3);
    assertThat(byArm.get(0).completionRate().getAsDouble()).isEqualTo(1.0);
    assertThat(byArm.get(1).completionRate().getAsDouble()).isEqualTo(0.5);
  }

  @Test
  void byPeriodJourneysCountInThePeriodTheyStarted() {
    EventLog two = Scenario.handCounted();
    new Scenario.J(two, new java.util.SplittableRandom(7), Channel.ONLINE, java.util.Optional.empty(), java.util.Map.of(),
        Instant.parse("2026-12-01T09:00:00Z")).started();
    List<KpiRow> rows = Kpis.compute(two.events(), query().period(KpiQuery.PeriodUnit.MONTH, ZoneId.of("Europe/London"))
        .build()).rows();
    assertThat(rows).extracting(r -> r.periodStart().orElseThrow())
        .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
    assertThat(rows.get(0).started()).isEqualTo(8); // J4 expired in December but started in November
    assertThat(rows.get(1).started()).isEqualTo(1);
    List<KpiRow> weeks = Kpis.compute(two.events(), query().period(KpiQuery.PeriodUnit.WEEK, ZoneId.of("Europe/London"))
        .build()).rows();
    assertThat(weeks).hasSize(5);
    assertThat(weeks.get(0).periodStart()).contains(LocalDate.of(2026, 11, 2));
  }

  @Test
  void jsonLinesRoundTripGivesTheSameReport() {
    String lines = log.events().stream().map(JourneyEvents::toJson).collect(Collectors.joining("\n"));
    List<JourneyEvent> read = lines.lines().map(JourneyEvents::fromJson).toList();
    assertThat(Kpis.compute(read, query().build())).isEqualTo(Kpis.compute(log.events(), query().build()));
  }

  @Test
  void csvAndJsonOutput() {
    KpiReport report = Kpis.compute(log.events(), query().build());
    String csv = report.toCsv();
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", KpiReport.CSV_COLUMNS));
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("all,all,,8,5,2,1,0.7143,6,4,0.6667,2,0.2500,600,3600,1.4900");
    assertThat(report.funnelCsv()).contains("all,,1,name,6,1\n");
    assertThat(report.toJson()).contains("\"completionRate\":0.7142857142857143").contains("\"costSource\":\"Socitm");
    assertThat(KpiReport.csv("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(KpiReport.csv("a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void anEmptyEventListGivesOneEmptyRowWithUndefinedRates() {
    KpiRow row = Kpis.compute(List.of(), KpiQuery.all()).rows().get(0);
    assertThat(row.started()).isZero();
    assertThat(row.completionRate()).isEmpty();
    assertThat(row.digitalTakeUp()).isEmpty();
    assertThat(row.medianSecondsToComplete()).isEmpty();
  }
}
