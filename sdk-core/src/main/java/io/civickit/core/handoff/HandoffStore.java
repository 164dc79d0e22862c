package io.civickit.core.handoff;

import io.civickit.core.JourneyId;
import io.civickit.core.handoff.internal.InMemoryHandoffStore;
import io.civickit.core.handoff.internal.JdbcHandoffStore;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where handoffs are kept. Saves are optimistic, like journeys: two advisers picking up the same
 * handoff at once cannot both win.
 */
public interface HandoffStore {

  /**
   * Inserts a handoff when its version is 0, otherwise replaces it only if the stored version
   * equals {@code handoff.version()}.
   *
   * @return the handoff as saved, its version increased by one
   * @throws HandoffConflictException if the stored version differs (nothing is written)
   */
  Handoff save(Handoff handoff);

  /** The handoff with this id. */
  Optional<Handoff> find(HandoffId id);

  /** Every handoff of a journey, oldest first. */
  List<Handoff> findByJourney(JourneyId journeyId);

  /** Up to {@code limit} handoffs in a status, oldest first: an adviser's queue. */
  List<Handoff> findByStatus(HandoffStatus status, int limit);

  /**
   * Deletes handoffs that are closed (resolved or handed back) and have not changed since
   * {@code cutoff}: the retention a service sets for them.
   *
   * @param cutoff the oldest last change to keep
   * @return how many were deleted
   * @throws UnsupportedOperationException if this store cannot purge (the default)
   */
  default int purgeClosedBefore(java.time.Instant cutoff) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot purge closed handoffs");
  }

  /** A store in this JVM's memory, for tests and a single app instance. */
  static HandoffStore inMemory() {
    return new InMemoryHandoffStore();
  }

  /**
   * A store in the {@code civickit_handoffs} table on H2 or PostgreSQL. Apply the schema first
   * with {@code Schema.install(dataSource, Schema.Part.CORE, Schema.Part.HANDOFF)}.
   */
  static HandoffStore jdbc(DataSource dataSource) {
    return new JdbcHandoffStore(dataSource);
  }
}
