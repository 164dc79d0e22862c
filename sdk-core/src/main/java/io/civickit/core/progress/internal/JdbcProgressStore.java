package io.civickit.core.progress.internal;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.DuplicateJourneyException;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.core.progress.ProgressDecryptionException;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ProgressStore.UnboundRows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Journeys in {@code civickit_journeys}. The same SQL runs on H2 and PostgreSQL. The searchable
 * columns hold no personal data; everything else is one AES-GCM encrypted payload.
 */
public final class JdbcProgressStore implements ProgressStore {
  private static final String COLUMNS = "journey_id, reference, definition_id, definition_version, status, version,"
      + " created_at, updated_at, payload";

  private final DataSource dataSource;
  private final KeyRing keys;
  private final UnboundRows unboundRows;

  public JdbcProgressStore(DataSource dataSource, KeyRing keys, UnboundRows unboundRows) {
    this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    this.keys = java.util.Objects.requireNonNull(keys, "keys");
    this.unboundRows = java.util.Objects.requireNonNull(unboundRows, "unboundRows");
  }

  /**
   * The associated data of a saved journey: its id and the version the row holds, so neither
   * another journey's payload nor an older payload of the same journey decrypts in its place.
   */
  public static byte[] aad(JourneyId id, long version) {
    return ("civickit-journey:" + id.value() + ":v" + version).getBytes(StandardCharsets.US_ASCII);
  }

  /** The associated data of rows written before payloads were bound to their version: the id only. */
  public static byte[] unboundAad(JourneyId id) {
    return ("civickit-journey:" + id.value()).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Decrypts a row's payload: bound to id and version, or else (when allowed) in the earlier
   * format bound to the id only.
   *
   * @return the plain bytes and whether the row was bound to its version
   * @throws ProgressDecryptionException if neither reads
   */
  public static Decrypted decrypt(KeyRing keys, JourneyId id, long version, byte[] payload, boolean allowUnbound) {
    try {
      return new Decrypted(keys.decrypt(payload, aad(id, version)), true);
    } catch (ProgressDecryptionException bound) {
      if (!allowUnbound) {
        throw bound;
      }
      try {
        return new Decrypted(keys.decrypt(payload, unboundAad(id)), false);
      } catch (ProgressDecryptionException unbound) {
        throw bound;
      }
    }
  }

  /** A decrypted payload and whether it was bound to its row's version. */
  public record Decrypted(byte[] plain, boolean bound) {}

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  @Override
  public Journey save(Journey journey) {
    Journey saved = journey.toBuilder().version(journey.version() + 1).build();
    byte[] payload = keys.encrypt(JourneyCodec.encode(saved), aad(journey.id(), saved.version()));
    try (Connection c = dataSource.getConnection()) {
      if (journey.version() == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_journeys (" + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?)")) {
          ps.setString(1, journey.id().value());
          ps.setString(2, journey.reference().value());
          ps.setString(3, journey.definitionId());
          ps.setInt(4, saved.definitionVersion());
          ps.setString(5, saved.status().name());
          ps.setLong(6, saved.version());
          ps.setObject(7, utc(saved.createdAt()));
          ps.setObject(8, utc(saved.updatedAt()));
          ps.setBytes(9, payload);
          ps.executeUpdate();
        } catch (SQLException e) {
          if (isUniqueViolation(e)) {
            throw new DuplicateJourneyException("journey " + journey.id() + " or reference " + journey.reference()
                + " already exists");
          }
          throw e;
        }
        return saved;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_journeys SET definition_version = ?,"
          + " status = ?, version = ?, updated_at = ?, payload = ? WHERE journey_id = ? AND version = ?")) {
        ps.setInt(1, saved.definitionVersion());
        ps.setString(2, saved.status().name());
        ps.setLong(3, saved.version());
        ps.setObject(4, utc(saved.updatedAt()));
        ps.setBytes(5, payload);
        ps.setString(6, journey.id().value());
        ps.setLong(7, journey.version());
        if (ps.executeUpdate() == 1) {
          return saved;
        }
      }
      long actual = -1;
      try (PreparedStatement ps = c.prepareStatement("SELECT version FROM civickit_journeys WHERE journey_id = ?")) {
        ps.setString(1, journey.id().value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            actual = rs.getLong(1);
          }
        }
      }
      throw new ProgressConflictException(journey.id(), journey.version(), actual);
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journeys", "save journey " + journey.id(), e);
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<Journey> find(JourneyId id) {
    return one("SELECT " + COLUMNS + " FROM civickit_journeys WHERE journey_id = ?", id.value());
  }

  @Override
  public Optional<Journey> findByReference(Reference reference) {
    return one("SELECT " + COLUMNS + " FROM civickit_journeys WHERE reference = ?", reference.value());
  }

  private Optional<Journey> one(String sql, String key) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        JourneyId id = new JourneyId(rs.getString("journey_id"));
        long version = rs.getLong("version");
        byte[] plain;
        try {
          plain = decrypt(keys, id, version, rs.getBytes("payload"), unboundRows == UnboundRows.READ).plain();
        } catch (ProgressDecryptionException e) {
          throw new ProgressDecryptionException("journey " + id + ": " + e.getMessage(), e);
        }
        Journey j = JourneyCodec.decode(plain, version);
        if (!j.id().equals(id)) {
          throw new ProgressDecryptionException("journey " + id + ": saved data names another journey");
        }
        return Optional.of(j);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journeys", "load a journey", e);
    }
  }

  @Override
  public List<JourneyId> findNotUpdatedSince(Instant cutoff, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT journey_id FROM civickit_journeys WHERE updated_at < ? ORDER BY updated_at, journey_id")) {
      ps.setObject(1, utc(cutoff));
      ps.setMaxRows(limit);
      List<JourneyId> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          out.add(new JourneyId(rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journeys", "list stale journeys", e);
    }
  }

  @Override
  public boolean delete(JourneyId id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_journeys WHERE journey_id = ?")) {
      ps.setString(1, id.value());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journeys", "delete journey " + id, e);
    }
  }
}
