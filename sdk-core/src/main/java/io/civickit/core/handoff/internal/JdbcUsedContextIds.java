package io.civickit.core.handoff.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.handoff.UsedContextIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Used context ids in {@code civickit_handoff_context_ids}: the primary key makes the first
 * insert win on every instance. The same SQL on H2 and PostgreSQL. Error messages name the
 * operation and the SQL state only, never the driver's message.
 */
public final class JdbcUsedContextIds implements UsedContextIds {
  private final DataSource dataSource;

  public JdbcUsedContextIds(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public boolean markUsed(String id, Instant expiresAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO civickit_handoff_context_ids (context_id, expires_at) VALUES (?, ?)")) {
      ps.setString(1, id);
      ps.setObject(2, JdbcHandoffStore.utc(expiresAt));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new StorageUnavailableException("civickit_handoff_context_ids", "record a used handoff context id", e);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_handoff_context_ids WHERE expires_at < ?")) {
      ps.setObject(1, JdbcHandoffStore.utc(now));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_handoff_context_ids", "purge used handoff context ids", e);
    }
  }
}
