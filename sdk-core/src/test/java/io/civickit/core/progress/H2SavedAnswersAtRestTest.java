package io.civickit.core.progress;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** Saved answers at rest on embedded H2. */
class H2SavedAnswersAtRestTest extends SavedAnswersAtRestContract {
  static DataSource dataSource;

  @BeforeAll
  static void database() {
    dataSource = H2Database.inMemory().dataSource();
    Schema.install(dataSource, "core", "handoff");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
