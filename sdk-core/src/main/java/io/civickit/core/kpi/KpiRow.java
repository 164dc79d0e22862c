package io.civickit.core.kpi;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The KPIs of one group (everyone, a segment or an experiment arm) in one period.
 *
 * <p>Definitions, following the GOV.UK Service Manual:
 * <ul>
 *   <li>A <b>transaction</b> is a journey, counted once from its start: saving and resuming is
 *       one transaction, not two. {@link #started()} counts those started on a digital channel.
 *   <li><b>Completed</b>: the service did what it should, whatever the outcome (success, not
 *       eligible, referred). <b>Failed</b>: abandoned, or saved or left and then expired.
 *       Journeys neither completed nor failed yet are {@link #inProgress()} and are left out of
 *       the completion rate until they end.
 *   <li><b>Completion rate</b>: completed over (completed + failed), of transactions started digitally.
 *   <li><b>Digital take-up</b>: completions on a digital channel (online, or an adviser using the
 *       digital service: assisted digital) over all completions, including offline completions
 *       recorded through {@link Kpis#recordOffline}.
 *   <li><b>Handoff rate</b>: digitally started transactions handed to a person at least once,
 *       over those started. {@link #handoffReasons()} counts every handoff.
 *   <li><b>Time to complete</b>: from start to completion, in whole seconds, of digitally started
 *       transactions; the median and 90th percentile are nearest-rank: the k-th of n sorted times with k = ceil(n × p).
 *   <li><b>Cost per transaction</b>: the sum over completions of the channel's unit cost, divided
 *       by all completions; unknown when a channel with completions has no cost.
 * </ul>
 *
 * @param dimension {@code all}, {@code segment} or {@code arm}
 * @param group the group's name ({@code all}, the segment, or {@code experiment=arm})
 * @param periodStart the first day of the period, when split by period
 * @param started transactions started on a digital channel
 * @param completed of those, completed
 * @param failed of those, failed
 * @param handedOff of those, handed off at least once
 * @param completions every completed transaction by the channel it completed on
 * @param outcomes every completed transaction by outcome
 * @param handoffReasons every handoff by reason
 * @param medianSecondsToComplete nearest-rank median time to complete
 * @param p90SecondsToComplete nearest-rank 90th percentile time to complete
 * @param funnel drop-off by step, starting with {@value FunnelStep#START}
 * @param costPerTransaction cost per completed transaction, when every channel used has a cost
 * @param paymentFailures failed payment attempts ({@code payment_failed} events) of the group's
 *     journeys, whatever channel they started on
 */
public record KpiRow(
    String dimension,
    String group,
    Optional<LocalDate> periodStart,
    long started,
    long completed,
    long failed,
    long handedOff,
    Map<Channel, Long> completions,
    Map<Outcome, Long> outcomes,
    Map<HandoffReason, Long> handoffReasons,
    OptionalLong medianSecondsToComplete,
    OptionalLong p90SecondsToComplete,
    List<FunnelStep> funnel,
    Optional<BigDecimal> costPerTransaction,
    long paymentFailures) {

  /**
   * A row without payment failures.
   *
   * @param dimension {@code all}, {@code segment} or {@code arm}
   * @param group the group's name
   * @param periodStart the first day of the period, when split by period
   * @param started transactions started on a digital channel
   * @param completed of those, completed
   * @param failed of those, failed
   * @param handedOff of those, handed off at least once
   * @param completions every completed transaction by channel
   * @param outcomes every completed transaction by outcome
   * @param handoffReasons every handoff by reason
   * @param medianSecondsToComplete nearest-rank median time to complete
   * @param p90SecondsToComplete nearest-rank 90th percentile time to complete
   * @param funnel drop-off by step
   * @param costPerTransaction cost per completed transaction
   */
  public KpiRow(String dimension, String group, Optional<LocalDate> periodStart, long started, long completed,
      long failed, long handedOff, Map<Channel, Long> completions, Map<Outcome, Long> outcomes,
      Map<HandoffReason, Long> handoffReasons, OptionalLong medianSecondsToComplete, OptionalLong p90SecondsToComplete,
      List<FunnelStep> funnel, Optional<BigDecimal> costPerTransaction) {
    this(dimension, group, periodStart, started, completed, failed, handedOff, completions, outcomes, handoffReasons,
        medianSecondsToComplete, p90SecondsToComplete, funnel, costPerTransaction, 0);
  }

  /** Copies the maps (every key present, zero when none) and checks the counts add up. */
  public KpiRow {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(periodStart, "periodStart");
    completions = full(Channel.class, completions);
    outcomes = full(Outcome.class, outcomes);
    handoffReasons = full(HandoffReason.class, handoffReasons);
    Objects.requireNonNull(medianSecondsToComplete, "medianSecondsToComplete");
    Objects.requireNonNull(p90SecondsToComplete, "p90SecondsToComplete");
    funnel = List.copyOf(funnel);
    Objects.requireNonNull(costPerTransaction, "costPerTransaction");
    if (paymentFailures < 0) {
      throw new IllegalArgumentException("payment failures must not be negative, but were " + paymentFailures);
    }
    if (completed < 0 || failed < 0 || handedOff < 0 || completed + failed > started || handedOff > started) {
      throw new IllegalArgumentException("counts do not add up for " + group + ": started " + started + ", completed "
          + completed + ", failed " + failed + ", handed off " + handedOff);
    }
  }

  private static <K extends Enum<K>> Map<K, Long> full(Class<K> type, Map<K, Long> in) {
    Map<K, Long> m = new EnumMap<>(type);
    for (K k : type.getEnumConstants()) {
      m.put(k, in.getOrDefault(k, 0L));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Started digitally and neither completed nor failed yet. */
  public long inProgress() {
    return started - completed - failed;
  }

  /** Every completed transaction, on any channel. */
  public long allCompletions() {
    return completions.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Completions on a digital channel (online or assisted digital). */
  public long digitalCompletions() {
    return completions.entrySet().stream().filter(e -> e.getKey().isDigital()).mapToLong(Map.Entry::getValue).sum();
  }

  /** Completed over (completed + failed); empty when no transaction has ended. */
  public OptionalDouble completionRate() {
    return ratio(completed, completed + failed);
  }

  /** Digital completions over all completions; empty without completions. */
  public OptionalDouble digitalTakeUp() {
    return ratio(digitalCompletions(), allCompletions());
  }

  /** Handed off over started; empty when none started. */
  public OptionalDouble handoffRate() {
    return ratio(handedOff, started);
  }

  private static OptionalDouble ratio(long a, long b) {
    return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
  }
}
