package io.civickit.web.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source from a JDBC URL through {@link DriverManager}: what a small service needs with
 * no pool library. An embedded H2 database is shut down on close.
 */
public final class UrlDataSource implements DataSource, AutoCloseable {
  private final String url;
  private final Properties props = new Properties();
  private final boolean embedded;

  /**
   * A data source.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @param embedded whether to send H2 a {@code SHUTDOWN} on close
   */
  public UrlDataSource(String url, String user, String password, boolean embedded) {
    this.url = url;
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    this.embedded = embedded;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public void close() {
    if (!embedded) {
      return;
    }
    try (Connection c = getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      org.slf4j.LoggerFactory.getLogger(UrlDataSource.class)
          .warn("could not shut the embedded database down (SQL state {})", e.getSQLState());
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
