package io.civickit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code civickit keys rotate} against a real database: the same checks on H2 and PostgreSQL. */
abstract class KeysRotateContract {
  @TempDir Path dir;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** A database with the core and handoff schemas (and no outbox table). */
  abstract DataSource dataSource();

  abstract String jdbcUrl();

  int run(String... args) {
    CommandLine cli = new CommandLine(new CivicKitCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  Path ringFile(String text) throws Exception {
    return Files.writeString(dir.resolve("ring-" + System.nanoTime()), text + "\n", StandardCharsets.UTF_8);
  }

  static byte[] key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  static String text(String id, byte[] key) {
    return id + ":" + Base64.getEncoder().encodeToString(key);
  }

  static Journey journey(int i) {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    return new Journey(JourneyId.random(), Reference.random(), "garden-waste", 1, "name",
        Map.of("bins", Answer.of(Value.number(i))), Map.of(), List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS,
        Optional.empty(), Channel.ONLINE, Optional.empty(), "none", Map.of(), Map.of(), now, now, 0);
  }

  @Test
  void rotateReEncryptsEveryJourneyUnderTheNewKeyAndASecondRunHasNothingToDo() throws Exception {
    byte[] k1 = key();
    byte[] k2 = key();
    ProgressStore old = ProgressStore.jdbc(dataSource(), KeyRing.of("k1", Map.of("k1", k1)));
    List<Journey> saved = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      saved.add(old.save(journey(i)));
    }
    Path ring = ringFile(text("k2", k2) + "," + text("k1", k1));

    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-file", ring.toString(), "--batch", "5"))
        .as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("civickit_journeys: 12 rows read, 12 re-encrypted under key k2, 0 unreadable")
        .contains("civickit_callback_requests: 0 rows read")
        .contains("civickit_outbox: not in this database, skipped")
        .contains("every row is under key k2")
        .doesNotContain(Base64.getEncoder().encodeToString(k1));

    out.getBuffer().setLength(0);
    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-file", ring.toString(), "--tables",
        "journeys")).isZero();
    assertThat(out.toString()).contains("12 rows read, 0 re-encrypted");

    ProgressStore retired = ProgressStore.jdbc(dataSource(), KeyRing.of("k2", Map.of("k2", k2)),
        ProgressStore.UnboundRows.REFUSE);
    for (Journey j : saved) {
      assertThat(retired.find(j.id())).contains(j);
    }

    Path wrong = ringFile(text("k3", key()));
    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-file", wrong.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("12 rows could not be read with the keys [k3]");
    assertThat(retired.find(saved.get(0).id())).as("a failed run changes nothing").contains(saved.get(0));
  }

  @Test
  void aMissingOrMalformedKeyRingIsAUsageErrorThatTouchesNothing() throws Exception {
    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-env", "CIVICKIT_TEST_NO_SUCH_VARIABLE"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("CIVICKIT_TEST_NO_SUCH_VARIABLE is not set");
    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-file", ringFile("k1:not-base64!").toString()))
        .isEqualTo(2);
    assertThat(run("keys", "rotate", "--jdbc-url", jdbcUrl(), "--key-ring-file", ringFile(text("k1", key())).toString(),
        "--batch", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--batch must be 1 to 10000, but was 0");
  }
}
