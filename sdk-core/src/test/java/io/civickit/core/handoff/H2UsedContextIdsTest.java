package io.civickit.core.handoff;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** Used context ids on embedded H2: two store objects over one database. */
class H2UsedContextIdsTest extends UsedContextIdsContract {
  static DataSource dataSource;

  @BeforeAll
  static void database() {
    dataSource = H2Database.inMemory().dataSource();
    Schema.install(dataSource, "core", "handoff");
  }

  @Override
  UsedContextIds newInstanceStore() {
    return UsedContextIds.jdbc(dataSource);
  }
}
