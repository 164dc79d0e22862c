package io.civickit.submit;

import io.civickit.core.progress.Schema;
import javax.sql.DataSource;

/**
 * Installs the submission tables ({@code civickit_submission}, {@code civickit_submission_delivery})
 * from {@code META-INF/civickit/sql/<h2|postgresql>/submit.sql}. Safe to run more than once. A
 * council with its own migrations copies that file into them instead.
 */
public final class SubmissionSchema {
  private SubmissionSchema() {}

  /** The schema's name ({@link Schema.Part#SUBMIT}'s file name). */
  public static final String NAME = "submit";

  /**
   * Creates the tables if they do not exist.
   *
   * @param dataSource the database
   * @throws io.civickit.core.CivicKitException if the database is neither H2 nor PostgreSQL, or a
   *     statement fails
   */
  public static void install(DataSource dataSource) {
    Schema.install(dataSource, Schema.Part.SUBMIT);
  }
}
