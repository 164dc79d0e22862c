package io.civickit.testsupport;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A private in-memory H2 database, kept open until the JVM exits. */
public final class H2Database {
  private final String url;

  private H2Database(String url) {
    this.url = url;
  }

  /** A new, empty in-memory database with a unique name. */
  public static H2Database inMemory() {
    return new H2Database("jdbc:h2:mem:ck_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
  }

  public String jdbcUrl() {
    return url;
  }

  public DataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return ds;
  }
}
