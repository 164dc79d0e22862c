package io.civickit.cli;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** {@code civickit keys rotate} on an embedded H2 database. */
class H2KeysRotateTest extends KeysRotateContract {
  H2Database db;

  @BeforeEach
  void database() {
    db = H2Database.inMemory();
    Schema.install(db.dataSource(), "core", "handoff");
  }

  @Override
  DataSource dataSource() {
    return db.dataSource();
  }

  @Override
  String jdbcUrl() {
    return db.jdbcUrl();
  }
}
