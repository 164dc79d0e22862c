package io.civickit.benchmarks.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the benchmarks use: the same server and user as the project's tests
 * ({@code CIVICKIT_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test};
 * {@code CIVICKIT_TEST_PG_USER}, default {@code postgres}). Every benchmark works in a schema of
 * its own, created in its set-up and dropped in its tear-down.
 */
public final class Postgres {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Postgres() {}

  /** The JDBC URL. */
  public static String url() {
    return env("CIVICKIT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  /** The user. */
  public static String user() {
    return env("CIVICKIT_TEST_PG_USER", "postgres");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Why PostgreSQL cannot be used, or null when it answers. */
  public static String unavailableBecause() {
    try (Connection c = raw(null).getConnection()) {
      return c.isValid(3) ? null : "the connection is not valid";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  static PGSimpleDataSource raw(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url());
    ds.setUser(user());
    ds.setConnectTimeout(5);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  /** A new schema named after the benchmark, with a random suffix. */
  public static BenchSchema createSchema(String owner) {
    String name = "ck_bench_" + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
        + Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
    try (Connection c = raw(null).getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + url() + " as " + user() + ": " + e.getMessage(), e);
    }
    return new BenchSchema(name);
  }

  /** A schema the benchmark owns. */
  public static final class BenchSchema implements AutoCloseable {
    private final String name;

    BenchSchema(String name) {
      this.name = name;
    }

    /** The schema's name. */
    public String name() {
      return name;
    }

    /** A pool of up to {@code size} connections working in this schema. */
    public SimplePool pool(int size) {
      return new SimplePool(raw(name), size);
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
      try (Connection c = raw(null).getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop schema " + name + ": " + e.getMessage(), e);
      }
    }
  }
}
