package io.civickit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Channel;
import io.civickit.core.CivicKitException;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import io.civickit.core.kpi.FunnelStep;
import io.civickit.core.kpi.KpiQuery;
import io.civickit.core.kpi.KpiReport;
import io.civickit.core.kpi.KpiRow;
import io.civickit.core.kpi.Kpis;
import io.civickit.core.kpi.UnitCosts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code civickit kpi EVENTS.jsonl [--by segment|arm|step] [--format json|csv]}: computes the
 * GOV.UK KPIs from a JSON Lines file of journey events (one {@code JourneyEvents.toJson} object
 * per line, as the SLF4J sink logs and the JDBC sink stores). Exit status 0 when computed, 1 when
 * the file cannot be read or a line is not a journey event (its number is printed), 2 for a
 * usage error.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true,
    description = "Compute completion rate, digital take-up, handoff rate, drop-off by step, time to complete and "
        + "cost per transaction from a JSON Lines file of journey events.")
public final class KpiCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How to group rows. */
  public enum By { all, segment, arm, step }

  /** Output formats. */
  public enum Format { json, csv }

  /** Calendar periods. */
  public enum Period { day, week, month }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EVENTS.jsonl", description = "Journey events, one JSON object per line.")
  Path events;

  @Option(names = "--by", defaultValue = "all",
      description = "all (one row), segment, arm (experiment=arm), or step (the drop-off funnel). Default: all.")
  By by;

  @Option(names = "--format", defaultValue = "json", description = "json or csv. Default: json.")
  Format format;

  @Option(names = "--definition", paramLabel = "ID", description = "Only journeys of this service.")
  String definition;

  @Option(names = "--period", description = "Split by day, week or month of the journey's start (Europe/London).")
  Period period;

  @Option(names = "--funnel", split = ",", paramLabel = "STEP",
      description = "The funnel's step order, comma-separated. Default: steps by how many completed them.")
  List<String> funnel;

  @Option(names = "--costs", paramLabel = "none|socitm|FILE.json", defaultValue = "none",
      description = "Unit costs per channel for cost per transaction: none (default), socitm (Socitm 2012 indicative"
          + " figures, not your council's), or a JSON object such as {\"ONLINE\": 0.15, \"TELEPHONE\": 2.83}.")
  String costs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<JourneyEvent> list = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          list.add(JourneyEvents.fromJson(line));
        } catch (CivicKitException e) {
          err.println(events + ": line " + number + ": " + e.getMessage());
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("could not read " + events + ": " + e.getMessage());
      return 1;
    }
    UnitCosts unitCosts;
    try {
      unitCosts = unitCosts();
    } catch (IOException | IllegalArgumentException e) {
      err.println("could not read unit costs from " + costs + ": " + e.getMessage());
      return 1;
    }
    KpiQuery.Builder q = KpiQuery.builder().costs(unitCosts);
    if (definition != null) {
      q.definition(definition);
    }
    if (period != null) {
      q.period(KpiQuery.PeriodUnit.valueOf(period.name().toUpperCase(Locale.ROOT)), ZoneId.of("Europe/London"));
    }
    if (funnel != null && !funnel.isEmpty()) {
      q.funnel(funnel);
    }
    if (by == By.segment) {
      q.by(KpiQuery.Grouping.SEGMENT);
    } else if (by == By.arm) {
      q.by(KpiQuery.Grouping.ARM);
    }
    KpiReport report = Kpis.compute(list, q.build());
    if (by == By.step) {
      out.print(format == Format.csv ? report.funnelCsv() : funnelJson(report));
    } else {
      out.print(format == Format.csv ? report.toCsv() : report.toJson() + "\n");
    }
    out.flush();
    return 0;
  }

  private UnitCosts unitCosts() throws IOException {
    if (costs.equals("none")) {
      return UnitCosts.none();
    }
    if (costs.equals("socitm")) {
      return UnitCosts.socitmIndicative();
    }
    JsonNode n = JSON.readTree(Files.readString(Path.of(costs), StandardCharsets.UTF_8));
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object of channel to cost");
    }
    Map<Channel, BigDecimal> m = new EnumMap<>(Channel.class);
    Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!f.getValue().isNumber()) {
        throw new IllegalArgumentException("the cost for " + f.getKey() + " is not a number");
      }
      m.put(Channel.valueOf(f.getKey().toUpperCase(Locale.ROOT)), f.getValue().decimalValue());
    }
    return new UnitCosts(m, "GBP", Path.of(costs).getFileName().toString());
  }

  private static String funnelJson(KpiReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("dimension", "step");
    ArrayNode rows = root.putArray("rows");
    for (KpiRow r : report.rows()) {
      ObjectNode row = rows.addObject();
      if (r.periodStart().isPresent()) {
        row.put("periodStart", r.periodStart().get().toString());
      } else {
        row.putNull("periodStart");
      }
      ArrayNode steps = row.putArray("steps");
      long previous = -1;
      for (FunnelStep f : r.funnel()) {
        ObjectNode s = steps.addObject();
        s.put("step", f.stepId());
        s.put("reached", f.reached());
        s.put("droppedAfter", f.droppedAfter());
        if (previous > 0) {
          s.put("fromPrevious", (double) f.reached() / previous);
        } else {
          s.putNull("fromPrevious");
        }
        previous = f.reached();
      }
    }
    return root.toString() + "\n";
  }
}
