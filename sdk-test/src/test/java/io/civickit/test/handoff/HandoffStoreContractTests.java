package io.civickit.test.handoff;

import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.Leaks;
import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CivicKit's own handoff stores, each run through the one contract. */
class HandoffStoreContractTests {

  @Nested
  class InMemory extends HandoffStoreContract {
    @Override
    protected HandoffStore newStore() {
      return HandoffStore.inMemory();
    }
  }

  @Nested
  class OnH2 extends HandoffStoreContract {
    @Override
    protected HandoffStore newStore() {
      DataSource ds = H2Database.inMemory().dataSource();
      Schema.install(ds, "core", "handoff");
      return HandoffStore.jdbc(ds);
    }
  }
}

class PostgresHandoffStoreContractTest extends HandoffStoreContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "core", "handoff");
  }

  @Override
  protected HandoffStore newStore() {
    Leaks.execute(PG.dataSource(), "DELETE FROM civickit_handoffs");
    return HandoffStore.jdbc(PG.dataSource());
  }
}
