package io.civickit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  /** Three journeys: one completes online (over-75, arm a), one is handed off and expires, one completes by phone. */
  Path events() throws Exception {
    SplittableRandom r = new SplittableRandom(1);
    List<JourneyEvent> e = new ArrayList<>();
    JourneyEvent.Subject a = new JourneyEvent.Subject(JourneyId.random(r), "garden-waste", 1, Channel.ONLINE,
        Optional.of("over-75"), Map.of("chat", "a"));
    e.add(new JourneyEvent.Started(a, T0, Actor.citizen()));
    e.add(new JourneyEvent.StepCompleted(a, T0.plusSeconds(60), "name", Actor.citizen()));
    e.add(new JourneyEvent.StepCompleted(a, T0.plusSeconds(120), "check", Actor.citizen()));
    e.add(new JourneyEvent.Completed(a, T0.plusSeconds(120), Outcome.SUCCESS, Actor.citizen()));
    JourneyEvent.Subject b = new JourneyEvent.Subject(JourneyId.random(r), "garden-waste", 1, Channel.ONLINE,
        Optional.of("everyone"), Map.of("chat", "b"));
    e.add(new JourneyEvent.Started(b, T0, Actor.citizen()));
    e.add(new JourneyEvent.StepCompleted(b, T0.plusSeconds(60), "name", Actor.citizen()));
    e.add(new JourneyEvent.HandedOff(b, T0.plusSeconds(90), "check", HandoffReason.ASKED_FOR_HELP, "web-chat"));
    e.add(new JourneyEvent.Expired(b, T0.plusSeconds(86_400 * 28), "check"));
    JourneyEvent.Subject c = new JourneyEvent.Subject(JourneyId.random(r), "garden-waste", 1, Channel.TELEPHONE,
        Optional.empty(), Map.of());
    e.add(new JourneyEvent.Started(c, T0, Actor.adviser("jsmith")));
    e.add(new JourneyEvent.Completed(c, T0, Outcome.INELIGIBLE, Actor.adviser("jsmith")));
    return Files.writeString(dir.resolve("events.jsonl"),
        e.stream().map(JourneyEvents::toJson).collect(Collectors.joining("\n", "", "\n\n")), StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void computesTheKpisAsJsonByDefault() throws Exception {
    int status = CivicKitCommand.run("kpi", events().toString());
    assertThat(status).isZero();
    JsonNode row = new ObjectMapper().readTree(stdout()).get("rows").get(0);
    assertThat(row.get("group").asText()).isEqualTo("all");
    assertThat(row.get("started").asLong()).isEqualTo(2);
    assertThat(row.get("completionRate").asDouble()).isEqualTo(0.5);
    assertThat(row.get("digitalTakeUp").asDouble()).isEqualTo(0.5); // the phone completion counts as offline
    assertThat(row.get("handoffRate").asDouble()).isEqualTo(0.5);
    assertThat(row.get("medianSecondsToComplete").asLong()).isEqualTo(120);
  }

  @Test
  void bySegmentAsCsvWithIndicativeCosts() throws Exception {
    int status = CivicKitCommand.run("kpi", events().toString(), "--by", "segment", "--format", "csv", "--costs", "socitm");
    assertThat(status).isZero();
    assertThat(stdout().lines().toList()).containsExactly(
        "dimension,group,period_start,started,completed,failed,in_progress,completion_rate,all_completions,"
            + "digital_completions,digital_take_up,handed_off,handoff_rate,median_seconds_to_complete,"
            + "p90_seconds_to_complete,cost_per_transaction",
        "segment,(none),,0,0,0,0,,1,0,0.0000,0,,,,2.8300",
        "segment,everyone,,1,0,1,0,0.0000,0,0,,1,1.0000,,,",
        "segment,over-75,,1,1,0,0,1.0000,1,1,1.0000,0,0.0000,120,120,0.1500");
  }

  @Test
  void byArmAndByStep() throws Exception {
    Path file = events();
    assertThat(CivicKitCommand.run("kpi", file.toString(), "--by", "arm", "--format", "csv")).isZero();
    assertThat(stdout()).contains("\narm,chat=a,,1,1,").contains("\narm,chat=b,,1,0,1,");
    out.reset();
    assertThat(CivicKitCommand.run("kpi", file.toString(), "--by", "step", "--format", "csv")).isZero();
    assertThat(stdout().lines().toList()).containsExactly("group,period_start,position,step,reached,dropped_after",
        "all,,0,(start),2,0", "all,,1,name,2,1", "all,,2,check,1,0");
    out.reset();
    assertThat(CivicKitCommand.run("kpi", file.toString(), "--by", "step", "--funnel", "name,check")).isZero();
    JsonNode steps = new ObjectMapper().readTree(stdout()).get("rows").get(0).get("steps");
    assertThat(steps.get(2).get("fromPrevious").asDouble()).isEqualTo(0.5);
  }

  @Test
  void ownUnitCostsFromAFile() throws Exception {
    Path costs = Files.writeString(dir.resolve("costs.json"), "{\"ONLINE\": 0.50, \"TELEPHONE\": 4.50}");
    assertThat(CivicKitCommand.run("kpi", events().toString(), "--format", "csv", "--costs", costs.toString())).isZero();
    assertThat(stdout().lines().skip(1).findFirst().orElseThrow()).endsWith(",2.5000");
  }

  @Test
  void aBadLineIsReportedWithItsNumber() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(events()) + "{\"type\":\"started\"}\n");
    int status = CivicKitCommand.run("kpi", file.toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 12").contains("journeyId");
  }

  @Test
  void aMissingFileOrBadOptionIsAnError() {
    assertThat(CivicKitCommand.run("kpi", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
    assertThat(CivicKitCommand.run("kpi", "x.jsonl", "--by", "colour")).isEqualTo(2);
  }
}
