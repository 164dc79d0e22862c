package io.civickit.web.internal;

import io.civickit.core.StorageUnavailableException;
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
 * is stored encrypted with the runner's key ring, the handoff id bound in as associated data.
 * The handoff's state (requested, accepted, handed back, resolved) lives in sdk-core's
 * {@code HandoffStore}; this table holds only what was handed over.
 */
final class HelpDesk implements HandoffChannel {
  private final Words words;
  /** One handoff's context package, as received. */
  record Entry(HandoffRequest request, Instant receivedAt) {}

  private final javax.sql.DataSource dataSource;
  private final KeyRing keys;
  private final Clock clock;

  HelpDesk(javax.sql.DataSource dataSource, KeyRing keys, Clock clock, Words words) {
    this.dataSource = dataSource;
    this.words = words;
    this.keys = keys;
    this.clock = clock;
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
        "INSERT INTO civickit_web_helpdesk (handoff_id, requested_at, received_at, payload) VALUES (?, ?, ?, ?)")) {
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
    return HandoffResult.Accepted.of(name(), words.t(java.util.Locale.UK, "helped.next"));
  }

  /** One page of the queue, newest first: only that page is decrypted. */
  List<Entry> page(int page, int size) {
    return query("SELECT payload, received_at, handoff_id FROM civickit_web_helpdesk "
        + "ORDER BY requested_at DESC, handoff_id LIMIT " + size + " OFFSET " + ((long) page * size), null);
  }

  /** How many handoffs the queue holds. */
  int count() {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM civickit_web_helpdesk"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_helpdesk", "count handoffs", e);
    }
  }

  /** Deletes context packages received before {@code cutoff} whose handoff is closed or gone. */
  int purgeBefore(Instant cutoff, java.util.function.Predicate<String> open) {
    List<String> old = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT handoff_id FROM civickit_web_helpdesk WHERE received_at < ?")) {
      ps.setLong(1, cutoff.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          old.add(rs.getString(1));
        }
      }
      int n = 0;
      for (String id : old) {
        if (!open.test(id)) {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM civickit_web_helpdesk WHERE handoff_id = ?")) {
            d.setString(1, id);
            n += d.executeUpdate();
          }
        }
      }
      return n;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_helpdesk", "purge handoffs", e);
    }
  }

  Optional<Entry> find(String handoffId) {
    return query("SELECT payload, received_at, handoff_id FROM civickit_web_helpdesk WHERE handoff_id = ?", handoffId)
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
      throw new StorageUnavailableException("civickit_web_helpdesk", "read handoffs", e);
    }
    return out;
  }
}
