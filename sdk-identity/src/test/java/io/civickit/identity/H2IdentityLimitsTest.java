package io.civickit.identity;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The limits with the JDBC store on embedded H2: two store objects over one database. */
class H2IdentityLimitsTest extends IdentityLimitsContract {
  static DataSource dataSource;

  @BeforeAll
  static void database() {
    dataSource = H2Database.inMemory().dataSource();
    Schema.install(dataSource, "identity");
    Schema.install(dataSource, "identity");
  }

  @Override
  protected IdentityStore newInstanceStore() {
    return IdentityStore.jdbc(dataSource);
  }
}
