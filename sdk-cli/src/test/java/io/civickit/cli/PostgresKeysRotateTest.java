package io.civickit.cli;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code civickit keys rotate} on PostgreSQL. */
class PostgresKeysRotateTest extends KeysRotateContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "core", "handoff");
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM civickit_journeys");
    }
  }

  @Override
  DataSource dataSource() {
    return PG.dataSource();
  }

  @Override
  String jdbcUrl() {
    return PG.jdbcUrl();
  }
}
