package io.civickit.core.internal.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What every data source made from a JDBC URL shares: the URL and its user and password, a
 * connection for other credentials straight from {@link DriverManager}, and the
 * {@link DataSource} methods such a source has nothing to say to (no log writer, no login
 * timeout, not a wrapper). Subclasses say how {@link #getConnection()} gets its connection.
 */
public abstract class UrlDataSourceSupport implements DataSource {
  private final String url;
  private final Properties credentials = new Properties();

  /**
   * A data source for a URL.
   *
   * @param url the JDBC URL
   * @param user the user, or null for none
   * @param password the password, or null for none
   */
  protected UrlDataSourceSupport(String url, @Nullable String user, @Nullable String password) {
    this.url = url;
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
  }

  /** The JDBC URL. */
  protected final String url() {
    return url;
  }

  /**
   * A new, unpooled connection with the configured user and password.
   *
   * @return the connection
   * @throws SQLException when the driver cannot connect
   */
  protected final Connection openDirect() throws SQLException {
    return DriverManager.getConnection(url, credentials);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
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
    throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
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
