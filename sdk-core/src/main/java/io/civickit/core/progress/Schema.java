package io.civickit.core.progress;

import io.civickit.core.ConfigurationException;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.UnreadableDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Applies CivicKit's SQL schemas, shipped in every jar as
 * {@code META-INF/civickit/sql/<h2|postgresql>/<name>.sql}. Every statement is
 * {@code CREATE ... IF NOT EXISTS}, so installing twice is harmless.
 *
 * <p>A council with its own migrations (Flyway, Liquibase) copies the same files into them
 * instead; this installer is the convenience for the embedded default and for tests.
 */
public final class Schema {
  private Schema() {}

  /** The schemas each module ships: {@code core} here, {@code outbox} in sdk-notify, {@code identity} in sdk-identity. */
  public static final String CORE = "core";

  /** Installs the core schema (journeys, resume tokens, events). */
  public static void install(DataSource dataSource) {
    install(dataSource, CORE);
  }

  /**
   * Installs the named schemas, in order.
   *
   * @throws ConfigurationException if the database is neither H2 nor PostgreSQL or a schema file is not on the class path
   * @throws StorageUnavailableException if a statement fails
   */
  public static void install(DataSource dataSource, String... names) {
    try (Connection c = dataSource.getConnection()) {
      String dialect = dialect(c);
      for (String name : names) {
        String path = "META-INF/civickit/sql/" + dialect + "/" + name + ".sql";
        String sql = read(path);
        try (Statement s = c.createStatement()) {
          for (String statement : statements(sql)) {
            s.execute(statement);
          }
        }
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("the database", "install the CivicKit schemas " + String.join(", ", names), e);
    }
  }

  /** {@code h2} or {@code postgresql}, from the connection's metadata. */
  public static String dialect(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("postgres")) {
      return "postgresql";
    }
    throw new ConfigurationException("dataSource", "is " + product + ", not H2 or PostgreSQL",
        "use H2 or PostgreSQL, or create CivicKit's tables yourself (see META-INF/civickit/sql/)");
  }

  private static String read(String path) {
    ClassLoader loader = Schema.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        InputStream ctx = Thread.currentThread().getContextClassLoader() == null ? null
            : Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (ctx == null) {
          throw new ConfigurationException("the class path", "has no schema file " + path,
              "add the CivicKit module that ships it as a dependency");
        }
        try (InputStream c2 = ctx) {
          return new String(c2.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableDataException("schema file " + path, "it could not be read", e);
    }
  }

  /** Splits a file into statements at semicolons that end a line; drops {@code --} comment lines. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
