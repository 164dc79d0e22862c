package io.civickit.core.kpi.internal;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Outcome;
import io.civickit.core.kpi.FunnelStep;
import io.civickit.core.kpi.KpiRow;
import io.civickit.core.kpi.UnitCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The counts of one group, however they were computed; turned into a {@link KpiRow} the same way. */
final class Totals {
  long started;
  long completed;
  long failed;
  long handedOff;
  long paymentFailures;
  final Map<Channel, Long> completions = new EnumMap<>(Channel.class);
  final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
  final Map<HandoffReason, Long> reasons = new EnumMap<>(HandoffReason.class);
  OptionalLong median = OptionalLong.empty();
  OptionalLong p90 = OptionalLong.empty();
  /** Furthest funnel position reached to {count of digitally started journeys, of which failed}. */
  final Map<Integer, long[]> furthest = new TreeMap<>();

  void addFurthest(int position, long count, long failedCount) {
    long[] c = furthest.computeIfAbsent(position, k -> new long[2]);
    c[0] += count;
    c[1] += failedCount;
  }

  /** The row: rates, funnel and cost are derived here, once, for both ways of computing. */
  KpiRow toRow(String dimension, String group, Optional<LocalDate> period, List<String> steps, UnitCosts costs) {
    List<FunnelStep> funnel = new ArrayList<>();
    for (int i = 0; i <= steps.size(); i++) {
      long reached = 0;
      for (Map.Entry<Integer, long[]> e : furthest.entrySet()) {
        if (e.getKey() >= i) {
          reached += e.getValue()[0];
        }
      }
      long[] here = furthest.get(i);
      funnel.add(new FunnelStep(i == 0 ? FunnelStep.START : steps.get(i - 1), reached, here == null ? 0 : here[1]));
    }
    return new KpiRow(dimension, group, period, started, completed, failed, handedOff, completions, outcomes, reasons,
        median, p90, funnel, cost(costs), paymentFailures);
  }

  private Optional<BigDecimal> cost(UnitCosts costs) {
    long all = completions.values().stream().mapToLong(Long::longValue).sum();
    if (all == 0) {
      return Optional.empty();
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<Channel, Long> e : completions.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      Optional<BigDecimal> unit = costs.costOf(e.getKey());
      if (unit.isEmpty()) {
        return Optional.empty();
      }
      total = total.add(unit.get().multiply(BigDecimal.valueOf(e.getValue())));
    }
    if (costs.perFailedPayment().isPresent()) {
      total = total.add(costs.perFailedPayment().get().multiply(BigDecimal.valueOf(paymentFailures)));
    }
    return Optional.of(total.divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_EVEN));
  }

  /** Nearest-rank percentile of sorted values: the k-th with k = ceil(n * num / den). */
  static OptionalLong percentile(long[] sorted, int num, int den) {
    if (sorted.length == 0) {
      return OptionalLong.empty();
    }
    long k = ((long) sorted.length * num + den - 1) / den;
    return OptionalLong.of(sorted[(int) Math.max(0, k - 1)]);
  }
}
