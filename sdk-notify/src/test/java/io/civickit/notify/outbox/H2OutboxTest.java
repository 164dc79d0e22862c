package io.civickit.notify.outbox;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;

/** The outbox on H2, the embedded default. */
class H2OutboxTest extends OutboxBehaviour {
  private static final DataSource DS = H2Database.inMemory().dataSource();

  static {
    OutboxSchema.install(DS);
    OutboxSchema.install(DS); // installing twice is harmless
  }

  @Override
  protected DataSource dataSource() {
    return DS;
  }
}
