package io.civickit.benchmarks.store;

import io.civickit.benchmarks.support.Postgres;
import io.civickit.benchmarks.support.SimplePool;
import io.civickit.core.Journey;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import io.civickit.core.progress.internal.JourneyCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 3. Save and load a 30-answer journey on PostgreSQL: CivicKit's JDBC store (encrypted with
 * AES-256-GCM, optimistic version check) against a plain JDBC upsert and select of the same
 * JSON bytes (the journey as CivicKit encodes it, before encryption). Both use one connection
 * pool and their own tables in a schema this benchmark creates and drops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SaveLoadBenchmark {

  private Postgres.BenchSchema schema;
  private SimplePool pool;
  private ProgressStore store;
  private Journey current;
  private byte[] json;
  private String plainId;

  /** Creates the schema, the tables, and the journey (saved once). */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    schema = Postgres.createSchema("saveload");
    pool = schema.pool(2);
    Schema.install(pool);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE plain_journeys (journey_id VARCHAR(22) PRIMARY KEY, payload BYTEA NOT NULL)");
    }
    store = ProgressStore.jdbc(pool, KeyRing.generate("k1"));
    current = store.save(ThirtyAnswers.journey(new SplittableRandom(42), 1));
    json = JourneyCodec.encode(current);
    plainId = current.id().value();
    plainJdbc();
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
}
