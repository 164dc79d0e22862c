package io.civickit.core.handoff;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;

/** Driver messages kept out on H2, which quotes a statement's values in its messages. */
class H2DriverMessagesStayOutTest extends DriverMessagesStayOutContract {
  final DataSource ds = H2Database.inMemory().dataSource();

  @Override
  DataSource dataSource() {
    return ds;
  }
}
