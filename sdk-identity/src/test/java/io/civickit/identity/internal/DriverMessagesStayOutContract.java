package io.civickit.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.Schema;
import io.civickit.identity.IdentityStore;
import io.civickit.testsupport.Leaks;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A refused write to the identity store whose driver message quotes a stored value reaches the
 * host as a {@link StorageUnavailableException} naming the table and the operation, and neither
 * it, its causes nor the log hold the value. Run on H2 and PostgreSQL.
 */
abstract class DriverMessagesStayOutContract {
  static final String POSTCODE_AND_NAME = "SW1A 1AA Jo Bloggs";
  static final Instant EXPIRES = Instant.parse("2026-03-01T09:15:00Z");

  abstract DataSource dataSource();

  @Test
  void aClashOnAStoredValueIsReportedWithoutTheValue() {
    DataSource ds = dataSource();
    Schema.install(ds, "identity");
    // An index no CivicKit schema has: the way to make the database refuse a value and quote it.
    Leaks.execute(ds, "CREATE UNIQUE INDEX ck_test_state_value ON ck_identity_state (state_value)");
    IdentityStore store = IdentityStore.jdbc(ds);
    assertThat(store.compareAndSet("match", "key-a", 0, POSTCODE_AND_NAME, EXPIRES)).isTrue();
    assertThat(store.compareAndSet("match", "key-b", 0, "nothing yet", EXPIRES)).isTrue();

    Leaks.Run run = Leaks.capturingStderr(() -> store.compareAndSet("match", "key-b", 1, POSTCODE_AND_NAME, EXPIRES));

    assertThat(run.thrown()).isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
      assertThat(e.store()).isEqualTo("ck_identity_state");
      assertThat(e.operation()).isEqualTo("write identity state of kind match");
      assertThat(e.sqlState()).contains("23505");
      assertThat(Leaks.printed(e)).contains("23505").doesNotContain("Jo Bloggs").doesNotContain("SW1A");
    });
    assertThat(run.stderr()).doesNotContain("Jo Bloggs").doesNotContain("SW1A");
    assertThat(store.find("match", "key-b").orElseThrow().value()).isEqualTo("nothing yet");
    // The same statement run directly: the driver does quote the value, so the checks above can fail.
    assertThat(Leaks.driverMessage(ds, "UPDATE ck_identity_state SET state_value = ? WHERE state_key = ?",
        POSTCODE_AND_NAME, "key-b")).contains(POSTCODE_AND_NAME);
  }
}
