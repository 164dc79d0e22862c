package io.civickit.test;

import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CivicKit's own resume token stores, each run through the one contract. */
class ResumeTokenStoreContractTests {

  @Nested
  class InMemory extends ResumeTokenStoreContract {
    private final ResumeTokenStore store = ResumeTokenStore.inMemory();

    @Override
    protected ResumeTokenStore newStore() {
      return store;
    }
  }

  @Nested
  class OnH2 extends ResumeTokenStoreContract {
    private final DataSource ds = H2Database.inMemory().dataSource();

    OnH2() {
      Schema.install(ds);
    }

    @Override
    protected ResumeTokenStore newStore() {
      return ResumeTokenStore.jdbc(ds);
    }
  }
}

class PostgresResumeTokenStoreContractTest extends ResumeTokenStoreContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource());
  }

  @Override
  protected ResumeTokenStore newStore() {
    return ResumeTokenStore.jdbc(PG.dataSource());
  }
}
