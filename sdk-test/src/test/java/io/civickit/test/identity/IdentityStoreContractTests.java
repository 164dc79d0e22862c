package io.civickit.test.identity;

import io.civickit.core.progress.Schema;
import io.civickit.identity.IdentityStore;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.Leaks;
import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CivicKit's own identity stores (the limits' store), each run through the one contract. */
class IdentityStoreContractTests {

  @Nested
  class InMemory extends IdentityStoreContract {
    @Override
    protected IdentityStore newStore() {
      return IdentityStore.inMemory();
    }
  }

  @Nested
  class OnH2 extends IdentityStoreContract {
    @Override
    protected IdentityStore newStore() {
      DataSource ds = H2Database.inMemory().dataSource();
      Schema.install(ds, "identity");
      return IdentityStore.jdbc(ds);
    }
  }
}

class PostgresIdentityStoreContractTest extends IdentityStoreContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "identity");
  }

  @Override
  protected IdentityStore newStore() {
    Leaks.execute(PG.dataSource(), "DELETE FROM ck_identity_state");
    return IdentityStore.jdbc(PG.dataSource());
  }
}
