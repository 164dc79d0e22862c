package io.civickit.core.handoff.internal;

import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.handoff.Handoff;
import io.civickit.core.handoff.HandoffConflictException;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Handoffs in {@code civickit_handoffs}; the same SQL on H2 and PostgreSQL. */
public final class JdbcHandoffStore implements HandoffStore {
  private static final String COLUMNS = "handoff_id, journey_id, reference, definition_id, stuck_step, reason, segment,"
      + " channel, status, agent_id, external_reference, what_happens_next, expected_by, requested_at, updated_at, version";

  private final DataSource dataSource;

  public JdbcHandoffStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  @Override
  public Handoff save(Handoff h) {
    Handoff saved = InMemoryHandoffStore.bump(h);
    try (Connection c = dataSource.getConnection()) {
      if (h.version() == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_handoffs (" + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
          ps.setString(1, h.id().value());
          ps.setString(2, h.journeyId().value());
          ps.setString(3, h.reference().value());
          ps.setString(4, h.definitionId());
          ps.setString(5, h.stuckStep());
          ps.setString(6, h.reason().name());
          nullable(ps, 7, h.segment());
          ps.setString(8, h.channel());
          ps.setString(9, h.status().name());
          nullable(ps, 10, h.agentId());
          nullable(ps, 11, h.externalReference());
          ps.setString(12, h.whatHappensNext());
          if (h.expectedBy().isPresent()) {
            ps.setObject(13, utc(h.expectedBy().get()));
          } else {
            ps.setNull(13, Types.TIMESTAMP_WITH_TIMEZONE);
          }
          ps.setObject(14, utc(h.requestedAt()));
          ps.setObject(15, utc(h.updatedAt()));
          ps.setLong(16, saved.version());
          ps.executeUpdate();
        } catch (SQLException e) {
          if ("23505".equals(e.getSQLState())) {
            throw new HandoffConflictException(h.id(), 0);
          }
          throw e;
        }
        return saved;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_handoffs SET status = ?, agent_id = ?,"
          + " external_reference = ?, updated_at = ?, version = ? WHERE handoff_id = ? AND version = ?")) {
        ps.setString(1, h.status().name());
        nullable(ps, 2, h.agentId());
        nullable(ps, 3, h.externalReference());
        ps.setObject(4, utc(h.updatedAt()));
        ps.setLong(5, saved.version());
        ps.setString(6, h.id().value());
        ps.setLong(7, h.version());
        if (ps.executeUpdate() != 1) {
          throw new HandoffConflictException(h.id(), h.version());
        }
      }
      return saved;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_handoffs", "save handoff " + h.id(), e);
    }
  }

  private static void nullable(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
    if (v.isPresent()) {
      ps.setString(i, v.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }

  @Override
  public Optional<Handoff> find(HandoffId id) {
    List<Handoff> found = query("SELECT " + COLUMNS + " FROM civickit_handoffs WHERE handoff_id = ?", id.value(), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Handoff> findByJourney(JourneyId journeyId) {
    return query("SELECT " + COLUMNS + " FROM civickit_handoffs WHERE journey_id = ? ORDER BY requested_at, handoff_id",
        journeyId.value(), Integer.MAX_VALUE);
  }

  @Override
  public List<Handoff> findByStatus(HandoffStatus status, int limit) {
    return query("SELECT " + COLUMNS + " FROM civickit_handoffs WHERE status = ? ORDER BY requested_at, handoff_id",
        status.name(), limit);
  }

  @Override
  public int purgeClosedBefore(java.time.Instant cutoff) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "DELETE FROM civickit_handoffs WHERE status IN ('RESOLVED', 'HANDED_BACK') AND updated_at < ?")) {
      ps.setObject(1, utc(cutoff));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_handoffs", "purge closed handoffs", e);
    }
  }

  private List<Handoff> query(String sql, String key, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      if (limit < Integer.MAX_VALUE) {
        ps.setMaxRows(limit);
      }
      List<Handoff> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          out.add(new Handoff(new HandoffId(rs.getString("handoff_id")), new JourneyId(rs.getString("journey_id")),
              new Reference(rs.getString("reference")), rs.getString("definition_id"), rs.getString("stuck_step"),
              HandoffReason.valueOf(rs.getString("reason")), Optional.ofNullable(rs.getString("segment")),
              rs.getString("channel"), HandoffStatus.valueOf(rs.getString("status")),
              Optional.ofNullable(rs.getString("agent_id")), Optional.ofNullable(rs.getString("external_reference")),
              rs.getString("what_happens_next"), Optional.ofNullable(instant(rs, "expected_by")),
              instant(rs, "requested_at"), instant(rs, "updated_at"), rs.getLong("version")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_handoffs", "read handoffs", e);
    }
  }
}
