package io.civickit.core.kpi.internal;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Outcome;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.KpiRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** KPIs from a list of events in memory: the reference the SQL version must agree with. */
public final class InMemoryKpis {
  private InMemoryKpis() {}

  /** What the events say about one journey. */
  static final class Facts {
    Instant startedAt;
    String startChannel;
    Optional<String> segment = Optional.empty();
    Map<String, String> arms = Map.of();
    boolean armsSet;
    Instant completedAt;
    String completionChannel;
    String outcome;
    boolean ended;
    long paymentFailures;
    final List<HandoffReason> reasons = new ArrayList<>();
    final Set<String> steps = new HashSet<>();

    boolean digitalStart() {
      return Channel.valueOf(startChannel).isDigital();
    }

    boolean completed() {
      return completedAt != null;
    }

    boolean failed() {
      return completedAt == null && ended;
    }
  }

  static <T extends Comparable<T>> T max(T a, T b) {
    return a == null ? b : b.compareTo(a) > 0 ? b : a;
  }

  static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** Computes a report; events must be in the order they happened (as published). */
  public static KpiReport compute(List<JourneyEvent> events, KpiQuery q) {
    Map<String, Facts> byJourney = new LinkedHashMap<>();
    for (JourneyEvent e : events) {
      if (q.definitionId().isPresent() && !q.definitionId().get().equals(e.subject().definitionId())) {
        continue;
      }
      Facts f = byJourney.computeIfAbsent(e.subject().journeyId().value(), k -> new Facts());
      if (e.subject().segment().isPresent()) {
        f.segment = e.subject().segment();
      }
      String channel = e.subject().channel().name();
      if (e instanceof JourneyEvent.Started) {
        f.startedAt = min(f.startedAt, e.at());
        f.startChannel = max(f.startChannel, channel);
        if (!f.armsSet) {
          f.arms = e.subject().arms();
          f.armsSet = true;
        }
      } else if (e instanceof JourneyEvent.Completed c) {
        f.completedAt = min(f.completedAt, e.at());
        f.completionChannel = max(f.completionChannel, channel);
        f.outcome = max(f.outcome, c.outcome().name());
      } else if (e instanceof JourneyEvent.Expired || e instanceof JourneyEvent.Abandoned) {
        f.ended = true;
      } else if (e instanceof JourneyEvent.HandedOff h) {
        f.reasons.add(h.reason());
      } else if (e instanceof JourneyEvent.StepCompleted s) {
        f.steps.add(s.stepId());
      } else if (e instanceof JourneyEvent.PaymentFailed) {
        f.paymentFailures++;
      }
    }
    List<Facts> journeys = byJourney.values().stream().filter(f -> f.startedAt != null).toList();

    List<Facts> inQuery = journeys.stream().filter(f -> new Periods.Range(Optional.empty(), q.from(), q.to())
        .contains(f.startedAt)).toList();
    List<String> steps = q.funnelSteps().orElseGet(() -> stepOrder(inQuery));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      position.putIfAbsent(steps.get(i), i + 1);
    }
    Optional<Instant> first = inQuery.stream().map(f -> f.startedAt).min(Comparator.naturalOrder());
    Optional<Instant> last = inQuery.stream().map(f -> f.startedAt).max(Comparator.naturalOrder());
    String dimension = q.by().name().toLowerCase(Locale.ROOT);
    List<KpiRow> rows = new ArrayList<>();
    // One pass: each journey goes straight to its period (ranges are sorted and do not overlap).
    List<Periods.Range> ranges = Periods.of(q, first, last);
    List<Map<String, List<Facts>>> buckets = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      Map<String, List<Facts>> groups = new TreeMap<>();
      if (q.by() == KpiQuery.Grouping.ALL) {
        groups.put("all", new ArrayList<>());
      }
      buckets.add(groups);
    }
    for (Facts f : inQuery) {
      int i = Periods.indexOf(ranges, f.startedAt);
      if (i < 0) {
        continue;
      }
      Map<String, List<Facts>> groups = buckets.get(i);
      for (String g : groupsOf(f, q.by())) {
        groups.computeIfAbsent(g, k -> new ArrayList<>()).add(f);
      }
    }
    for (int i = 0; i < ranges.size(); i++) {
      Periods.Range range = ranges.get(i);
      buckets.get(i).forEach((g, members) -> rows.add(totals(members, position).toRow(dimension, g, range.label(),
          steps, q.costs())));
    }
    return new KpiReport(dimension, q.costs().source(), rows);
  }

  private static List<String> groupsOf(Facts f, KpiQuery.Grouping by) {
    switch (by) {
      case SEGMENT:
        return List.of(f.segment.orElse("(none)"));
      case ARM: {
        List<String> out = new ArrayList<>();
        f.arms.forEach((experiment, arm) -> out.add(experiment + "=" + arm));
        return out;
      }
      default:
        return List.of("all");
    }
  }

  /** Steps by how many digitally started journeys completed them, most first, then by id. */
  static List<String> stepOrder(List<Facts> journeys) {
    Map<String, Long> counts = new HashMap<>();
    for (Facts f : journeys) {
      if (f.digitalStart()) {
        f.steps.forEach(s -> counts.merge(s, 1L, Long::sum));
      }
    }
    return order(counts);
  }

  /** Sorts step counts: most first, ties by step id. Shared with the SQL version. */
  static List<String> order(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  private static Totals totals(List<Facts> members, Map<String, Integer> position) {
    Totals t = new Totals();
    List<Long> durations = new ArrayList<>();
    for (Facts f : members) {
      f.reasons.forEach(r -> t.reasons.merge(r, 1L, Long::sum));
      t.paymentFailures += f.paymentFailures;
      if (f.completed()) {
        t.completions.merge(Channel.valueOf(f.completionChannel), 1L, Long::sum);
        t.outcomes.merge(Outcome.valueOf(f.outcome), 1L, Long::sum);
      }
      if (!f.digitalStart()) {
        continue;
      }
      t.started++;
      if (f.completed()) {
        t.completed++;
        durations.add(f.completedAt.getEpochSecond() - f.startedAt.getEpochSecond());
      } else if (f.failed()) {
        t.failed++;
      }
      if (!f.reasons.isEmpty()) {
        t.handedOff++;
      }
      int furthest = 0;
      for (String s : f.steps) {
        furthest = Math.max(furthest, position.getOrDefault(s, 0));
      }
      t.addFurthest(furthest, 1, f.failed() ? 1 : 0);
    }
    long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
    t.median = Totals.percentile(sorted, 1, 2);
    t.p90 = Totals.percentile(sorted, 9, 10);
    return t;
  }
}
