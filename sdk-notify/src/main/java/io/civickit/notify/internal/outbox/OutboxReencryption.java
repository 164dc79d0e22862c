package io.civickit.notify.internal.outbox;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.KeyRotation;
import io.civickit.core.progress.ProgressDecryptionException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The outbox's re-encryption pass: both sealed columns of a row are rewritten together, in one
 * statement that matches the values read, so a message the outbox changed meanwhile is left to
 * the next pass. Errors carry the SQL state, never the driver's message.
 */
public final class OutboxReencryption {
  private static final Set<String> NO_TABLE = Set.of("42P01", "42S02", "42S04");

  private OutboxReencryption() {}

  /** See {@link io.civickit.notify.outbox.OutboxKeyRotation#rotate}. */
  public static KeyRotation.Report run(DataSource dataSource, KeyRing keys, int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("a re-encryption batch is 1 to 10000 rows, but was " + batchSize);
    }
    String select = "SELECT id, recipients, personalisation FROM civickit_outbox WHERE id > ? ORDER BY id FETCH FIRST "
        + batchSize + " ROWS ONLY";
    String update = "UPDATE civickit_outbox SET recipients = ?, personalisation = ?"
        + " WHERE id = ? AND recipients = ? AND personalisation = ?";
    long examined = 0;
    long rewritten = 0;
    long unreadable = 0;
    String after = "";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      while (true) {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
          ps.setString(1, after);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
          }
        } catch (SQLException e) {
          if (examined == 0 && NO_TABLE.contains(e.getSQLState())) {
            return new KeyRotation.Report("civickit_outbox", false, 0, 0, 0);
          }
          throw e;
        }
        for (String[] row : rows) {
          examined++;
          Optional<String> recipients;
          Optional<String> personalisation;
          try {
            recipients = reseal(keys, row[0], row[1]);
            personalisation = reseal(keys, row[0], row[2]);
          } catch (ProgressDecryptionException | IllegalArgumentException e) {
            unreadable++;
            continue;
          }
          if (recipients.isEmpty() && personalisation.isEmpty()) {
            continue;
          }
          try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, recipients.orElse(row[1]));
            ps.setString(2, personalisation.orElse(row[2]));
            ps.setString(3, row[0]);
            ps.setString(4, row[1]);
            ps.setString(5, row[2]);
            rewritten += ps.executeUpdate();
          }
        }
        if (rows.size() < batchSize) {
          return new KeyRotation.Report("civickit_outbox", true, examined, rewritten, unreadable);
        }
        after = rows.get(rows.size() - 1)[0];
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "re-encrypt civickit_outbox", e);
    }
  }

  /** The value sealed under the active key, or empty when it is in clear or already under it. */
  private static Optional<String> reseal(KeyRing keys, String id, String stored) {
    if (!stored.startsWith(OutboxColumnCipher.SEALED)) {
      return Optional.empty();
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(OutboxColumnCipher.SEALED.length()));
    if (keys.keyIdOf(sealed).orElse("").equals(keys.activeKeyId())) {
      return Optional.empty();
    }
    byte[] aad = id.getBytes(StandardCharsets.UTF_8);
    return Optional.of(OutboxColumnCipher.SEALED + Base64.getEncoder().encodeToString(keys.encrypt(keys.decrypt(sealed, aad), aad)));
  }
}
