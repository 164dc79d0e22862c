package io.civickit.core.handoff;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Used context ids on PostgreSQL, shared by several app instances. */
class PostgresUsedContextIdsTest extends UsedContextIdsContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "core", "handoff");
  }

  @Override
  UsedContextIds newInstanceStore() {
    return UsedContextIds.jdbc(PG.dataSource());
  }
}
