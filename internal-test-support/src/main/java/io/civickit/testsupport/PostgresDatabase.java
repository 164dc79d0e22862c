package io.civickit.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own for one test class, created before the class and dropped after.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();
 * ... PG.dataSource() ...
 * }</pre>
 *
 * <p>Where no PostgreSQL answers, the class is skipped with a message saying so; when the
 * environment variable {@code CI} is {@code true}, a missing database fails the class instead.
 * The server is taken from {@code CIVICKIT_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) and {@code CIVICKIT_TEST_PG_USER} (default
 * {@code postgres}).
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String url;
  private final String user;
  private String schema;

  public PostgresDatabase() {
    this.url = env("CIVICKIT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    this.user = env("CIVICKIT_TEST_PG_USER", "postgres");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** True where the environment says this is a CI run, in which a missing database is a failure. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String owner = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    schema = "ck_" + owner.replaceAll("[^a-z0-9]", "") + "_" + Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
    try (Connection c = rawDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
          + "): skipping " + context.getRequiredTestClass().getSimpleName()
          + ". Start PostgreSQL or set CIVICKIT_TEST_PG_URL to run these tests.";
      schema = null;
      if (isCi()) {
        throw new AssertionError("CI=true but " + message, e);
      }
      Assumptions.abort(message);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (schema == null) {
      return;
    }
    try (Connection c = rawDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** The schema this test class owns. */
  public String schema() {
    if (schema == null) {
      throw new IllegalStateException("the schema exists only between beforeAll and afterAll");
    }
    return schema;
  }

  /** A data source whose connections work in this class's schema. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = rawDataSource();
    ds.setCurrentSchema(schema());
    return ds;
  }

  /** The JDBC URL of this class's schema, for code that takes a URL rather than a data source. */
  public String jdbcUrl() {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema() + "&user=" + user;
  }

  private PGSimpleDataSource rawDataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setConnectTimeout(5);
    return ds;
  }
}
