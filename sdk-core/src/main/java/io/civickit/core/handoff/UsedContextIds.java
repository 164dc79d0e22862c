package io.civickit.core.handoff;

import io.civickit.core.handoff.internal.InMemoryUsedContextIds;
import io.civickit.core.handoff.internal.JdbcUsedContextIds;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The one-time ids of the signed context packages already accepted, so that
 * {@link HandoffContextSigner#verify} takes each package once. An id is kept until its package
 * expires; after that the expiry alone refuses the package, and the id may be purged.
 */
public interface UsedContextIds {

  /**
   * Records an id as used, if it was not already.
   *
   * @param id the package's one-time id
   * @param expiresAt when the package expires (the id may be forgotten after)
   * @return true the first time an id is recorded; false if it was recorded before
   */
  boolean markUsed(String id, Instant expiresAt);

  /** Forgets the ids whose packages expired before {@code now}; returns how many. */
  int purgeExpired(Instant now);

  /** Ids kept in this JVM only: enough when a single instance verifies packages. */
  static UsedContextIds inMemory() {
    return new InMemoryUsedContextIds();
  }

  /**
   * Ids kept in the {@code civickit_handoff_context_ids} table (H2 or PostgreSQL), shared by every
   * instance that verifies packages. The table comes with the handoff schema:
   * {@code Schema.install(dataSource, Schema.Part.CORE, Schema.Part.HANDOFF)}.
   */
  static UsedContextIds jdbc(DataSource dataSource) {
    return new JdbcUsedContextIds(dataSource);
  }
}
