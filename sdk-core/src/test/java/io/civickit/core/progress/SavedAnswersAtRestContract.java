package io.civickit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Value;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.internal.CallbackAad;
import io.civickit.core.progress.internal.JdbcProgressStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Saved answers at rest, on each database: a payload is bound to its journey and version, rows of
 * the earlier format stay readable until bound, and a key rotation re-encrypts everything once.
 */
abstract class SavedAnswersAtRestContract {
  static final byte[] K1 = random32();
  static final byte[] K2 = random32();
  static final KeyRing OLD = KeyRing.of("k1", Map.of("k1", K1));

  static byte[] random32() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return key;
  }

  abstract DataSource dataSource();

  static byte[] payloadOf(DataSource ds, JourneyId id) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT payload FROM civickit_journeys WHERE journey_id = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBytes(1);
      }
    }
  }

  static void writePayload(DataSource ds, JourneyId id, byte[] payload) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE civickit_journeys SET payload = ? WHERE journey_id = ?")) {
      ps.setBytes(1, payload);
      ps.setString(2, id.value());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  Journey saveTwice(ProgressStore store) {
    Journey first = store.save(JdbcProgressStorePostgresTest.fresh().toBuilder()
        .answer("income", Answer.of(Value.number(900))).build());
    return store.save(first.toBuilder().answer("income", Answer.of(Value.number(12_000))).build());
  }

  @Test
  void anOlderSaveOfTheSameJourneyPutBackIntoItsRowDoesNotDecrypt() throws Exception {
    ProgressStore store = ProgressStore.jdbc(dataSource(), OLD);
    Journey first = store.save(JdbcProgressStorePostgresTest.fresh().toBuilder()
        .answer("income", Answer.of(Value.number(900))).build());
    byte[] older = payloadOf(dataSource(), first.id());
    store.save(first.toBuilder().answer("income", Answer.of(Value.number(12_000))).build());
    writePayload(dataSource(), first.id(), older);
    assertThatThrownBy(() -> store.find(first.id())).isInstanceOf(ProgressDecryptionException.class)
        .hasMessageNotContaining("900");
  }

  @Test
  void rowsOfTheEarlierFormatAreReadUntilBoundAndRefusedWhenTheStoreSaysSo() throws Exception {
    ProgressStore store = ProgressStore.jdbc(dataSource(), OLD);
    Journey saved = saveTwice(store);
    JourneyId id = saved.id();
    byte[] plain = OLD.decrypt(payloadOf(dataSource(), id), JdbcProgressStore.aad(id, saved.version()));
    writePayload(dataSource(), id, OLD.encrypt(plain, JdbcProgressStore.unboundAad(id)));

    assertThat(store.find(id)).contains(saved);
    ProgressStore strict = ProgressStore.jdbc(dataSource(), OLD, ProgressStore.UnboundRows.REFUSE);
    assertThatThrownBy(() -> strict.find(id)).isInstanceOf(ProgressDecryptionException.class);

    KeyRotation.Report report = KeyRotation.journeys(dataSource(), OLD, 50);
    assertThat(report.rewritten()).isGreaterThanOrEqualTo(1);
    assertThat(strict.find(id)).as("bound by the rotation pass, under the same key").contains(saved);
  }

  @Test
  void aKeyRotationReEncryptsEverythingOnceAndPicksUpWhereACrashLeftIt() throws Exception {
    KeyRing rotated = KeyRing.of("k2", Map.of("k2", K2, "k1", K1));
    KeyRing newOnly = KeyRing.of("k2", Map.of("k2", K2));
    // Rows other tests left in this schema (one of them deliberately unreadable) would blur the counts.
    try (Connection c = dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM civickit_journeys");
      st.executeUpdate("DELETE FROM civickit_callback_requests");
    }

    ProgressStore before = ProgressStore.jdbc(dataSource(), OLD);
    List<Journey> journeys = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      journeys.add(saveTwice(before));
    }
    // As if a pass had crashed part-way, or instances with the new ring had saved some already.
    ProgressStore after = ProgressStore.jdbc(dataSource(), rotated);
    for (int i = 0; i < 5; i++) {
      journeys.set(i, after.save(journeys.get(i)));
    }
    List<HandoffId> callbacks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      callbacks.add(insertCallback(OLD));
    }

    KeyRotation.Report first = KeyRotation.journeys(dataSource(), rotated, 7);
    assertThat(first.present()).isTrue();
    assertThat(first.rewritten()).isEqualTo(18);
    assertThat(first.unreadable()).isZero();
    assertThat(KeyRotation.callbackRequests(dataSource(), rotated, 3).rewritten()).isEqualTo(4);

    KeyRotation.Report again = KeyRotation.journeys(dataSource(), rotated, 7);
    assertThat(again.rewritten()).as("a second pass has nothing to do").isZero();
    assertThat(again.examined()).isEqualTo(first.examined());
    assertThat(KeyRotation.callbackRequests(dataSource(), rotated, 3).rewritten()).isZero();

    ProgressStore retired = ProgressStore.jdbc(dataSource(), newOnly, ProgressStore.UnboundRows.REFUSE);
    for (Journey j : journeys) {
      assertThat(retired.find(j.id())).as("readable once k1 is retired").contains(j);
    }
    for (HandoffId id : callbacks) {
      assertThat(new String(newOnly.decrypt(callbackContext(id), CallbackAad.of(id)), StandardCharsets.UTF_8))
          .isEqualTo("{\"context\":\"" + id.value() + "\"}");
    }
    assertThat(KeyRotation.journeys(dataSource(), newOnly, 7).unreadable()).isZero();
    assertThat(KeyRotation.journeys(dataSource(), KeyRing.generate("k3"), 7).unreadable())
        .as("a ring without the key says so and changes nothing").isEqualTo(first.examined());
  }

  HandoffId insertCallback(KeyRing keys) throws SQLException {
    HandoffId id = HandoffId.random();
    OffsetDateTime now = OffsetDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneOffset.UTC);
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO civickit_callback_requests (handoff_id, queue, status, call_by, requested_at, context)"
            + " VALUES (?, 'phone', 'WAITING', ?, ?, ?)")) {
      ps.setString(1, id.value());
      ps.setObject(2, now);
      ps.setObject(3, now);
      ps.setBytes(4, keys.encrypt(("{\"context\":\"" + id.value() + "\"}").getBytes(StandardCharsets.UTF_8),
          CallbackAad.of(id)));
      ps.executeUpdate();
    }
    return id;
  }

  byte[] callbackContext(HandoffId id) throws SQLException {
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT context FROM civickit_callback_requests WHERE handoff_id = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBytes(1);
      }
    }
  }
}
