package io.civickit.identity.internal;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Driver messages kept out of the identity store's failures on PostgreSQL. */
class PostgresDriverMessagesStayOutTest extends DriverMessagesStayOutContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  DataSource dataSource() {
    return PG.dataSource();
  }
}
