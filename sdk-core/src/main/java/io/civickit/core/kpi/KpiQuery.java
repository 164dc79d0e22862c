package io.civickit.core.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compute: which service and time range, grouped how, split into which periods.
 *
 * @param definitionId only journeys of this service, if set
 * @param from only journeys started at or after this instant, if set
 * @param to only journeys started before this instant, if set
 * @param by how rows are grouped
 * @param period split into calendar periods (by when journeys started), if set
 * @param zone the time zone periods follow
 * @param funnelSteps the step order of the funnel; when empty, steps are ordered by how many
 *     journeys completed them, most first
 * @param costs unit costs per channel for cost per transaction
 */
public record KpiQuery(Optional<String> definitionId, Optional<Instant> from, Optional<Instant> to, Grouping by,
    Optional<PeriodUnit> period, ZoneId zone, Optional<List<String>> funnelSteps, UnitCosts costs) {

  /** How rows are grouped. */
  public enum Grouping {
    /** One row for everything. */
    ALL,
    /** A row per segment (journeys never segmented are in {@code (none)}). */
    SEGMENT,
    /** A row per experiment arm, as {@code experiment=arm}; journeys in no experiment are left out. */
    ARM
  }

  /** Calendar periods. */
  public enum PeriodUnit {
    /** Calendar days. */
    DAY,
    /** Weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH
  }

  /** Checks the fields. */
  public KpiQuery {
    Objects.requireNonNull(definitionId, "definitionId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    funnelSteps = funnelSteps.map(List::copyOf);
    Objects.requireNonNull(costs, "costs");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from " + from.get() + " must be before to " + to.get());
    }
  }

  /** Everything, one row, no costs. */
  public static KpiQuery all() {
    return builder().build();
  }

  /** Starts a query: everything, one row, Europe/London, no costs. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link KpiQuery}. */
  public static final class Builder {
    private Optional<String> definitionId = Optional.empty();
    private Optional<Instant> from = Optional.empty();
    private Optional<Instant> to = Optional.empty();
    private Grouping by = Grouping.ALL;
    private Optional<PeriodUnit> period = Optional.empty();
    private ZoneId zone = ZoneId.of("Europe/London");
    private Optional<List<String>> funnelSteps = Optional.empty();
    private UnitCosts costs = UnitCosts.none();

    private Builder() {}

    /** Only this service. */
    public Builder definition(String definitionId) {
      this.definitionId = Optional.of(definitionId);
      return this;
    }

    /** Only journeys started in {@code [from, to)}. */
    public Builder between(Instant from, Instant to) {
      this.from = Optional.of(from);
      this.to = Optional.of(to);
      return this;
    }

    /** Group rows by segment or arm. */
    public Builder by(Grouping by) {
      this.by = Objects.requireNonNull(by, "by");
      return this;
    }

    /** Split into periods, in a time zone. */
    public Builder period(PeriodUnit unit, ZoneId zone) {
      this.period = Optional.of(unit);
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The funnel's step order (for example the definition's steps). */
    public Builder funnel(List<String> steps) {
      this.funnelSteps = Optional.of(List.copyOf(steps));
      return this;
    }

    /** Unit costs for cost per transaction. */
    public Builder costs(UnitCosts costs) {
      this.costs = Objects.requireNonNull(costs, "costs");
      return this;
    }

    /** Builds the query. */
    public KpiQuery build() {
      return new KpiQuery(definitionId, from, to, by, period, zone, funnelSteps, costs);
    }
  }
}
