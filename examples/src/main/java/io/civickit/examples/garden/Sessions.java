package io.civickit.examples.garden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.core.CivicKitException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Server-side sessions kept in the service's database, so that several instances sharing one
 * PostgreSQL serve the same person whichever instance a request reaches. The cookie carries
 * 256 random bits; the table holds only their SHA-256 hash and a few small values (the journey
 * id, the language, the CSRF token, the signed-in adviser), never answers.
 */
final class Sessions {
  static final Duration IDLE_TIMEOUT = Duration.ofHours(2);
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  Sessions(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Creates the sessions table if it is missing (H2 and PostgreSQL). */
  void install() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS example_sessions (id_hash VARCHAR(64) PRIMARY KEY, "
          + "data VARCHAR(4000) NOT NULL, expires_at BIGINT NOT NULL)");
    } catch (SQLException e) {
      throw new CivicKitException("could not create the sessions table: " + e.getMessage(), e);
    }
  }

  /** One person's session. Changes are saved by {@link Sessions#save}. */
  static final class Session {
    private String id;
    private final Map<String, String> data;
    private boolean dirty;
    private String previousId;

    private Session(String id, Map<String, String> data, boolean dirty) {
      this.id = id;
      this.data = new LinkedHashMap<>(data);
      this.dirty = dirty;
    }

    String id() {
      return id;
    }

    Optional<String> get(String key) {
      return Optional.ofNullable(data.get(key));
    }

    void put(String key, String value) {
      if (!value.equals(data.put(key, value))) {
        dirty = true;
      }
    }

    void remove(String key) {
      if (data.remove(key) != null) {
        dirty = true;
      }
    }

    /**
     * Gives the session a new id, keeping its values: called when someone signs in or passes an
     * identity check, so an id planted before (session fixation) is worth nothing after.
     */
    void rotate() {
      if (previousId == null) {
        previousId = id;
      }
      id = newId();
      data.put("csrf", newId());
      dirty = true;
    }

    boolean isDirty() {
      return dirty;
    }
  }

  /** A new, empty session with a fresh CSRF token. */
  Session create() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("csrf", newId());
    return new Session(newId(), data, true);
  }

  /** The session with this cookie value, if it exists and has not expired. */
  Optional<Session> find(String cookieValue) {
    if (cookieValue == null || !cookieValue.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT data, expires_at FROM example_sessions WHERE id_hash = ?")) {
      ps.setString(1, hash(cookieValue));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(2) < clock.millis()) {
          return Optional.empty();
        }
        Session s = new Session(cookieValue, json.readValue(rs.getString(1), MAP), false);
        // Keep an active session alive without writing on every request.
        if (rs.getLong(2) - clock.millis() < IDLE_TIMEOUT.minusMinutes(10).toMillis()) {
          s.dirty = true;
        }
        return Optional.of(s);
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new CivicKitException("could not read a session: " + e.getMessage(), e);
    }
  }

  /** Saves a changed session (and removes the old row of a rotated one). */
  void save(Session s) {
    if (!s.dirty) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      String data = json.writeValueAsString(s.data);
      long expires = Instant.now(clock).plus(IDLE_TIMEOUT).toEpochMilli();
      if (s.previousId != null) {
        delete(c, s.previousId);
        s.previousId = null;
      }
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE example_sessions SET data = ?, expires_at = ? WHERE id_hash = ?")) {
        up.setString(1, data);
        up.setLong(2, expires);
        up.setString(3, hash(s.id));
        if (up.executeUpdate() == 0) {
          try (PreparedStatement in = c.prepareStatement(
              "INSERT INTO example_sessions (id_hash, data, expires_at) VALUES (?, ?, ?)")) {
            in.setString(1, hash(s.id));
            in.setString(2, data);
            in.setLong(3, expires);
            in.executeUpdate();
          }
        }
      }
      s.dirty = false;
    } catch (SQLException | JsonProcessingException e) {
      throw new CivicKitException("could not save a session: " + e.getMessage(), e);
    }
  }

  /** Ends a session (sign out). */
  void delete(Session s) {
    try (Connection c = dataSource.getConnection()) {
      delete(c, s.id);
      if (s.previousId != null) {
        delete(c, s.previousId);
      }
    } catch (SQLException e) {
      throw new CivicKitException("could not delete a session: " + e.getMessage(), e);
    }
  }

  private static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM example_sessions WHERE id_hash = ?")) {
      ps.setString(1, hash(id));
      ps.executeUpdate();
    }
  }

  /** Deletes expired sessions; returns how many. */
  int purgeExpired() {
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement("DELETE FROM example_sessions WHERE expires_at < ?")) {
      ps.setLong(1, clock.millis());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new CivicKitException("could not purge sessions: " + e.getMessage(), e);
    }
  }

  static String newId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
