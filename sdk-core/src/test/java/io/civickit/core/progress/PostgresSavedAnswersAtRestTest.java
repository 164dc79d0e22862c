package io.civickit.core.progress;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Saved answers at rest on PostgreSQL. */
class PostgresSavedAnswersAtRestTest extends SavedAnswersAtRestContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "core", "handoff");
  }

  @Override
  DataSource dataSource() {
    return PG.dataSource();
  }
}
