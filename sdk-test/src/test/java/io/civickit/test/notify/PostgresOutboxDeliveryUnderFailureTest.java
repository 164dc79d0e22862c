package io.civickit.test.notify;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery test on PostgreSQL, as a council with several app instances runs it. */
class PostgresOutboxDeliveryUnderFailureTest extends OutboxDeliveryUnderFailure {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected DataSource dataSource() {
    return PG.dataSource();
  }

  @Override
  protected int messages() {
    return 2000;
  }

  @Override
  protected String database() {
    return "PostgreSQL";
  }
}
