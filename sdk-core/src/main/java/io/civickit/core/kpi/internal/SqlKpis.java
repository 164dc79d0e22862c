package io.civickit.core.kpi.internal;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Outcome;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.KpiRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * KPIs with SQL on {@code civickit_journey_events} (and {@code civickit_journey_arms}): the
 * database aggregates, so a council with millions of events never loads them. The same SQL runs
 * on H2 and PostgreSQL; the results go through the same {@link Totals} as the in-memory version.
 */
public final class SqlKpis {
  private static final String DIGITAL = digitalList();

  private SqlKpis() {}

  private static String digitalList() {
    List<String> names = new ArrayList<>();
    for (Channel c : Channel.values()) {
      if (c.isDigital()) {
        names.add("'" + c.name() + "'");
      }
    }
    return "(" + String.join(", ", names) + ")";
  }

  /** SQL text and its parameters, built together so they stay in step. */
  private static final class Sql {
    final StringBuilder text = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    Sql add(String s, Object... ps) {
      text.append(s);
      params.addAll(List.of(ps));
      return this;
    }

    Sql add(Sql other) {
      text.append(other.text);
      params.addAll(other.params);
      return this;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(text.toString());
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof Instant t) {
          ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      return ps;
    }
  }

  /**
   * The per-journey facts and their group, as a derived table to alias {@code f}. (Not a common
   * table expression: H2 reuses a prepared CTE with its first parameters.)
   */
  private static Sql facts(KpiQuery q, List<String> steps, Optional<Instant> from, Optional<Instant> to) {
    Sql s = new Sql();
    s.add("(SELECT j.*,"
        + " CASE WHEN j.start_channel IN " + DIGITAL + " THEN 1 ELSE 0 END AS digital,"
        + " CASE WHEN j.completed_at IS NULL AND j.ended > 0 THEN 1 ELSE 0 END AS failed,"
        + " CASE WHEN j.start_channel IN " + DIGITAL + " AND j.completed_at IS NOT NULL"
        + " THEN FLOOR(EXTRACT(EPOCH FROM j.completed_at)) - FLOOR(EXTRACT(EPOCH FROM j.started_at)) END AS dur,");
    switch (q.by()) {
      case SEGMENT:
        s.add(" COALESCE(se.segment, '(none)') AS grp");
        break;
      case ARM:
        s.add(" a.experiment || '=' || a.arm AS grp");
        break;
      default:
        s.add(" 'all' AS grp");
    }
    s.add(" FROM (SELECT e.journey_id AS journey_id,"
        + " MIN(CASE WHEN e.event_type = 'started' THEN e.occurred_at END) AS started_at,"
        + " MAX(CASE WHEN e.event_type = 'started' THEN e.channel END) AS start_channel,"
        + " MIN(CASE WHEN e.event_type = 'completed' THEN e.occurred_at END) AS completed_at,"
        + " MAX(CASE WHEN e.event_type = 'completed' THEN e.channel END) AS completion_channel,"
        + " MAX(CASE WHEN e.event_type = 'completed' THEN e.outcome END) AS outcome,"
        + " SUM(CASE WHEN e.event_type IN ('expired', 'abandoned') THEN 1 ELSE 0 END) AS ended,"
        + " SUM(CASE WHEN e.event_type = 'handed_off' THEN 1 ELSE 0 END) AS handoffs,"
        + " SUM(CASE WHEN e.event_type = 'payment_failed' THEN 1 ELSE 0 END) AS payment_failures,");
    if (steps.isEmpty()) {
      s.add(" 0 AS furthest");
    } else {
      s.add(" MAX(CASE WHEN e.event_type = 'step_completed' THEN (CASE e.step_id");
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        if (seen.putIfAbsent(steps.get(i), i + 1) == null) {
          s.add(" WHEN ? THEN " + (i + 1), steps.get(i));
        }
      }
      s.add(" ELSE 0 END) ELSE 0 END) AS furthest");
    }
    s.add(" FROM civickit_journey_events e");
    if (q.definitionId().isPresent()) {
      s.add(" WHERE e.definition_id = ?", q.definitionId().get());
    }
    s.add(" GROUP BY e.journey_id HAVING MIN(CASE WHEN e.event_type = 'started' THEN e.occurred_at END) IS NOT NULL");
    from.ifPresent(t -> s.add(" AND MIN(CASE WHEN e.event_type = 'started' THEN e.occurred_at END) >= ?", t));
    to.ifPresent(t -> s.add(" AND MIN(CASE WHEN e.event_type = 'started' THEN e.occurred_at END) < ?", t));
    s.add(") j");
    switch (q.by()) {
      case SEGMENT:
        s.add(" LEFT JOIN (SELECT x.journey_id AS journey_id, MAX(x.event_id) AS last_id FROM civickit_journey_events x"
            + " WHERE x.segment IS NOT NULL GROUP BY x.journey_id) ls ON ls.journey_id = j.journey_id"
            + " LEFT JOIN civickit_journey_events se ON se.event_id = ls.last_id");
        break;
      case ARM:
        s.add(" JOIN civickit_journey_arms a ON a.journey_id = j.journey_id");
        break;
      default:
        break;
    }
    return s.add(") f");
  }

  /** Computes a report with SQL. */
  public static KpiReport compute(DataSource dataSource, KpiQuery q) {
    try (Connection c = dataSource.getConnection()) {
      List<String> steps = q.funnelSteps().orElse(null);
      if (steps == null) {
        steps = stepOrder(c, q);
      }
      Optional<Instant> first = Optional.empty();
      Optional<Instant> last = Optional.empty();
      if (q.period().isPresent() && (q.from().isEmpty() || q.to().isEmpty())) {
        Sql s = new Sql().add("SELECT MIN(f.started_at), MAX(f.started_at) FROM ").add(facts(q, List.of(), q.from(), q.to()));
        try (PreparedStatement ps = s.prepare(c); ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getObject(1) != null) {
            first = Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant());
            last = Optional.of(rs.getObject(2, OffsetDateTime.class).toInstant());
          }
        }
      }
      String dimension = q.by().name().toLowerCase(Locale.ROOT);
      List<KpiRow> rows = new ArrayList<>();
      for (Periods.Range range : Periods.of(q, first, last)) {
        Map<String, Totals> groups = totals(c, q, steps, range.from(), range.to());
        if (q.by() == KpiQuery.Grouping.ALL) {
          groups.putIfAbsent("all", new Totals());
        }
        for (Map.Entry<String, Totals> g : groups.entrySet()) {
          rows.add(g.getValue().toRow(dimension, g.getKey(), range.label(), steps, q.costs()));
        }
      }
      return new KpiReport(dimension, q.costs().source(), rows);
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journey_events", "compute KPIs", e);
    }
  }

  private static List<String> stepOrder(Connection c, KpiQuery q) throws SQLException {
    // Over every journey in the query, whatever the grouping, as in memory.
    KpiQuery all = new KpiQuery(q.definitionId(), q.from(), q.to(), KpiQuery.Grouping.ALL, q.period(), q.zone(),
        q.funnelSteps(), q.costs());
    Sql s = new Sql().add("SELECT e.step_id, COUNT(DISTINCT e.journey_id) FROM civickit_journey_events e JOIN ")
        .add(facts(all, List.of(), q.from(), q.to()))
        .add(" ON f.journey_id = e.journey_id WHERE e.event_type = 'step_completed' AND f.digital = 1 GROUP BY e.step_id");
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement ps = s.prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return InMemoryKpis.order(counts);
  }

  private static Map<String, Totals> totals(Connection c, KpiQuery q, List<String> steps, Optional<Instant> from,
      Optional<Instant> to) throws SQLException {
    Map<String, Totals> groups = new TreeMap<>();
    StringBuilder select = new StringBuilder("SELECT grp, SUM(digital),"
        + " SUM(CASE WHEN digital = 1 AND completed_at IS NOT NULL THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN digital = 1 AND failed = 1 THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN digital = 1 AND handoffs > 0 THEN 1 ELSE 0 END), SUM(payment_failures)");
    for (Channel ch : Channel.values()) {
      select.append(", SUM(CASE WHEN completed_at IS NOT NULL AND completion_channel = '").append(ch.name())
          .append("' THEN 1 ELSE 0 END)");
    }
    for (Outcome o : Outcome.values()) {
      select.append(", SUM(CASE WHEN completed_at IS NOT NULL AND outcome = '").append(o.name())
          .append("' THEN 1 ELSE 0 END)");
    }
    select.append(" FROM ");
    Sql s = new Sql().add(select.toString()).add(facts(q, steps, from, to)).add(" GROUP BY grp");
    try (PreparedStatement ps = s.prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Totals t = groups.computeIfAbsent(rs.getString(1), k -> new Totals());
        t.started = rs.getLong(2);
        t.completed = rs.getLong(3);
        t.failed = rs.getLong(4);
        t.handedOff = rs.getLong(5);
        t.paymentFailures = rs.getLong(6);
        int col = 7;
        for (Channel ch : Channel.values()) {
          t.completions.put(ch, rs.getLong(col++));
        }
        for (Outcome o : Outcome.values()) {
          t.outcomes.put(o, rs.getLong(col++));
        }
      }
    }
    // Nearest-rank percentiles with window functions: the k-th of n with k = ceil(n * p), the
    // same definition on every database (H2's PERCENTILE_DISC does not follow it).
    Sql pct = new Sql().add("SELECT grp, MAX(CASE WHEN rn = (cnt + 1) / 2 THEN dur END),"
        + " MAX(CASE WHEN rn = (9 * cnt + 9) / 10 THEN dur END) FROM (SELECT f.grp AS grp, f.dur AS dur,"
        + " ROW_NUMBER() OVER (PARTITION BY f.grp ORDER BY f.dur) AS rn, COUNT(*) OVER (PARTITION BY f.grp) AS cnt"
        + " FROM ").add(facts(q, steps, from, to)).add(" WHERE f.dur IS NOT NULL) d GROUP BY grp");
    try (PreparedStatement ps = pct.prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Totals t = groups.computeIfAbsent(rs.getString(1), k -> new Totals());
        t.median = seconds(rs.getBigDecimal(2));
        t.p90 = seconds(rs.getBigDecimal(3));
      }
    }
    Sql funnel = new Sql().add("SELECT f.grp, f.furthest, SUM(f.digital), SUM(CASE WHEN f.digital = 1 AND"
        + " f.failed = 1 THEN 1 ELSE 0 END) FROM ").add(facts(q, steps, from, to)).add(" GROUP BY f.grp, f.furthest");
    try (PreparedStatement ps = funnel.prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long count = rs.getLong(3);
        if (count > 0) {
          groups.computeIfAbsent(rs.getString(1), k -> new Totals()).addFurthest(rs.getInt(2), count, rs.getLong(4));
        }
      }
    }
    Sql reasons = new Sql().add("SELECT f.grp, e.reason, COUNT(*) FROM ").add(facts(q, steps, from, to))
        .add(" JOIN civickit_journey_events e ON e.journey_id = f.journey_id WHERE e.event_type = 'handed_off'"
            + " GROUP BY f.grp, e.reason");
    try (PreparedStatement ps = reasons.prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        groups.computeIfAbsent(rs.getString(1), k -> new Totals()).reasons
            .merge(HandoffReason.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
      }
    }
    return groups;
  }

  private static OptionalLong seconds(BigDecimal v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.longValueExact());
  }

  /** For diagnostics: the statements a query runs, with placeholders. */
  public static String explain(KpiQuery q, List<String> steps) {
    return facts(q, steps, q.from(), q.to()).text.toString().lines().collect(Collectors.joining("\n"));
  }
}
