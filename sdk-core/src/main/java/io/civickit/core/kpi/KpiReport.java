package io.civickit.core.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A KPI report: one {@link KpiRow} per group and period, with JSON and CSV forms.
 *
 * @param dimension how rows are grouped: {@code all}, {@code segment} or {@code arm}
 * @param costSource where the unit costs came from
 * @param rows the rows, by period then group
 */
public record KpiReport(String dimension, String costSource, List<KpiRow> rows) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The CSV columns of {@link #toCsv()}. */
  public static final List<String> CSV_COLUMNS = List.of("dimension", "group", "period_start", "started", "completed",
      "failed", "in_progress", "completion_rate", "all_completions", "digital_completions", "digital_take_up",
      "handed_off", "handoff_rate", "median_seconds_to_complete", "p90_seconds_to_complete", "cost_per_transaction");

  /** Copies the rows. */
  public KpiReport {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(costSource, "costSource");
    rows = List.copyOf(rows);
  }

  /** The report as a JSON object: {@code {"dimension": ..., "costSource": ..., "rows": [...]}}. */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("dimension", dimension);
    root.put("costSource", costSource);
    ArrayNode rs = root.putArray("rows");
    for (KpiRow r : rows) {
      ObjectNode n = rs.addObject();
      n.put("group", r.group());
      if (r.periodStart().isPresent()) {
        n.put("periodStart", r.periodStart().get().toString());
      } else {
        n.putNull("periodStart");
      }
      n.put("started", r.started());
      n.put("completed", r.completed());
      n.put("failed", r.failed());
      n.put("inProgress", r.inProgress());
      rate(n, "completionRate", r.completionRate());
      n.put("allCompletions", r.allCompletions());
      n.put("digitalCompletions", r.digitalCompletions());
      rate(n, "digitalTakeUp", r.digitalTakeUp());
      n.put("handedOff", r.handedOff());
      rate(n, "handoffRate", r.handoffRate());
      ObjectNode completions = n.putObject("completions");
      r.completions().forEach((k, v) -> completions.put(k.name(), v));
      ObjectNode outcomes = n.putObject("outcomes");
      r.outcomes().forEach((k, v) -> outcomes.put(k.name(), v));
      ObjectNode reasons = n.putObject("handoffReasons");
      r.handoffReasons().forEach((k, v) -> reasons.put(k.name(), v));
      seconds(n, "medianSecondsToComplete", r.medianSecondsToComplete());
      seconds(n, "p90SecondsToComplete", r.p90SecondsToComplete());
      if (r.costPerTransaction().isPresent()) {
        n.put("costPerTransaction", r.costPerTransaction().get());
      } else {
        n.putNull("costPerTransaction");
      }
      ArrayNode funnel = n.putArray("funnel");
      r.funnel().forEach(f -> funnel.addObject().put("step", f.stepId()).put("reached", f.reached())
          .put("droppedAfter", f.droppedAfter()));
    }
    return root.toString();
  }

  private static void rate(ObjectNode n, String field, OptionalDouble v) {
    if (v.isPresent()) {
      n.put(field, v.getAsDouble());
    } else {
      n.putNull(field);
    }
  }

  private static void seconds(ObjectNode n, String field, OptionalLong v) {
    if (v.isPresent()) {
      n.put(field, v.getAsLong());
    } else {
      n.putNull(field);
    }
  }

  /** One CSV line per row with the {@link #CSV_COLUMNS}; rates to 4 decimal places, empty when undefined. */
  public String toCsv() {
    StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (KpiRow r : rows) {
      b.append(String.join(",", List.of(dimension, csv(r.group()), r.periodStart().map(Object::toString).orElse(""),
          Long.toString(r.started()), Long.toString(r.completed()), Long.toString(r.failed()),
          Long.toString(r.inProgress()), fmt(r.completionRate()), Long.toString(r.allCompletions()),
          Long.toString(r.digitalCompletions()), fmt(r.digitalTakeUp()), Long.toString(r.handedOff()),
          fmt(r.handoffRate()), fmt(r.medianSecondsToComplete()), fmt(r.p90SecondsToComplete()),
          r.costPerTransaction().map(java.math.BigDecimal::toPlainString).orElse("")))).append('\n');
    }
    return b.toString();
  }

  /** The funnels as CSV: {@code group,period_start,position,step,reached,dropped_after}. */
  public String funnelCsv() {
    StringBuilder b = new StringBuilder("group,period_start,position,step,reached,dropped_after\n");
    for (KpiRow r : rows) {
      for (int i = 0; i < r.funnel().size(); i++) {
        FunnelStep f = r.funnel().get(i);
        b.append(csv(r.group())).append(',').append(r.periodStart().map(Object::toString).orElse("")).append(',')
            .append(i).append(',').append(csv(f.stepId())).append(',').append(f.reached()).append(',')
            .append(f.droppedAfter()).append('\n');
      }
    }
    return b.toString();
  }

  private static String fmt(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "";
  }

  private static String fmt(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "";
  }

  /** Quotes a CSV field when needed, and defuses spreadsheet formulas. */
  static String csv(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
