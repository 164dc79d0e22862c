package io.civickit.notify.outbox;

import io.civickit.core.progress.Schema;
import javax.sql.DataSource;

/**
 * Installs the outbox tables ({@code civickit_outbox}, {@code civickit_outbox_rate}) from
 * {@code META-INF/civickit/sql/<h2|postgresql>/outbox.sql}. Safe to run more than once. A
 * council with its own migrations copies that file into them instead.
 */
public final class OutboxSchema {
  private OutboxSchema() {}

  /** The schema's name ({@link Schema.Part#OUTBOX}'s file name). */
  public static final String NAME = "outbox";

  /**
   * Creates the tables if they do not exist.
   *
   * @throws io.civickit.core.CivicKitException if the database is neither H2 nor PostgreSQL, or a statement fails
   */
  public static void install(DataSource dataSource) {
    Schema.install(dataSource, Schema.Part.OUTBOX);
  }
}
