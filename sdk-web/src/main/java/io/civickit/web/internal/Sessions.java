package io.civickit.web.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.web.Session;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Server-side sessions in the {@code civickit_web_sessions} table, so several instances sharing
 * one database serve the same person whichever instance a request reaches. The cookie carries
 * 256 random bits; the table holds only their SHA-256 hash and a few short values.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_DATA = 4000;

  private final DataSource dataSource;
  private final Clock clock;
  private final Duration idle;

  /**
   * Sessions in a database.
   *
   * @param dataSource the database, with the {@code web} schema installed
   * @param clock the clock
   * @param idle how long a session lasts unused
   */
  public Sessions(DataSource dataSource, Clock clock, Duration idle) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.idle = idle;
  }

  /** One person's session. Changes are saved by {@link Sessions#save}. */
  public static final class Stored implements Session {
    private String id;
    private final Map<String, String> data;
    private boolean dirty;
    private boolean fresh;
    private String previousId;
    /** When the stored row expires, as last read or written (0 for a session not stored yet). */
    private long expiresAt;

    private Stored(String id, Map<String, String> data, boolean dirty, boolean fresh) {
      this.id = id;
      this.data = new LinkedHashMap<>(data);
      this.dirty = dirty;
      this.fresh = fresh;
    }

    /**
     * The cookie value.
     *
     * @return the id
     */
    public String id() {
      return id;
    }

    /**
     * Whether the cookie must be (re)sent: a new session, or one given a new id.
     *
     * @return true when the browser does not hold this id yet
     */
    public boolean needsCookie() {
      return fresh;
    }

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(data.get(key));
    }

    @Override
    public void put(String key, String value) {
      if (key.length() > 64 || value.length() > 512) {
        throw new IllegalArgumentException("a session holds short values only; key " + key + " is too long");
      }
      if (!value.equals(data.put(key, value))) {
        dirty = true;
      }
    }

    @Override
    public void remove(String key) {
      if (data.remove(key) != null) {
        dirty = true;
      }
    }

    @Override
    public void rotate() {
      if (previousId == null && !fresh) {
        previousId = id;
      }
      id = newId();
      data.put("csrf", newId());
      dirty = true;
      fresh = true;
    }
  }

  /**
   * A new, empty session with a fresh CSRF token (saved only if the request ends well).
   *
   * @return the session
   */
  public Stored create() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("csrf", newId());
    return new Stored(newId(), data, true, true);
  }

  /**
   * The session with this cookie value, if it exists and has not expired.
   *
   * @param cookieValue the cookie, if sent
   * @return the session
   */
  public Optional<Stored> find(Optional<String> cookieValue) {
    if (cookieValue.isEmpty() || !cookieValue.get().matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement(
             "SELECT data, expires_at FROM civickit_web_sessions WHERE id_hash = ?")) {
      ps.setString(1, hash(cookieValue.get()));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(2) < clock.millis()) {
          return Optional.empty();
        }
        Stored s = new Stored(cookieValue.get(), decode(rs.getString(1)), false, false);
        s.expiresAt = rs.getLong(2);
        // Keep an active session alive without writing on every request.
        if (rs.getLong(2) - clock.millis() < idle.toMillis() - Math.min(idle.toMillis() / 10, 600_000)) {
          s.dirty = true;
        }
        return Optional.of(s);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_sessions", "read a session", e);
    }
  }

  /**
   * The language a session that has ended was in, while its row is still there (until the purge),
   * so the page saying it ended is in that language.
   *
   * @param cookieValue the cookie, if sent
   * @return {@code cy} or {@code en}, when known
   */
  public Optional<String> languageOfEnded(Optional<String> cookieValue) {
    if (cookieValue.isEmpty() || !cookieValue.get().matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT data FROM civickit_web_sessions WHERE id_hash = ?")) {
      ps.setString(1, hash(cookieValue.get()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(decode(rs.getString(1)).get("lang")) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_sessions", "read an ended session's language", e);
    }
  }

  /**
   * Saves a changed session (and removes the row of the id it had before a rotation).
   *
   * @param s the session
   */
  public void save(Stored s) {
    if (!s.dirty) {
      return;
    }
    String data = encode(s.data);
    long expires = clock.millis() + idle.toMillis();
    try (Connection c = dataSource.getConnection()) {
      if (s.previousId != null) {
        delete(c, s.previousId);
        s.previousId = null;
      }
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE civickit_web_sessions SET data = ?, expires_at = ? WHERE id_hash = ?")) {
        up.setString(1, data);
        up.setLong(2, expires);
        up.setString(3, hash(s.id));
        if (up.executeUpdate() == 0) {
          try (PreparedStatement in = c.prepareStatement(
              "INSERT INTO civickit_web_sessions (id_hash, data, expires_at) VALUES (?, ?, ?)")) {
            in.setString(1, hash(s.id));
            in.setString(2, data);
            in.setLong(3, expires);
            in.executeUpdate();
          }
        }
      }
      s.dirty = false;
      s.expiresAt = expires;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_sessions", "save a session", e);
    }
  }

  /**
   * When a session will end if nothing more happens: its stored expiry, or, for a session this
   * request changes (or that is new), a full idle period from now, as saving it will set.
   *
   * @param s the session
   * @return the moment, in milliseconds since the epoch
   */
  public long expiresAt(Stored s) {
    return s.dirty || s.expiresAt == 0 ? clock.millis() + idle.toMillis() : s.expiresAt;
  }

  /**
   * Ends a session (sign out).
   *
   * @param s the session
   */
  public void delete(Stored s) {
    try (Connection c = dataSource.getConnection()) {
      delete(c, s.id);
      if (s.previousId != null) {
        delete(c, s.previousId);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_sessions", "delete a session", e);
    }
  }

  private static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_web_sessions WHERE id_hash = ?")) {
      ps.setString(1, hash(id));
      ps.executeUpdate();
    }
  }

  /**
   * Deletes expired sessions.
   *
   * @return how many
   */
  public int purgeExpired() {
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_web_sessions WHERE expires_at < ?")) {
      ps.setLong(1, clock.millis());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_sessions", "purge sessions", e);
    }
  }

  /**
   * 256 random bits, base64url.
   *
   * @return a new id
   */
  public static String newId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * SHA-256 of an id, hex.
   *
   * @param id the id
   * @return the hash
   */
  public static String hash(String id) {
    return Digests.sha256Hex(id);
  }

  private static String encode(Map<String, String> data) {
    StringBuilder b = new StringBuilder();
    data.forEach((k, v) -> b.append(b.length() > 0 ? "&" : "").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    if (b.length() > MAX_DATA) {
      throw new IllegalStateException("a session grew beyond " + MAX_DATA + " characters");
    }
    return b.toString();
  }

  private static Map<String, String> decode(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
