package io.civickit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The table printed after a run: for each pair, both scores, the ratio CivicKit / other (for
 * times, below 1 means CivicKit is faster; for rates, above 1 means CivicKit is faster) and
 * whether the goal is met. Markdown, so it can be pasted into docs/benchmarks.md.
 */
final class Report {
  /**
   * One benchmark's score over all rounds: the geometric mean of each round's median iteration
   * (so that the ratio of two scores is the geometric mean of the per-round ratios), the
   * per-round medians (to show the spread), and secondary results summed.
   */
  record Score(double value, List<Double> rounds, String unit, Map<String, Double> secondary) {}

  private final Map<String, Score> scores = new HashMap<>();
  private final Optional<Main.MemoryResult> memory;
  private final Machine machine;
  private final long seconds;
  private final List<String> notes;
  private final List<String[]> rows = new ArrayList<>();
  private int met;
  private int missed;

  Report(List<Collection<RunResult>> rounds, Optional<Main.MemoryResult> memory, Machine machine, long seconds,
      List<String> notes) {
    Map<String, List<Double>> perRound = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    Map<String, Map<String, Double>> secondary = new HashMap<>();
    for (Collection<RunResult> round : rounds) {
      for (RunResult r : round) {
        BenchmarkParams p = r.getParams();
        String name = p.getBenchmark();
        String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
        Map<String, String> params = new TreeMap<>();
        for (String k : p.getParamsKeys()) {
          params.put(k, p.getParam(k));
        }
        String key = key(shortName, params);
        List<Double> these = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
          for (IterationResult i : b.getIterationResults()) {
            these.add(i.getPrimaryResult().getScore());
          }
        }
        if (these.isEmpty()) {
          continue;
        }
        perRound.computeIfAbsent(key, k -> new ArrayList<>()).add(median(these));
        units.put(key, r.getPrimaryResult().getScoreUnit());
        Map<String, Double> sec = secondary.computeIfAbsent(key, k -> new HashMap<>());
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
          sec.merge(e.getKey(), e.getValue().getScore(), Double::sum);
        }
      }
    }
    perRound.forEach((key, medians) -> scores.put(key, new Score(geometricMean(medians), medians, units.get(key),
        secondary.get(key))));
    this.memory = memory;
    this.machine = machine;
    this.seconds = seconds;
    this.notes = notes;
  }

  static double geometricMean(List<Double> values) {
    double logSum = 0;
    for (double v : values) {
      logSum += Math.log(v);
    }
    return Math.exp(logSum / values.size());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String key(String benchmark, Map<String, String> params) {
    return benchmark + params;
  }

  private Optional<Score> score(String benchmark, String... params) {
    Map<String, String> p = new TreeMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put(params[i], params[i + 1]);
    }
    return Optional.ofNullable(scores.get(key(benchmark, p)));
  }

  String render() {
    comparisons();
    StringBuilder b = new StringBuilder();
    b.append("## Results\n\n");
    b.append("Machine: ").append(machine).append(". Suite time: ").append(seconds / 60).append(" min ")
        .append(seconds % 60).append(" s.\n\n");
    b.append("| # | measure | CivicKit | other | ratio CivicKit/other | goal | verdict |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (String[] r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    b.append('\n').append("Goals met: ").append(met).append(", missed: ").append(missed).append(".\n");
    b.append("Scores: the median measured JMH iteration of each round (geometric mean over rounds), as time per"
        + " operation (lower is better) or rate per second (higher is better). The ratio is CivicKit's score over the"
        + " other's, both measured in this run on the same input; \"rounds\" gives the lowest and highest per-round"
        + " ratio.\n");
    for (String n : notes) {
      b.append("\nNote: ").append(n).append('\n');
    }
    return b.toString();
  }

  private void comparisons() {
    for (String s : List.of("valid", "invalid")) {
      Optional<Score> c = score("ValidationBenchmark.civicKit", "submission", s);
      String what = "validate 25 questions, " + s + " submission";
      timeVs("1", what, c, score("ValidationBenchmark.jsonSchema", "submission", s), "networknt JSON Schema", 1.0,
          "faster (< 1)");
      timeVs("1", what, c, score("ValidationBenchmark.hibernateValidator", "submission", s), "Hibernate Validator",
          1.0, "faster (< 1)");
      timeVs("1", what, c, score("ValidationBenchmark.handWritten", "submission", s), "hand-written", 1.5, "<= 1.5");
    }
    Optional<Score> t = score("TemplateBenchmark.civicKit");
    timeVs("2", "render email: 10 placeholders, conditional, list", t, score("TemplateBenchmark.mustache"),
        "Mustache.java", 1.0, "<= 1 (as fast)");
    timeVs("2", "render email: 10 placeholders, conditional, list", t, score("TemplateBenchmark.handWritten"),
        "hand-written", 1.5, "<= 1.5");
    timeVs("3", "save + load 30-answer journey, PostgreSQL", score("SaveLoadBenchmark.civicKitStore"),
        score("SaveLoadBenchmark.plainJdbc"), "plain JDBC upsert + select", 1.15, "<= 1.15 (overhead < 15%)");
    timeVs("3", "save + load 30-answer journey, PostgreSQL", score("SaveLoadBenchmark.civicKitStore"),
        score("SaveLoadBenchmark.plainJdbcEncrypted"), "plain JDBC upsert + select, AES-256-GCM encrypted", 1.15,
        "<= 1.15 (overhead < 15%)");
    Optional<Score> codec = score("SaveLoadBenchmark.codecOnly");
    Optional<Score> store = score("SaveLoadBenchmark.civicKitStore");
    if (codec.isPresent() && store.isPresent()) {
      rows.add(new String[] {"3", "of which: journey to JSON bytes and back (no database)", time(codec.get()),
          time(store.get()) + " (CivicKit save + load)", ratio(ratioOf(codec.get(), store.get()), codec.get(),
          store.get()) + " (share of CivicKit's time)", "report", "-"});
    }

    Optional<Score> one = score("JourneyStepBenchmark.oneThread");
    Optional<Score> two = score("JourneyStepBenchmark.twoThreads");
    if (one.isPresent() && two.isPresent()) {
      rows.add(new String[] {"4", "journey step in memory (validate, route, save): 1 -> 2 threads",
          rate(one.get(), "steps/s") + " (1 thread)", rate(two.get(), "steps/s") + " (2 threads)",
          ratio(ratioOf(two.get(), one.get()), two.get(), one.get()) + " (2 threads / 1 thread)", "report",
          "-"});
    } else {
      rows.add(notRun("4", "journey step in memory"));
    }

    for (String w : List.of("1", "2", "4")) {
      Optional<Score> o = score("OutboxBenchmark.civicKitOutbox", "workers", w);
      Optional<Score> p = score("OutboxBenchmark.plainHttpLoop", "workers", w);
      String what = "outbox to local HTTP, 2 instances x " + w + " worker(s), PostgreSQL";
      if (o.isEmpty() || p.isEmpty()) {
        rows.add(notRun("5", what));
        continue;
      }
      double ratio = ratioOf(o.get(), p.get());
      double dup = o.get().secondary().getOrDefault("duplicates", Double.NaN);
      double delivered = o.get().secondary().getOrDefault("delivered", Double.NaN);
      boolean ok = ratio >= 0.8 && dup == 0;
      verdict(ok);
      rows.add(new String[] {"5", what, rate(o.get(), "msg/s") + "; " + fmt(delivered) + " delivered, " + fmt(dup)
          + " duplicates", rate(p.get(), "msg/s") + " (plain POST loop, " + (2 * Integer.parseInt(w)) + " threads)",
          ratio(ratio, o.get(), p.get()), ">= 0.8, 0 duplicates", ok ? "met" : "MISSED"});
    }
    for (String w : List.of("1", "2", "4")) {
      Optional<Score> o = score("OutboxBenchmark.civicKitOutbox", "workers", w);
      Optional<Score> p = score("OutboxBenchmark.plainJdbcOutbox", "workers", w);
      if (o.isEmpty() || p.isEmpty()) {
        continue;
      }
      String what = "outbox to local HTTP, 2 instances x " + w + " worker(s), PostgreSQL, against a hand-written"
          + " JDBC outbox";
      double dup = p.get().secondary().getOrDefault("duplicates", Double.NaN);
      double delivered = p.get().secondary().getOrDefault("delivered", Double.NaN);
      rows.add(new String[] {"5", what, rate(o.get(), "msg/s"), rate(p.get(), "msg/s") + "; " + fmt(delivered)
          + " delivered, " + fmt(dup) + " duplicates (claim 20 with SKIP LOCKED, render, POST, mark; "
          + (2 * Integer.parseInt(w)) + " threads)", ratio(ratioOf(o.get(), p.get()), o.get(), p.get()),
          "report (the floor a durable outbox sets)", "-"});
    }
    for (String w : List.of("2", "4")) {
      Optional<Score> o = score("OutboxBenchmark.civicKitOutboxSendingAtOnce", "workers", w);
      Optional<Score> p = score("OutboxBenchmark.plainHttpLoop", "workers", w);
      if (o.isEmpty() || p.isEmpty()) {
        continue;
      }
      String what = "outbox to local HTTP, 2 instances x 1 worker sending " + w + " at once, PostgreSQL";
      double ratio = ratioOf(o.get(), p.get());
      double dup = o.get().secondary().getOrDefault("duplicates", Double.NaN);
      double delivered = o.get().secondary().getOrDefault("delivered", Double.NaN);
      rows.add(new String[] {"5", what, rate(o.get(), "msg/s") + "; " + fmt(delivered) + " delivered, " + fmt(dup)
          + " duplicates", rate(p.get(), "msg/s") + " (plain POST loop, " + (2 * Integer.parseInt(w)) + " threads)",
          ratio(ratio, o.get(), p.get()), "report (same requests in flight)", "-"});
    }

    if (memory.isPresent() && memory.get().bytesPerJourney() > 0) {
      Main.MemoryResult m = memory.get();
      rows.add(new String[] {"6", "memory per in-flight journey, in-memory store, " + String.format(Locale.ROOT, "%,d",
          m.journeys()) + " journeys", String.format(Locale.ROOT, "%,d bytes (%d answers each)", m.bytesPerJourney(),
          m.answersEach()), "-", "-", "report", "-"});
    } else if (memory.isPresent()) {
      rows.add(notRun("6", "memory per journey: " + memory.get().detail()));
    } else {
      rows.add(notRun("6", "memory per in-flight journey"));
    }

    growth("7", "validation time per question", "ValidationGrowthBenchmark.validate", "questions",
        List.of("10", "100", "1000"), "100", "1000");
    growth("7", "KPI computation time per event", "KpiGrowthBenchmark.compute", "events",
        List.of("1000", "10000", "100000", "1000000"), "1000", "1000000");
  }

  private void growth(String n, String what, String benchmark, String param, List<String> sizes, String from,
      String to) {
    Map<String, Double> perItem = new TreeMap<>();
    StringBuilder shown = new StringBuilder();
    for (String size : sizes) {
      Optional<Score> s = score(benchmark, param, size);
      if (s.isPresent()) {
        double nanos = toNanos(s.get()) / Double.parseDouble(size);
        perItem.put(size, nanos);
        if (shown.length() > 0) {
          shown.append("; ");
        }
        shown.append(String.format(Locale.ROOT, "%,d: %.1f ns", Long.parseLong(size), nanos));
      }
    }
    if (!perItem.containsKey(from) || !perItem.containsKey(to)) {
      rows.add(notRun(n, what));
      return;
    }
    double items = Double.parseDouble(to) / Double.parseDouble(from);
    double exponent = 1 + Math.log(perItem.get(to) / perItem.get(from)) / Math.log(items);
    boolean ok = exponent <= 1.2;
    verdict(ok);
    rows.add(new String[] {n, what + " (" + param + ")", shown.toString(), "-",
        String.format(Locale.ROOT, "growth exponent %.2f from %s to %s", exponent, from, to),
        "linear (exponent <= 1.2)", ok ? "met" : "MISSED"});
  }

  private static double toNanos(Score s) {
    String u = s.unit();
    if (u.startsWith("ns")) {
      return s.value();
    }
    if (u.startsWith("us")) {
      return s.value() * 1e3;
    }
    if (u.startsWith("ms")) {
      return s.value() * 1e6;
    }
    return s.value() * 1e9;
  }

  private void timeVs(String n, String what, Optional<Score> civic, Optional<Score> other, String otherName,
      double goal, String goalText) {
    if (civic.isEmpty() || other.isEmpty()) {
      rows.add(notRun(n, what + " vs " + otherName));
      return;
    }
    double ratio = ratioOf(civic.get(), other.get());
    boolean ok = goal == 1.0 && goalText.startsWith("faster") ? ratio < 1.0 : ratio <= goal;
    verdict(ok);
    rows.add(new String[] {n, what, time(civic.get()), time(other.get()) + " (" + otherName + ")",
        ratio(ratio, civic.get(), other.get()), goalText, ok ? "met" : "MISSED"});
  }

  private void verdict(boolean ok) {
    if (ok) {
      met++;
    } else {
      missed++;
    }
  }

  private static String[] notRun(String n, String what) {
    return new String[] {n, what, "not run", "-", "-", "-", "-"};
  }

  /**
   * a / b: the geometric mean of each round's ratio of medians, so both sides of a ratio always
   * come from the same round (equal to the ratio of the two scores when both ran every round).
   */
  static double ratioOf(Score a, Score b) {
    int n = Math.min(a.rounds().size(), b.rounds().size());
    double logSum = 0;
    for (int i = 0; i < n; i++) {
      logSum += Math.log(a.rounds().get(i) / b.rounds().get(i));
    }
    return Math.exp(logSum / n);
  }

  /** The ratio, and the range of the per-round ratios when there was more than one round. */
  private static String ratio(double ratio, Score a, Score b) {
    String r = String.format(Locale.ROOT, "%.2f", ratio);
    int n = Math.min(a.rounds().size(), b.rounds().size());
    if (n < 2) {
      return r;
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      double x = a.rounds().get(i) / b.rounds().get(i);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return r + String.format(Locale.ROOT, " (rounds %.2f-%.2f)", lo, hi);
  }

  private static String time(Score s) {
    return String.format(Locale.ROOT, "%.2f %s", s.value(), s.unit().replace("us", "µs"));
  }

  private static String rate(Score s, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", s.value(), unit);
  }

  private static String fmt(double d) {
    return Double.isNaN(d) ? "?" : String.format(Locale.ROOT, "%.0f", d);
  }
}
