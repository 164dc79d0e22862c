package io.civickit.web.internal;

import com.zaxxer.hikari.HikariConfig;
import io.civickit.core.internal.jdbc.UrlDataSourceSupport;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A pooled data source from a JDBC URL (HikariCP): opening a PostgreSQL connection starts a
 * server process, far slower than serving a page, so a service keeps a few open. An embedded H2
 * database is shut down on close, after the pool.
 */
public final class UrlDataSource extends UrlDataSourceSupport implements AutoCloseable {
  private final boolean embedded;
  private final HikariDataSource pool;

  /**
   * A data source with a pool of up to ten connections.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @param embedded whether to send H2 a {@code SHUTDOWN} on close
   */
  public UrlDataSource(String url, String user, String password, boolean embedded) {
    this(url, user, password, embedded, 10);
  }

  /**
   * A data source.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @param embedded whether to send H2 a {@code SHUTDOWN} on close
   * @param poolSize the most connections kept open, 1 or more
   */
  public UrlDataSource(String url, String user, String password, boolean embedded, int poolSize) {
    super(url, user, password);
    if (poolSize < 1) {
      throw new IllegalArgumentException("the database pool size must be 1 or more, but was " + poolSize);
    }
    this.embedded = embedded;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("civickit");
    // Nothing is opened until the first connection is asked for: a wrong URL is reported where it is used.
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
    if (!embedded) {
      return;
    }
    try (Connection c = openDirect(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      org.slf4j.LoggerFactory.getLogger(UrlDataSource.class)
          .warn("could not shut the embedded database down (SQL state {})", e.getSQLState());
    }
  }
}
