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
 *
 * <pre>{@code
 * Schema.installAll(dataSource);                          // every CivicKit module on the class path
 * Schema.install(dataSource, Schema.Part.CORE, Schema.Part.HANDOFF);   // or just these
 * }</pre>
 */
public final class Schema {
  private Schema() {}

  /**
   * A schema one CivicKit module ships, in the order {@link #installAll} applies them. Each is
   * the file {@code META-INF/civickit/sql/<h2|postgresql>/<}{@link #fileName()}{@code >.sql} in
   * that module's jar.
   */
  public enum Part {
    /** Journeys, resume tokens and journey events (sdk-core). */
    CORE("core", "sdk-core"),
    /** Handoffs, call-backs and one-time context ids (sdk-core). */
    HANDOFF("handoff", "sdk-core"),
    /** The notification outbox (sdk-notify). */
    OUTBOX("outbox", "sdk-notify"),
    /** Passcode, TOTP and record-matching limits, One Login's seen tokens (sdk-identity). */
    IDENTITY("identity", "sdk-identity"),
    /** Uploaded files (sdk-files). */
    FILES("files", "sdk-files"),
    /** The payment ledger (sdk-pay). */
    PAY("pay", "sdk-pay"),
    /** Submissions and their deliveries (sdk-submit). */
    SUBMIT("submit", "sdk-submit"),
    /** The journey runner's sessions and sign-in limits (sdk-web). */
    WEB("web", "sdk-web");

    private final String fileName;
    private final String module;

    Part(String fileName, String module) {
      this.fileName = fileName;
      this.module = module;
    }

    /** The SQL file's name without {@code .sql}, such as {@code outbox}. */
    public String fileName() {
      return fileName;
    }

    /** The Maven artifact that ships it, such as {@code sdk-notify}. */
    public String module() {
      return module;
    }
  }

  /**
   * The core schema's name.
   *
   * @deprecated use {@link Part#CORE}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static final String CORE = "core";

  /** Installs the core schema (journeys, resume tokens, events). */
  public static void install(DataSource dataSource) {
    install(dataSource, Part.CORE);
  }

  /**
   * Installs these schemas, in the order given.
   *
   * @param dataSource the database (H2 or PostgreSQL)
   * @param parts the schemas
   * @throws ConfigurationException if the database is neither H2 nor PostgreSQL or a part's module
   *     is not on the class path
   * @throws StorageUnavailableException if a statement fails
   */
  public static void install(DataSource dataSource, Part... parts) {
    installNamed(dataSource, java.util.Arrays.stream(parts).map(Part::fileName).toArray(String[]::new));
  }

  /**
   * Installs the schema of every CivicKit module on the class path, in {@link Part} order;
   * parts whose module is absent are skipped.
   *
   * @param dataSource the database (H2 or PostgreSQL)
   * @return the parts installed, in order
   * @throws ConfigurationException if the database is neither H2 nor PostgreSQL
   * @throws StorageUnavailableException if a statement fails
   */
  public static List<Part> installAll(DataSource dataSource) {
    String dialect;
    try (Connection c = dataSource.getConnection()) {
      dialect = dialect(c);
    } catch (SQLException e) {
      throw new StorageUnavailableException("the database", "say which database it is", e);
    }
    List<Part> present = new ArrayList<>();
    for (Part p : Part.values()) {
      if (exists("META-INF/civickit/sql/" + dialect + "/" + p.fileName() + ".sql")) {
        present.add(p);
      }
    }
    install(dataSource, present.toArray(Part[]::new));
    return List.copyOf(present);
  }

  /**
   * Installs the named schemas, in order.
   *
   * @param dataSource the database
   * @param names the schemas' file names, such as {@code "core"}
   * @throws ConfigurationException if the database is neither H2 nor PostgreSQL or a schema file is not on the class path
   * @throws StorageUnavailableException if a statement fails
   * @deprecated use {@link #install(DataSource, Part...)} or {@link #installAll(DataSource)}: a
   *     misspelt name was only found when the file was looked for
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static void install(DataSource dataSource, String... names) {
    installNamed(dataSource, names);
  }

  private static void installNamed(DataSource dataSource, String... names) {
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

  private static boolean exists(String path) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return Schema.class.getClassLoader().getResource(path) != null
        || (context != null && context.getResource(path) != null);
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
