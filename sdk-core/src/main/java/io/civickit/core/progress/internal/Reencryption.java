package io.civickit.core.progress.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.KeyRotation;
import io.civickit.core.progress.ProgressDecryptionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One batched re-encryption pass over a binary column keyed by a text id. Each row is rewritten
 * in its own statement and only if its bytes are still those read, so a pass can run beside the
 * service and be run again after a crash. Error messages carry the SQL state, never the driver's
 * message (which can quote stored values).
 */
public final class Reencryption {
  /** SQL states of "no such table": PostgreSQL 42P01, H2 42S02 and 42S04. */
  private static final Set<String> NO_TABLE = Set.of("42P01", "42S02", "42S04");

  private Reencryption() {}

  /** Decides one row: the new bytes, or empty when it is already as it should be. */
  @FunctionalInterface
  public interface Rewrap {
    /**
     * @throws ProgressDecryptionException if no key in the ring reads the row
     */
    Optional<byte[]> rewrap(String id, long version, byte[] sealed);
  }

  /** Runs the pass; {@code versionColumn} is read and handed to {@code rewrap} when not null (else 0). */
  public static KeyRotation.Report run(DataSource dataSource, int batchSize, String table,
      String idColumn, @Nullable String versionColumn, String valueColumn, Rewrap rewrap) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("a re-encryption batch is 1 to 10000 rows, but was " + batchSize);
    }
    String select = "SELECT " + idColumn + ", " + (versionColumn == null ? "0" : versionColumn) + ", " + valueColumn
        + " FROM " + table + " WHERE " + idColumn + " > ? ORDER BY " + idColumn + " FETCH FIRST " + batchSize
        + " ROWS ONLY";
    String update = "UPDATE " + table + " SET " + valueColumn + " = ? WHERE " + idColumn + " = ? AND " + valueColumn
        + " = ?";
    long examined = 0;
    long rewritten = 0;
    long unreadable = 0;
    String after = "";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      while (true) {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
          ps.setString(1, after);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getBytes(3)});
            }
          }
        } catch (SQLException e) {
          if (examined == 0 && NO_TABLE.contains(e.getSQLState())) {
            return new KeyRotation.Report(table, false, 0, 0, 0);
          }
          throw e;
        }
        for (Object[] row : rows) {
          examined++;
          String id = (String) row[0];
          byte[] sealed = (byte[]) row[2];
          Optional<byte[]> next;
          try {
            next = rewrap.rewrap(id, (Long) row[1], sealed);
          } catch (ProgressDecryptionException e) {
            unreadable++;
            continue;
          }
          if (next.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement(update)) {
              ps.setBytes(1, next.get());
              ps.setString(2, id);
              ps.setBytes(3, sealed);
              rewritten += ps.executeUpdate();
            }
          }
        }
        if (rows.size() < batchSize) {
          return new KeyRotation.Report(table, true, examined, rewritten, unreadable);
        }
        after = (String) rows.get(rows.size() - 1)[0];
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException(table, "re-encrypt " + table, e);
    }
  }
}
