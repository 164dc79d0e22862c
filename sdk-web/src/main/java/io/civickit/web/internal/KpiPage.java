package io.civickit.web.internal;

import io.civickit.core.JourneyDefinition;
import io.civickit.core.Step;
import io.civickit.core.kpi.FunnelStep;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.KpiRow;
import io.civickit.core.kpi.Kpis;
import java.util.ArrayList;
import java.util.List;

/**
 * The service performance page: sdk-core's KPIs ({@link Kpis}, computed with SQL on the event
 * table) drawn as inline SVG bar charts that need no JavaScript, each followed by the same
 * numbers in a table for screen readers: the funnel (journeys reaching each step) and, per
 * segment, the completion rate, digital take-up and handoff rate, with the GOV.UK Service
 * Manual's definitions ({@link KpiRow}).
 */
final class KpiPage {
  private KpiPage() {}

  static String render(Engine app) {
    String formId = app.form.id();
    JourneyDefinition def = app.journeys.definition(formId);
    List<String> steps = def.steps().stream().map(Step::id).filter(id -> def.endOutcome(id).isEmpty()).toList();
    KpiReport all = Kpis.compute(app.config.dataSource(), KpiQuery.builder().definition(formId)
        .by(KpiQuery.Grouping.ALL).funnel(steps).build());
    KpiReport bySegment = Kpis.compute(app.config.dataSource(), KpiQuery.builder().definition(formId)
        .by(KpiQuery.Grouping.SEGMENT).funnel(steps).build());
    StringBuilder b = new StringBuilder(Html.h1("Service performance"));
    b.append(Html.p("Journeys of \"" + app.form.title().en() + "\", computed by CivicKit from the journey events. "
        + "A transaction is completed when the service did what it should, including \"not eligible\"; a save "
        + "and a resume are one transaction; journeys still in progress are left out of the completion rate."));

    b.append("<h2 class=\"govuk-heading-m\" id=\"funnel-heading\">Funnel: journeys reaching each step</h2>");
    List<String> labels = new ArrayList<>();
    List<double[]> bars = new ArrayList<>();
    List<String[]> funnelRows = new ArrayList<>();
    List<FunnelStep> funnel = all.rows().isEmpty() ? List.of() : all.rows().get(0).funnel();
    long max = 1;
    for (FunnelStep f : funnel) {
      labels.add(f.stepId());
      bars.add(new double[] {f.reached()});
      funnelRows.add(new String[] {f.stepId(), String.valueOf(f.reached()), String.valueOf(f.droppedAfter())});
      max = Math.max(max, f.reached());
    }
    b.append(barChart("funnel", "Funnel: journeys reaching each step",
        "Horizontal bars, one per step in order: the number of journeys that got at least that far.",
        labels, bars, new String[] {"journeys"}, max, false));
    b.append(table("Funnel", new String[] {"Step", "Journeys reaching it", "Dropped out after it"}, funnelRows));

    b.append("<h2 class=\"govuk-heading-m\" id=\"segments-heading\">Rates by segment</h2>");
    List<String> segLabels = new ArrayList<>();
    List<double[]> segBars = new ArrayList<>();
    List<String[]> segRows = new ArrayList<>();
    for (KpiRow r : bySegment.rows()) {
      segLabels.add(r.group());
      segBars.add(new double[] {r.completionRate().orElse(0) * 100, r.digitalTakeUp().orElse(0) * 100,
          r.handoffRate().orElse(0) * 100});
      segRows.add(new String[] {r.group(), String.valueOf(r.started()), String.valueOf(r.completed()),
          percent(r.completionRate()), percent(r.digitalTakeUp()), String.valueOf(r.handedOff()),
          percent(r.handoffRate()),
          r.medianSecondsToComplete().isPresent() ? r.medianSecondsToComplete().getAsLong() + " s" : "-"});
    }
    b.append(barChart("segments", "Completion rate, digital take-up and handoff rate by segment",
        "Three bars per segment, as percentages: completion rate (blue), digital take-up (green) and handoff "
            + "rate (red).", segLabels, segBars, new String[] {"completion rate", "digital take-up", "handoff rate"},
        100, true));
    b.append(table("Rates by segment", new String[] {"Segment", "Started", "Completed", "Completion rate",
        "Digital take-up", "Handed off", "Handoff rate", "Median time to complete"}, segRows));
    return b.toString();
  }

  private static String percent(java.util.OptionalDouble r) {
    return r.isPresent() ? percent(r.getAsDouble()) : "-";
  }

  private static String percent(double r) {
    return Math.round(r * 100) + "%";
  }

  private static final String[] COLOURS = {"#1d70b8", "#00703c", "#d4351c"};
  private static final String[] SERIES_CLASS = {"blue", "green", "red"};

  /** A horizontal bar chart as inline SVG: presentation attributes only, no style attributes, no script. */
  static String barChart(String id, String title, String description, List<String> labels, List<double[]> values,
      String[] series, double max, boolean percent) {
    int labelWidth = 190;
    int chartWidth = 420;
    int barHeight = 18;
    int group = series.length * barHeight + 12;
    int height = Math.max(1, labels.size()) * group + 30 + (series.length > 1 ? 24 : 0);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kpi-chart\" id=\"").append(Html.a(id))
        .append("-chart\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
        .append(" width=\"100%\" viewBox=\"0 0 ").append(labelWidth + chartWidth + 70).append(' ').append(height)
        .append("\" preserveAspectRatio=\"xMinYMin meet\">")
        .append("<title id=\"").append(id).append("-title\">").append(Html.e(title)).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">").append(Html.e(description)).append("</desc>");
    for (int i = 0; i < labels.size(); i++) {
      int y = 10 + i * group;
      s.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + group / 2)
          .append("\" text-anchor=\"end\" font-family=\"Arial, sans-serif\" font-size=\"14\" fill=\"#0b0c0c\">")
          .append(Html.e(labels.get(i))).append("</text>");
      for (int k = 0; k < series.length; k++) {
        double v = values.get(i)[k];
        int w = (int) Math.round(chartWidth * Math.max(0, Math.min(v, max)) / max);
        int by = y + k * barHeight;
        s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"").append(Math.max(w, 1))
            .append("\" height=\"").append(barHeight - 3).append("\" fill=\"").append(COLOURS[k % COLOURS.length])
            .append("\"></rect>")
            .append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(by + barHeight - 6)
            .append("\" font-family=\"Arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\">")
            .append(percent ? Math.round(v) + "%" : String.valueOf((long) v)).append("</text>");
      }
    }
    if (series.length > 1) {
      int y = height - 16;
      for (int k = 0; k < series.length; k++) {
        int x = 10 + k * 200;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y - 11).append("\" width=\"14\" height=\"14\" fill=\"")
            .append(COLOURS[k % COLOURS.length]).append("\"></rect><text x=\"").append(x + 20).append("\" y=\"").append(y)
            .append("\" font-family=\"Arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\">")
            .append(Html.e(series[k] + " (" + SERIES_CLASS[k % SERIES_CLASS.length] + ")")).append("</text>");
      }
    }
    return s.append("</svg>").toString();
  }

  private static String table(String caption, String[] headers, List<String[]> rows) {
    StringBuilder t = new StringBuilder("<table class=\"govuk-table\"><caption class=\"govuk-table__caption "
        + "govuk-table__caption--s\">").append(Html.e(caption)).append("</caption><thead class=\"govuk-table__head\">"
        + "<tr class=\"govuk-table__row\">");
    for (String h : headers) {
      t.append("<th scope=\"col\" class=\"govuk-table__header\">").append(Html.e(h)).append("</th>");
    }
    t.append("</tr></thead><tbody class=\"govuk-table__body\">");
    for (String[] r : rows) {
      t.append("<tr class=\"govuk-table__row\">");
      for (int i = 0; i < r.length; i++) {
        t.append(i == 0 ? "<th scope=\"row\" class=\"govuk-table__header\">" : "<td class=\"govuk-table__cell\">")
            .append(Html.e(r[i])).append(i == 0 ? "</th>" : "</td>");
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table>").toString();
  }
}
