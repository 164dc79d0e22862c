package io.civickit.files.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressDecryptionException;
import io.civickit.files.FileState;
import io.civickit.files.FileStore;
import io.civickit.files.FileStoreException;
import io.civickit.files.NewFile;
import io.civickit.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Files in the database: a row per file in {@code civickit_files} (names, type and digest
 * sealed in {@code meta}) and a row per sealed 64 KiB chunk in {@code civickit_file_chunks}.
 * A put commits its chunks every 512 KiB and the file's row last, so a file is visible only
 * once complete; a failed put deletes its chunks (and should that fail too, the journey's purge
 * finds them by journey id). A read fetches one chunk at a time, so neither holds more than two
 * chunks in memory. Error messages carry ids and SQL states, never
 * a driver's message (drivers quote values in them).
 */
public final class JdbcFileStore implements FileStore {
  /** Chunks written per transaction: large files never sit in one transaction (H2 holds those in memory). */
  private static final int COMMIT_EVERY = 8;

  private final DataSource dataSource;
  private final ChunkCipher cipher;

  public JdbcFileStore(DataSource dataSource, KeyRing keys) {
    this.dataSource = dataSource;
    this.cipher = new ChunkCipher(keys);
  }

  private static FileStoreException fault(String what, SQLException e) {
    return new FileStoreException(what + " (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")");
  }

  @Override
  public StoredFile put(NewFile file, InputStream content) throws IOException {
    boolean done = false;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        ChunkCipher.Written written;
        try (PreparedStatement chunk = c.prepareStatement(
            "INSERT INTO civickit_file_chunks (file_id, journey_id, chunk_index, data) VALUES (?, ?, ?, ?)")) {
          written = cipher.write(file.journeyId(), file.id(), content, (i, sealed) -> {
            try {
              chunk.setString(1, file.id());
              chunk.setString(2, file.journeyId().value());
              chunk.setInt(3, i);
              chunk.setBytes(4, sealed);
              chunk.executeUpdate();
              if (i % COMMIT_EVERY == COMMIT_EVERY - 1) {
                c.commit();
              }
            } catch (SQLException e) {
              throw fault("could not store a chunk of file " + file.id(), e);
            }
          });
        }
        StoredFile stored = Metas.stored(file, written);
        try (PreparedStatement row = c.prepareStatement("INSERT INTO civickit_files (file_id, journey_id, question_id, "
            + "state, size_bytes, chunk_count, stored_at, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          row.setString(1, file.id());
          row.setString(2, file.journeyId().value());
          row.setString(3, file.questionId());
          row.setString(4, FileState.QUARANTINED.name());
          row.setLong(5, written.size());
          row.setInt(6, written.chunks());
          row.setTimestamp(7, Timestamp.from(file.storedAt()));
          row.setBytes(8, cipher.sealMeta(file.journeyId(), file.id(), Metas.of(stored, written.chunks())));
          row.executeUpdate();
        }
        c.commit();
        done = true;
        return stored;
      } finally {
        if (!done) {
          rollback(c);
          deleteChunks(c, file.id());
        }
      }
    } catch (SQLException e) {
      throw fault("could not store file " + file.id(), e);
    }
  }

  /** Removes the chunks a failed put committed; a failure here leaves them for the journey's purge. */
  private static void deleteChunks(Connection c, String fileId) {
    try {
      deleteChunks(c, "file_id", fileId);
    } catch (SQLException ignored) {
      // the purge of the journey removes them (chunks carry the journey id)
    }
  }

  /**
   * Deletes the chunks whose {@code column} is {@code value}, {@link #COMMIT_EVERY} positions per
   * transaction, so a large file's deletion never sits in one transaction either. The caller's
   * connection has auto-commit off.
   */
  private static void deleteChunks(Connection c, String column, String value) throws SQLException {
    int max;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT MAX(chunk_index) FROM civickit_file_chunks WHERE " + column + " = ?")) {
      s.setString(1, value);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        max = r.getInt(1);
        if (r.wasNull()) {
          return;
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM civickit_file_chunks WHERE " + column
        + " = ? AND chunk_index >= ? AND chunk_index < ?")) {
      for (int from = 0; from <= max; from += COMMIT_EVERY) {
        s.setString(1, value);
        s.setInt(2, from);
        s.setInt(3, from + COMMIT_EVERY);
        s.executeUpdate();
        c.commit();
      }
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed next; the database rolls back then
    }
  }

  private Optional<Row> row(Connection c, JourneyId journey, String fileId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT question_id, state, size_bytes, chunk_count, stored_at, meta "
        + "FROM civickit_files WHERE file_id = ? AND journey_id = ?")) {
      s.setString(1, fileId);
      s.setString(2, journey.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row(journey, fileId, r)) : Optional.empty();
      }
    }
  }

  private record Row(StoredFile file, int chunks) {}

  private Row row(JourneyId journey, String fileId, ResultSet r) throws SQLException {
    Properties meta;
    try {
      meta = cipher.openMeta(journey, fileId, r.getBytes("meta"));
    } catch (ProgressDecryptionException e) {
      throw new FileStoreException("the record of file " + fileId + " could not be decrypted: " + e.getMessage(), e);
    }
    meta.setProperty("questionId", r.getString("question_id"));
    meta.setProperty("state", r.getString("state"));
    meta.setProperty("size", Long.toString(r.getLong("size_bytes")));
    meta.setProperty("storedAt", r.getTimestamp("stored_at").toInstant().toString());
    return new Row(Metas.file(journey, fileId, meta), r.getInt("chunk_count"));
  }

  @Override
  public Optional<InputStream> open(JourneyId journeyId, String fileId) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      Optional<Row> row = row(c, journeyId, fileId);
      if (row.isEmpty()) {
        c.close();
        return Optional.empty();
      }
      Connection conn = c;
      PreparedStatement s = conn.prepareStatement(
          "SELECT data FROM civickit_file_chunks WHERE file_id = ? AND chunk_index = ?");
      s.setString(1, fileId);
      int[] next = {0};
      return Optional.of(cipher.read(journeyId, fileId, row.get().chunks(), () -> {
        try {
          s.setInt(2, next[0]++);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? r.getBytes(1) : null;
          }
        } catch (SQLException e) {
          throw new IOException(fault("could not read a chunk of file " + fileId, e));
        }
      }, () -> {
        try (conn; s) {
          // closes both
        }
      }));
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // already failing
        }
      }
      throw fault("could not open file " + fileId, e);
    }
  }

  @Override
  public boolean markClean(JourneyId journeyId, String fileId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE civickit_files SET state = ? WHERE file_id = ? AND journey_id = ?")) {
      s.setString(1, FileState.CLEAN.name());
      s.setString(2, fileId);
      s.setString(3, journeyId.value());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw fault("could not mark file " + fileId + " clean", e);
    }
  }

  @Override
  public boolean delete(JourneyId journeyId, String fileId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean had;
        try (PreparedStatement s = c.prepareStatement(
            "DELETE FROM civickit_files WHERE file_id = ? AND journey_id = ?")) {
          s.setString(1, fileId);
          s.setString(2, journeyId.value());
          had = s.executeUpdate() == 1;
        }
        c.commit();
        if (had) {
          deleteChunks(c, "file_id", fileId);
        }
        return had;
      } catch (SQLException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw fault("could not delete file " + fileId, e);
    }
  }

  @Override
  public List<StoredFile> list(JourneyId journeyId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT file_id, question_id, state, size_bytes, chunk_count, "
            + "stored_at, meta FROM civickit_files WHERE journey_id = ? ORDER BY stored_at, file_id")) {
      s.setString(1, journeyId.value());
      List<StoredFile> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row(journeyId, r.getString("file_id"), r).file());
        }
      }
      return out;
    } catch (SQLException e) {
      throw fault("could not list the files of journey " + journeyId, e);
    }
  }

  @Override
  public int purge(JourneyId journeyId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int n;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM civickit_files WHERE journey_id = ?")) {
          s.setString(1, journeyId.value());
          n = s.executeUpdate();
        }
        c.commit();
        deleteChunks(c, "journey_id", journeyId.value());
        return n;
      } catch (SQLException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw fault("could not purge the files of journey " + journeyId, e);
    }
  }

  @Override
  public String toString() {
    return "FileStore.jdbc";
  }
}
