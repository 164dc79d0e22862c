package io.civickit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Failures reach logs and exception messages without the values a driver or a supplier put in theirs. */
class FailuresTest {

  static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aDescriptionNamesClassesAndSqlStatesButNoMessage() {
    SQLException driver = new SQLException("Key (email)=(jane@example.org) already exists", "23505");
    CivicKitException wrapped = new CivicKitException("could not save jane@example.org", driver);
    assertThat(Failures.describe(wrapped)).isEqualTo("CivicKitException <- SQLException (SQL state 23505)");
    RuntimeException redacted = Failures.redacted(driver);
    assertThat(printed(redacted)).doesNotContain("jane@example.org").contains("java.sql.SQLException")
        .contains("SQL state 23505").contains("FailuresTest");
    assertThat(Failures.describe(redacted)).isEqualTo("SQLException (SQL state 23505)");
  }

  @Test
  void aDatabaseErrorQuotingAnAnswerNeverReachesTheMessageOrTheStackTrace() {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds);
    ProgressStore store = ProgressStore.jdbc(ds, KeyRing.generate("k1"));
    // H2 quotes the value that does not fit in its message ("Value too long for column ...: 'jane...'").
    String tooLong = "jane.doe@example.org-" + "x".repeat(60);
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    Journey j = new Journey(JourneyId.random(), Reference.random(), tooLong, 1, "name", Map.of(), Map.of(), List.of(),
        Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(), "none",
        Map.of(), Map.of(), now, now, 0);
    Throwable thrown = catchThrowable(() -> store.save(j));
    assertThat(thrown).isInstanceOf(CivicKitException.class).hasMessageContaining("SQL state 22001");
    assertThat(printed(thrown)).doesNotContain("jane.doe").contains("org.h2.jdbc.JdbcSQLDataException");
  }
}
