package io.civickit.notify.outbox;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox on PostgreSQL, as shared by several app instances. */
class PostgresOutboxTest extends OutboxBehaviour {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    OutboxSchema.install(PG.dataSource());
    OutboxSchema.install(PG.dataSource());
  }

  @Override
  protected DataSource dataSource() {
    return PG.dataSource();
  }
}
