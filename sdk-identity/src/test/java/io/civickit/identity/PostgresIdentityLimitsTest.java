package io.civickit.identity;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits on PostgreSQL, as several app instances of a council share them. */
class PostgresIdentityLimitsTest extends IdentityLimitsContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "identity");
  }

  @Override
  protected IdentityStore newInstanceStore() {
    return IdentityStore.jdbc(PG.dataSource());
  }
}
