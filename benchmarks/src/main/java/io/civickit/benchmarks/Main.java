package io.civickit.benchmarks;

import io.civickit.benchmarks.growth.KpiGrowthBenchmark;
import io.civickit.benchmarks.growth.ValidationGrowthBenchmark;
import io.civickit.benchmarks.journey.JourneyStepBenchmark;
import io.civickit.benchmarks.memory.MemoryProbe;
import io.civickit.benchmarks.outbox.OutboxBenchmark;
import io.civickit.benchmarks.store.SaveLoadBenchmark;
import io.civickit.benchmarks.support.Postgres;
import io.civickit.benchmarks.template.TemplateBenchmark;
import io.civickit.benchmarks.validation.ValidationBenchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite with JMH and prints a table of ratios, each pair measured in this run on
 * the same input, with every goal met or missed. Each benchmark gets one fork with a few short
 * iterations, and the suite runs in two rounds (the outbox, memory and growth only in the
 * first), so that a burst of load from something else on the machine hits both sides of a pair
 * alike: the report takes the median of all measured iterations and shows how far the ratio
 * moved between rounds. About eight minutes on two cores.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar               # everything
 * java -jar benchmarks/target/benchmarks.jar validation template   # some groups
 * java -jar benchmarks/target/benchmarks.jar --quick      # a smoke run: does everything work?
 * </pre>
 *
 * Groups: {@code validation template store step outbox memory growth}. The {@code store} and
 * {@code outbox} groups need PostgreSQL (see {@link Postgres}); without it they are skipped with
 * a message. {@code --rounds N} changes the number of rounds. Raw JMH results are written to
 * {@code benchmarks-result-<round>.json} next to the jar.
 */
public final class Main {
  private Main() {}

  /** Groups measured in the first round only: long-running, with their own repetitions. */
  static final Set<String> ONCE = Set.of("outbox", "memory", "growth");

  /** The groups, in the order of the issue, with the JMH classes each runs. */
  static final Map<String, List<Class<?>>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("validation", List.of(ValidationBenchmark.class));
    GROUPS.put("template", List.of(TemplateBenchmark.class));
    GROUPS.put("store", List.of(SaveLoadBenchmark.class));
    GROUPS.put("step", List.of(JourneyStepBenchmark.class));
    GROUPS.put("outbox", List.of(OutboxBenchmark.class));
    GROUPS.put("memory", List.of());
    GROUPS.put("growth", List.of(ValidationGrowthBenchmark.class, KpiGrowthBenchmark.class));
  }

  /** Runs the groups named in {@code args}, or all of them. */
  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    Set<String> groups = new TreeSet<>();
    boolean quick = false;
    int roundCount = 2;
    for (int i = 0; i < args.length; i++) {
      String g = args[i].toLowerCase(Locale.ROOT);
      if (g.equals("--quick")) {
        quick = true;
        continue;
      }
      if (g.equals("--rounds") && i + 1 < args.length) {
        roundCount = Math.max(1, Integer.parseInt(args[++i]));
        continue;
      }
      if (!GROUPS.containsKey(g)) {
        System.err.println("unknown group \"" + args[i] + "\"; groups are " + GROUPS.keySet());
        System.exit(2);
      }
      groups.add(g);
    }
    if (groups.isEmpty()) {
      groups.addAll(GROUPS.keySet());
    }
    if (quick) {
      roundCount = 1;
      System.out.println("--quick: one short iteration each, to check that everything runs; the numbers mean little.");
    }
    Machine machine = Machine.describe();
    System.out.println("CivicKit benchmarks on " + machine);

    List<String> skipped = new ArrayList<>();
    if (groups.contains("store") || groups.contains("outbox")) {
      String why = Postgres.unavailableBecause();
      if (why != null) {
        String message = "PostgreSQL is not reachable at " + Postgres.url() + " as " + Postgres.user() + " (" + why
            + "): skipping benchmarks 3 (store) and 5 (outbox). Start PostgreSQL or set CIVICKIT_TEST_PG_URL"
            + " and CIVICKIT_TEST_PG_USER to run them.";
        System.out.println(message);
        skipped.add(message);
        groups.remove("store");
        groups.remove("outbox");
      }
    }

    long started = System.nanoTime();
    List<Collection<RunResult>> rounds = new ArrayList<>();
    for (int round = 1; round <= roundCount; round++) {
      ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(false)
          .jvmArgsAppend("-Dorg.jboss.logging.provider=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
          .resultFormat(ResultFormatType.JSON).result(resultsDir().resolve("benchmarks-result-" + round + ".json")
              .toString());
      if (quick) {
        options.warmupIterations(1).warmupTime(TimeValue.milliseconds(300)).measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(300));
      }
      boolean any = false;
      for (String g : groups) {
        if (round > 1 && ONCE.contains(g)) {
          continue;
        }
        for (Class<?> c : GROUPS.get(g)) {
          options.include("^" + c.getName().replace(".", "\\.") + "\\.");
          any = true;
        }
      }
      if (any) {
        System.out.println("# Round " + round + " of " + roundCount);
        rounds.add(new Runner(options.build()).run());
      }
    }
    Optional<MemoryResult> memory = groups.contains("memory") ? Optional.of(runMemoryProbe()) : Optional.empty();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;

    System.out.println();
    System.out.print(new Report(rounds, memory, machine, seconds, skipped).render());
  }

  /** Next to the jar (benchmarks/target), else the working directory. */
  static Path resultsDir() {
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent() == null ? Path.of(".") : jar.getParent();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of(".");
    }
  }

  /** The memory probe's answer. */
  record MemoryResult(int journeys, long bytesPerJourney, int answersEach, String detail) {}

  private static MemoryResult runMemoryProbe() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), MemoryProbe.class.getName(), "100000");
    pb.redirectErrorStream(true);
    System.out.println("# Memory probe: 100,000 in-flight journeys in the in-memory store (separate JVM, serial GC)");
    Process p = pb.start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println(line);
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      return new MemoryResult(0, -1, 0, "the memory probe failed (exit " + p.exitValue() + ")");
    }
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : result.substring("RESULT ".length()).split(" ")) {
      int eq = part.indexOf('=');
      kv.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return new MemoryResult(Integer.parseInt(kv.get("journeys")), Long.parseLong(kv.get("bytesPerJourney")),
        Integer.parseInt(kv.get("answers")), "GC " + kv.get("gc"));
  }
}
