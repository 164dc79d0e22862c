package io.civickit.spring;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same stores on PostgreSQL, in a schema of this class's own. */
class StoresOnPostgresTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Test
  void storesAreOnTheApplicationsPostgresDataSourceWithTheirTablesInstalled() {
    DataSource ds = PG.dataSource();
    StoresAutoConfigurationTest.storesWorkOn(Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY)
        .withBean(DataSource.class, () -> ds), ds);
  }
}
