package io.civickit.core.kpi.internal;

import io.civickit.core.kpi.KpiQuery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The time ranges a query covers: one unbounded range, or calendar periods. */
final class Periods {
  private Periods() {}

  /** A range of start times, {@code [from, to)}; either end may be open. */
  record Range(Optional<LocalDate> label, Optional<Instant> from, Optional<Instant> to) {
    boolean contains(Instant t) {
      return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(x -> t.isBefore(x)).orElse(true);
    }
  }

  /**
   * The ranges of a query. With periods, {@code first} and {@code last} are the earliest and
   * latest start in the data (used when the query has no bounds of its own).
   */
  static List<Range> of(KpiQuery q, Optional<Instant> first, Optional<Instant> last) {
    if (q.period().isEmpty()) {
      return List.of(new Range(Optional.empty(), q.from(), q.to()));
    }
    Optional<Instant> lo = q.from().or(() -> first);
    // databases keep microseconds: end a second after the last start so it is inside at any precision
    Optional<Instant> hi = q.to().or(() -> last.map(l -> l.plusSeconds(1)));
    if (lo.isEmpty() || hi.isEmpty()) {
      return List.of();
    }
    ZoneId zone = q.zone();
    KpiQuery.PeriodUnit unit = q.period().get();
    LocalDate start = startOf(lo.get().atZone(zone).toLocalDate(), unit);
    List<Range> out = new ArrayList<>();
    while (true) {
      Instant s = start.atStartOfDay(zone).toInstant();
      if (!s.isBefore(hi.get())) {
        break;
      }
      LocalDate next = next(start, unit);
      Instant e = next.atStartOfDay(zone).toInstant();
      Instant from = s.isBefore(lo.get()) ? lo.get() : s;
      Instant to = e.isAfter(hi.get()) ? hi.get() : e;
      out.add(new Range(Optional.of(start), Optional.of(from), Optional.of(to)));
      start = next;
      if (out.size() > 100_000) {
        throw new IllegalArgumentException("the query covers more than 100,000 periods: use a longer period");
      }
    }
    return out;
  }

  /**
   * The index of the range holding {@code t}, or -1: a binary search, as the ranges
   * {@link #of} makes are in order and do not overlap.
   */
  static int indexOf(List<Range> ranges, Instant t) {
    int lo = 0;
    int hi = ranges.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Optional<Instant> from = ranges.get(mid).from();
      if (from.isEmpty() || !t.isBefore(from.get())) {
        found = mid; // starts at or before t: t is here or later
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && ranges.get(found).contains(t) ? found : -1;
  }

  private static LocalDate startOf(LocalDate d, KpiQuery.PeriodUnit unit) {
    switch (unit) {
      case DAY:
        return d;
      case WEEK:
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      default:
        return d.withDayOfMonth(1);
    }
  }

  private static LocalDate next(LocalDate d, KpiQuery.PeriodUnit unit) {
    switch (unit) {
      case DAY:
        return d.plusDays(1);
      case WEEK:
        return d.plusWeeks(1);
      default:
        return d.plusMonths(1);
    }
  }
}
