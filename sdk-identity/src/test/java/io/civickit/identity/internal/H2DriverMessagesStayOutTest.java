package io.civickit.identity.internal;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;

/** Driver messages kept out of the identity store's failures on H2. */
class H2DriverMessagesStayOutTest extends DriverMessagesStayOutContract {
  final DataSource ds = H2Database.inMemory().dataSource();

  @Override
  DataSource dataSource() {
    return ds;
  }
}
