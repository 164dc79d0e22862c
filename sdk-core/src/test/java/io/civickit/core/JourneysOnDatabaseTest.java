package io.civickit.core;

import static io.civickit.core.TestSteps.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvents;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import io.civickit.testsupport.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole save-and-return flow on real databases, with a new engine standing in for a restart or a second instance. */
class JourneysOnDatabaseTest {

  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));

  private Journeys engine(DataSource ds, KeyRing keys) {
    return Journeys.builder().definition(JourneysTest.gardenWaste(1))
        .store(ProgressStore.jdbc(ds, keys)).tokens(ResumeTokenStore.jdbc(ds)).events(EventSink.jdbc(ds))
        .clock(clock).build();
  }

  @Test
  void saveOnOneInstanceResumeOnAnotherOnPostgres() throws Exception {
    runSaveAndResume(PG.dataSource());
  }

  @Test
  void saveBeforeARestartAndResumeAfterItOnH2() throws Exception {
    runSaveAndResume(H2Database.inMemory().dataSource());
  }

  private void runSaveAndResume(DataSource ds) throws Exception {
    Schema.install(ds);
    KeyRing keys = KeyRing.generate("k1");
    Journeys first = engine(ds, keys);
    Journey j = first.start("garden-waste");
    first.submit(j.id(), "name", input("name", "Ada Lovelace"), Actor.citizen(), Locale.UK);
    first.submit(j.id(), "in-area", input("in-area", "maybe"), Actor.citizen(), Locale.UK);
    ResumeTokens.IssuedToken older = first.saveForLater(j.id());
    ResumeTokens.IssuedToken link = first.saveForLater(j.id());

    Journeys second = engine(ds, keys);
    assertThat(second.resume(older.token())).isInstanceOf(Journeys.ResumeResult.Superseded.class);
    Journeys.ResumeResult r = second.resume(link.token());
    assertThat(r).isInstanceOf(Journeys.ResumeResult.Resumed.class);
    Journey resumed = ((Journeys.ResumeResult.Resumed) r).journey();
    assertThat(resumed.currentStep()).isEqualTo("in-area");
    assertThat(resumed.drafts().get("in-area")).containsEntry("in-area", List.of("maybe"));
    second.submit(j.id(), "in-area", input("in-area", "yes"), Actor.citizen(), Locale.UK);
    second.submit(j.id(), "email", input("email", "ada@example.org"), Actor.citizen(), Locale.UK);
    SubmitResult done = second.submit(j.id(), "check", java.util.Map.of(), Actor.citizen(), Locale.UK);
    assertThat(done).isInstanceOf(SubmitResult.Completed.class);
    assertThat(second.resume(link.token())).isInstanceOf(Journeys.ResumeResult.AlreadyFinished.class);

    List<String> types = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_type, payload FROM civickit_journey_events WHERE journey_id = '"
            + j.id().value() + "' ORDER BY event_id")) {
      while (rs.next()) {
        types.add(rs.getString(1));
        assertThat(JourneyEvents.fromJson(rs.getString(2)).type()).isEqualTo(rs.getString(1));
        assertThat(rs.getString(2)).doesNotContain("Ada Lovelace").doesNotContain("ada@example.org");
      }
    }
    assertThat(types).containsExactly("started", "step_completed", "validation_failed", "saved", "saved", "resumed",
        "step_completed", "step_completed", "step_completed", "completed");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM civickit_resume_tokens WHERE token_hash = '"
            + link.token() + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("tokens are stored only as hashes").isZero();
    }
  }
}
