package io.civickit.examples.garden;

import io.civickit.core.CivicKitException;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import io.civickit.core.progress.KeyRing;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent console as a {@link HandoffChannel}: it receives each context package from
 * sdk-core's {@code Handoffs} router and keeps it in the service's database, so every instance
 * shows the same queue. The package (answers so far, contact details) is personal data, so it
 * is stored encrypted with the service's key ring, the handoff id bound in as associated data.
 * The handoff's state (requested, accepted, handed back, resolved) lives in sdk-core's
 * {@code HandoffStore}; this table holds only what was handed over.
 */
final class HelpDesk implements HandoffChannel {
  /** One handoff's context package, as received. */
  record Entry(HandoffRequest request, Instant receivedAt) {}

  private final javax.sql.DataSource dataSource;
  private final KeyRing keys;
  private final Clock clock;

  HelpDesk(javax.sql.DataSource dataSource, KeyRing keys, Clock clock) {
    this.dataSource = dataSource;
    this.keys = keys;
    this.clock = clock;
  }

  void install() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS example_agent_console (handoff_id VARCHAR(22) PRIMARY KEY, "
          + "requested_at BIGINT NOT NULL, received_at BIGINT NOT NULL, payload VARCHAR(60000) NOT NULL)");
    } catch (SQLException e) {
      throw new CivicKitException("could not create the handoff table: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "agent-console";
  }

  /** Queues the request; the same handoff id twice is one entry. */
  @Override
  public HandoffResult handOff(HandoffRequest r) {
    if (find(r.handoffId().value()).isPresent()) {
      return accepted();
    }
    byte[] sealed = keys.encrypt(r.toJson().getBytes(StandardCharsets.UTF_8),
        r.handoffId().value().getBytes(StandardCharsets.US_ASCII));
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO example_agent_console (handoff_id, requested_at, received_at, payload) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, r.handoffId().value());
      ps.setLong(2, r.requestedAt().toEpochMilli());
      ps.setLong(3, clock.millis());
      ps.setString(4, java.util.Base64.getEncoder().encodeToString(sealed));
      ps.executeUpdate();
    } catch (SQLException e) {
      return new HandoffResult.Failed(name(), "could not queue the handoff: " + e.getSQLState());
    }
    return accepted();
  }

  private HandoffResult accepted() {
    return HandoffResult.Accepted.of(name(), "An adviser will contact you by the end of the next working day. "
        + "They can see your answers so far, and will email you a link to finish your application online.");
  }

  /** The newest handoffs first, at most {@code limit}. */
  List<Entry> list(int limit) {
    List<Entry> all = query("SELECT payload, received_at, handoff_id FROM example_agent_console "
        + "ORDER BY requested_at DESC, handoff_id", null);
    return all.subList(0, Math.min(limit, all.size()));
  }

  Optional<Entry> find(String handoffId) {
    return query("SELECT payload, received_at, handoff_id FROM example_agent_console WHERE handoff_id = ?", handoffId)
        .stream().findFirst();
  }

  private List<Entry> query(String sql, String param) {
    List<Entry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] json = keys.decrypt(java.util.Base64.getDecoder().decode(rs.getString(1)),
              rs.getString(3).getBytes(StandardCharsets.US_ASCII));
          out.add(new Entry(HandoffRequest.fromJson(new String(json, StandardCharsets.UTF_8)),
              Instant.ofEpochMilli(rs.getLong(2))));
        }
      }
    } catch (SQLException e) {
      throw new CivicKitException("could not read handoffs: " + e.getMessage(), e);
    }
    return out;
  }
}
