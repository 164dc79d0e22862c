package io.civickit.core.handoff;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Driver messages kept out on PostgreSQL, whose unique-key message quotes the key's value. */
class PostgresDriverMessagesStayOutTest extends DriverMessagesStayOutContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  DataSource dataSource() {
    return PG.dataSource();
  }
}
