package io.civickit.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.Leaks;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A database refusal whose driver message quotes a person's data reaches the host as a
 * {@link StorageUnavailableException} that names the store and the operation, and neither it,
 * its causes nor the log hold the data. Run on H2 and PostgreSQL, whose messages differ.
 */
abstract class DriverMessagesStayOutContract {
  static final String POSTCODE_AND_NAME = "SW1A 1AA Jo Bloggs";

  abstract DataSource dataSource();

  static Handoff handoff(Optional<String> externalReference) {
    Instant at = Instant.parse("2026-11-27T18:30:00Z");
    return new Handoff(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "address",
        HandoffReason.ASKED_FOR_HELP, Optional.empty(), "callback", HandoffStatus.REQUESTED, Optional.empty(),
        externalReference, "We will call you back", Optional.empty(), at, at, 0);
  }

  @Test
  void aClashOnAPersonalValueIsReportedWithoutTheValue() {
    DataSource ds = dataSource();
    Schema.install(ds, "core", "handoff");
    // A host's own index over a column that holds what a supplier's CRM sent back.
    Leaks.execute(ds, "CREATE UNIQUE INDEX ck_test_external_ref ON civickit_handoffs (external_reference)");
    HandoffStore store = HandoffStore.jdbc(ds);
    store.save(handoff(Optional.of(POSTCODE_AND_NAME)));
    Handoff other = store.save(handoff(Optional.empty()));
    Handoff clashing = new Handoff(other.id(), other.journeyId(), other.reference(), other.definitionId(),
        other.stuckStep(), other.reason(), other.segment(), other.channel(), HandoffStatus.ACCEPTED,
        Optional.of("adviser-1"), Optional.of(POSTCODE_AND_NAME), other.whatHappensNext(), other.expectedBy(),
        other.requestedAt(), other.updatedAt(), other.version());

    Leaks.Run run = Leaks.capturingStderr(() -> store.save(clashing));

    assertThat(run.thrown()).isInstanceOf(StorageUnavailableException.class);
    StorageUnavailableException e = (StorageUnavailableException) run.thrown();
    assertThat(e.store()).isEqualTo("civickit_handoffs");
    assertThat(e.operation()).isEqualTo("save handoff " + other.id());
    assertThat(e.sqlState()).contains("23505");
    assertThat(e).hasMessage("civickit_handoffs could not save handoff " + other.id() + " (SQL state 23505)");
    assertThat(Leaks.printed(e)).contains("23505").doesNotContain("Jo Bloggs").doesNotContain("SW1A");
    assertThat(run.stderr()).doesNotContain("Jo Bloggs").doesNotContain("SW1A");
    // The same statement run directly: the driver does quote the value, so the checks above can fail.
    assertThat(Leaks.driverMessage(ds, "UPDATE civickit_handoffs SET external_reference = ? WHERE handoff_id = ?",
        POSTCODE_AND_NAME, other.id().value())).contains(POSTCODE_AND_NAME);
  }
}
