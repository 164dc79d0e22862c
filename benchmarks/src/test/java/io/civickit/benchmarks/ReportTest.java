package io.civickit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic: medians and ratios that never mix rounds. */
class ReportTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Report.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(Report.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void ratioIsTheGeometricMeanOfPerRoundRatiosSoALoadedRoundHitsBothSides() {
    // Round 2 ran four times slower for both sides: the ratio stays 2.
    Report.Score civic = new Report.Score(0, List.of(2.0, 8.0), "us/op", Map.of());
    Report.Score other = new Report.Score(0, List.of(1.0, 4.0), "us/op", Map.of());
    assertThat(Report.ratioOf(civic, other)).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void withOneRoundTheRatioIsOfTheMedians() {
    Report.Score civic = new Report.Score(3.0, List.of(3.0), "us/op", Map.of());
    Report.Score other = new Report.Score(2.0, List.of(2.0), "us/op", Map.of());
    assertThat(Report.ratioOf(civic, other)).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void aScoreOverRoundsIsTheGeometricMeanSoItsRatioMatchesTheRatioColumn() {
    assertThat(Report.geometricMean(List.of(2.0, 8.0))).isCloseTo(4.0, within(1e-9));
    assertThat(Report.geometricMean(List.of(2.0, 8.0)) / Report.geometricMean(List.of(1.0, 4.0))).isCloseTo(
        Report.ratioOf(new Report.Score(4, List.of(2.0, 8.0), "", Map.of()),
            new Report.Score(2, List.of(1.0, 4.0), "", Map.of())), within(1e-9));
  }
}
