package io.civickit.core.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A data source over {@link java.sql.DriverManager}: a new connection per call, for a one-off
 * command or a test, never for a service under load.
 */
public final class DriverManagerDataSource extends UrlDataSourceSupport {

  /**
   * A data source for a URL.
   *
   * @param url the JDBC URL
   * @param user the user, or null for none
   * @param password the password, or null for none
   */
  public DriverManagerDataSource(String url, @Nullable String user, @Nullable String password) {
    super(url, user, password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return openDirect();
  }
}
