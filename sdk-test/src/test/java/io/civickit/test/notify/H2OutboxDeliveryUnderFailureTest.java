package io.civickit.test.notify;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;

/** The delivery test on H2, the embedded default (instances share one in-memory database). */
class H2OutboxDeliveryUnderFailureTest extends OutboxDeliveryUnderFailure {
  private final DataSource ds = H2Database.inMemory().dataSource();

  @Override
  protected DataSource dataSource() {
    return ds;
  }

  @Override
  protected int messages() {
    return 600;
  }

  @Override
  protected String database() {
    return "H2";
  }
}
