package io.civickit.benchmarks.store;

import io.civickit.benchmarks.support.Postgres;
import io.civickit.benchmarks.support.SimplePool;
import io.civickit.core.Journey;
import io.civickit.core.progress.JourneyFormat;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import io.civickit.benchmarks.support.MicrosecondsPerOperation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 3. Save and load a 30-answer journey on PostgreSQL: CivicKit's JDBC store (encrypted with
 * AES-256-GCM, optimistic version check) against a plain JDBC upsert and select of the same
 * JSON bytes (the journey as CivicKit encodes it, before encryption), and against the same plain
 * JDBC storing those bytes encrypted the same way (AES-256-GCM with the JDK, a fresh 12-byte
 * nonce per save, a 128-bit tag, the journey id as associated data): what encryption at rest
 * costs by itself. {@link #codecOnly} measures the part of CivicKit's time no plain side has:
 * turning the journey into its JSON bytes and back. Every side uses one connection pool and its
 * own table (plain {@code BYTEA}, PostgreSQL's default storage) in a schema this benchmark
 * creates and drops.
 */
public class SaveLoadBenchmark extends MicrosecondsPerOperation {

  private Postgres.BenchSchema schema;
  private SimplePool pool;
  private ProgressStore store;
  private Journey current;
  private byte[] json;
  private String plainId;
  private final SecureRandom random = new SecureRandom();
  private SecretKey key;
  private Cipher cipher;
  private byte[] aad;

  /** Creates the schema, the tables, and the journey (saved once). */
  @Setup(Level.Trial)
  public void setUp() throws SQLException, GeneralSecurityException {
    schema = Postgres.createSchema("saveload");
    pool = schema.pool(2);
    Schema.install(pool);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE plain_journeys (journey_id VARCHAR(22) PRIMARY KEY, payload BYTEA NOT NULL)");
      s.execute("CREATE TABLE encrypted_journeys (journey_id VARCHAR(22) PRIMARY KEY, payload BYTEA NOT NULL)");
    }
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      key = generator.generateKey();
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    store = ProgressStore.jdbc(pool, KeyRing.generate("k1"));
    current = store.save(ThirtyAnswers.journey(new SplittableRandom(42), 1));
    json = JourneyFormat.encode(current);
    plainId = current.id().value();
    aad = ("journey:" + plainId).getBytes(StandardCharsets.US_ASCII);
    plainJdbc();
    plainJdbcEncrypted();
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
    schema.close();
  }

  /** CivicKit: save (version-checked, encrypted) then load (decrypted, decoded). */
  @Benchmark
  public Journey civicKitStore() {
    Journey saved = store.save(current);
    current = store.find(saved.id()).orElseThrow();
    return current;
  }

  /** The limit: upsert the JSON bytes, then select them back. */
  @Benchmark
  public byte[] plainJdbc() throws SQLException {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO plain_journeys (journey_id, payload) VALUES (?, ?)"
          + " ON CONFLICT (journey_id) DO UPDATE SET payload = EXCLUDED.payload")) {
        ps.setString(1, plainId);
        ps.setBytes(2, json);
        ps.executeUpdate();
      }
    }
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT payload FROM plain_journeys WHERE journey_id = ?")) {
      ps.setString(1, plainId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  /** Plain JDBC of encrypted bytes: encrypt, upsert, select, decrypt. */
  @Benchmark
  public byte[] plainJdbcEncrypted() throws SQLException, GeneralSecurityException {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad);
    byte[] sealed = cipher.doFinal(json);
    byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO encrypted_journeys (journey_id, payload) VALUES (?, ?)"
          + " ON CONFLICT (journey_id) DO UPDATE SET payload = EXCLUDED.payload")) {
        ps.setString(1, plainId);
        ps.setBytes(2, stored);
        ps.executeUpdate();
      }
    }
    byte[] loaded;
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT payload FROM encrypted_journeys WHERE journey_id = ?")) {
      ps.setString(1, plainId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        loaded = rs.getBytes(1);
      }
    }
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, loaded, 0, 12));
    cipher.updateAAD(aad);
    return cipher.doFinal(loaded, 12, loaded.length - 12);
  }

  /** No database: CivicKit's encoding of the journey to JSON bytes and back, as each save and load does it. */
  @Benchmark
  public Journey codecOnly() {
    return JourneyFormat.decode(JourneyFormat.encode(current), current.version());
  }
}
