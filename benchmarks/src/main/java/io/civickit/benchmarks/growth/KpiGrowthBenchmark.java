package io.civickit.benchmarks.growth;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.Kpis;
import io.civickit.core.kpi.UnitCosts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 7b. KPI computation time as the number of events grows: a year of journeys on the housing
 * service (started, pages completed, some validation failures, some handed off, completed,
 * ineligible or abandoned; four segments, two channels), reported by segment and month with a
 * funnel and unit costs, with {@code Kpis.compute} in memory. The report divides by the number
 * of events: a flat time per event means linear growth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class KpiGrowthBenchmark {

  /** How many events. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int events;

  private List<JourneyEvent> log;
  private KpiQuery query;

  /** Generates the events (deterministically) and the query. */
  @Setup(Level.Trial)
  public void setUp() {
    log = generate(events, 7);
    query = KpiQuery.builder().definition("housing-application").by(KpiQuery.Grouping.SEGMENT)
        .period(KpiQuery.PeriodUnit.MONTH, ZoneId.of("Europe/London"))
        .funnel(List.of("applicant", "household", "contact")).costs(UnitCosts.socitmIndicative()).build();
  }

  /** Computes the report. */
  @Benchmark
  public KpiReport compute() {
    return Kpis.compute(log, query);
  }

  /** {@code count} events of journeys spread over 2025, in time order within each journey. */
  public static List<JourneyEvent> generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> segments = List.of("families", "older", "students");
    Instant yearStart = Instant.parse("2025-01-01T00:00:00Z");
    List<JourneyEvent> out = new ArrayList<>(count);
    Actor citizen = Actor.citizen();
    Actor adviser = Actor.adviser("staff-1");
    while (out.size() < count) {
      int r = random.nextInt(100);
      Optional<String> segment = r < 25 ? Optional.empty() : Optional.of(segments.get(r % 3));
      Channel channel = random.nextInt(10) == 0 ? Channel.ASSISTED_DIGITAL : Channel.ONLINE;
      JourneyEvent.Subject s = new JourneyEvent.Subject(JourneyId.random(random), "housing-application", 1, channel,
          segment, Map.of());
      Instant t = yearStart.plusSeconds(random.nextLong(365L * 24 * 3600));
      Actor actor = channel == Channel.ONLINE ? citizen : adviser;
      List<JourneyEvent> j = new ArrayList<>();
      j.add(new JourneyEvent.Started(s, t, actor));
      t = t.plus(Duration.ofMinutes(1 + random.nextInt(5)));
      j.add(new JourneyEvent.StepCompleted(s, t, "applicant", actor));
      int fate = random.nextInt(100);
      if (fate < 15) {
        j.add(new JourneyEvent.ValidationFailed(s, t.plusSeconds(30), "household", List.of("postcode"), 1));
      }
      if (fate < 25) {
        j.add(new JourneyEvent.Abandoned(s, t.plus(Duration.ofDays(28)), "household"));
      } else {
        t = t.plus(Duration.ofMinutes(1 + random.nextInt(5)));
        j.add(new JourneyEvent.StepCompleted(s, t, "household", actor));
        if (fate < 33) {
          j.add(new JourneyEvent.HandedOff(s, t.plusSeconds(10), "contact", HandoffReason.ASKED_FOR_HELP, "webchat"));
          j.add(new JourneyEvent.Completed(s, t.plus(Duration.ofHours(2)), Outcome.SUCCESS, adviser));
        } else if (fate < 40) {
          j.add(new JourneyEvent.Completed(s, t.plusSeconds(20), Outcome.INELIGIBLE, actor));
        } else {
          t = t.plus(Duration.ofMinutes(1));
          j.add(new JourneyEvent.StepCompleted(s, t, "contact", actor));
          j.add(new JourneyEvent.Completed(s, t.plusSeconds(40), Outcome.SUCCESS, actor));
        }
      }
      for (JourneyEvent e : j) {
        if (out.size() < count) {
          out.add(e);
        }
      }
    }
    return out;
  }
}
