package io.civickit.submit;

import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;

class H2SubmissionsTest extends SubmissionsBehaviour {
  static final H2Database DB = H2Database.inMemory();

  @Override
  DataSource dataSource() {
    return DB.dataSource();
  }
}
