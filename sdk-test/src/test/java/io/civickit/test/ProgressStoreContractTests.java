package io.civickit.test;

import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CivicKit's own progress stores, each run through the one contract. */
class ProgressStoreContractTests {

  @Nested
  class InMemory extends ProgressStoreContract {
    @Override
    protected ProgressStore newStore() {
      return ProgressStore.inMemory(Duration.ofDays(28), Clock.systemUTC());
    }
  }

  @Nested
  class OnH2 extends ProgressStoreContract {
    private final DataSource ds = H2Database.inMemory().dataSource();

    OnH2() {
      Schema.install(ds);
    }

    @Override
    protected ProgressStore newStore() {
      return ProgressStore.jdbc(ds, KeyRing.generate("test"));
    }
  }
}

class PostgresProgressStoreContractTest extends ProgressStoreContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  private static final KeyRing KEYS = KeyRing.generate("test");

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource());
  }

  @Override
  protected ProgressStore newStore() {
    return ProgressStore.jdbc(PG.dataSource(), KEYS);
  }
}
