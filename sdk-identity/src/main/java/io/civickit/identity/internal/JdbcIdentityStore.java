package io.civickit.identity.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.identity.IdentityStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link IdentityStore} in the {@code ck_identity_state} table. Every statement is plain SQL
 * that runs unchanged on H2 2.x and PostgreSQL; times are epoch milliseconds.
 */
public final class JdbcIdentityStore implements IdentityStore {
  private static final String TABLE = "ck_identity_state";
  private final DataSource dataSource;

  public JdbcIdentityStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<Entry> find(String kind, String key) {
    String sql = "SELECT state_value, version, expires_at FROM ck_identity_state WHERE kind = ? AND state_key = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Entry(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException(TABLE, "read identity state of kind " + kind, e);
    }
  }

  @Override
  public boolean compareAndSet(String kind, String key, long expectedVersion, String value, Instant expiresAt) {
    try (Connection c = dataSource.getConnection()) {
      if (expectedVersion == 0) {
        String sql = "INSERT INTO ck_identity_state (kind, state_key, state_value, version, expires_at) VALUES (?, ?, ?, 1, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, kind);
          ps.setString(2, key);
          ps.setString(3, value);
          ps.setLong(4, expiresAt.toEpochMilli());
          ps.executeUpdate();
          return true;
        } catch (SQLException e) {
          if (isDuplicateKey(e)) {
            return false;
          }
          throw e;
        }
      }
      String sql = "UPDATE ck_identity_state SET state_value = ?, version = version + 1, expires_at = ?"
          + " WHERE kind = ? AND state_key = ? AND version = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, value);
        ps.setLong(2, expiresAt.toEpochMilli());
        ps.setString(3, kind);
        ps.setString(4, key);
        ps.setLong(5, expectedVersion);
        return ps.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException(TABLE, "write identity state of kind " + kind, e);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM ck_identity_state WHERE expires_at < ?")) {
      ps.setLong(1, now.toEpochMilli());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailableException(TABLE, "purge expired identity state", e);
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    // 23505 is unique_violation on PostgreSQL and H2 alike.
    return "23505".equals(e.getSQLState());
  }
}
