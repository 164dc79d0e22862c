package io.civickit.submit;

import io.civickit.testsupport.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSubmissionsTest extends SubmissionsBehaviour {
  @RegisterExtension
  static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  DataSource dataSource() {
    return DB.dataSource();
  }
}
