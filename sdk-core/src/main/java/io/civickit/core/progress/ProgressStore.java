package io.civickit.core.progress;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.progress.internal.InMemoryProgressStore;
import io.civickit.core.progress.internal.JdbcProgressStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where journeys are saved. Every implementation (ours and a supplier's) must pass
 * {@code io.civickit.test.ProgressStoreContract} from {@code sdk-test}.
 *
 * <p>Saves are optimistic: {@link #save(Journey)} succeeds only if the stored version is still
 * the one the journey was read at, so two app instances never silently overwrite each other.
 */
public interface ProgressStore {

  /**
   * Saves a journey: inserts it when its version is 0, otherwise replaces the stored journey
   * only if the stored version equals {@code journey.version()}.
   *
   * @return the journey as saved, with its version increased by one
   * @throws ProgressConflictException if the stored version differs (nothing is written)
   * @throws DuplicateJourneyException if a new journey's id or reference is taken
   */
  Journey save(Journey journey);

  /** The journey with this id. */
  Optional<Journey> find(JourneyId id);

  /** The journey with this reference number. */
  Optional<Journey> findByReference(Reference reference);

  /** Up to {@code limit} journeys last saved before {@code cutoff}, oldest first: candidates for purging. */
  List<JourneyId> findNotUpdatedSince(Instant cutoff, int limit);

  /** Deletes a journey; true if it existed. */
  boolean delete(JourneyId id);

  /**
   * A store in this JVM's memory, for one app instance: journeys are forgotten on restart and
   * expire {@code retention} after their last save. Set it longer than the engine's retention
   * ({@code Journeys.Builder.retention}), so that {@code Journeys.purgeExpired()} sees each
   * abandoned journey first and publishes its expired event; this expiry is the safety net.
   */
  static ProgressStore inMemory(Duration retention, Clock clock) {
    return new InMemoryProgressStore(retention, clock);
  }

  /** An in-memory store keeping journeys 35 days after their last save (the engine purges at 28). */
  static ProgressStore inMemory() {
    return inMemory(Duration.ofDays(35), Clock.systemUTC());
  }

  /**
   * A store in the {@code civickit_journeys} table: H2 (the embedded default) or PostgreSQL
   * (shared by many app instances). Answers are encrypted with the key ring's active key.
   * Apply the schema first with {@link Schema#install(DataSource)} or the host app's migrations.
   */
  static ProgressStore jdbc(DataSource dataSource, KeyRing keys) {
    return new JdbcProgressStore(dataSource, keys, UnboundRows.READ);
  }

  /**
   * As {@link #jdbc(DataSource, KeyRing)}, saying what to do with rows written before saved
   * answers were bound to their version (CivicKit 0.1 before this change).
   *
   * <p>Every save encrypts the journey with its id <em>and version</em> as associated data, so
   * an older save put back into the row by someone who can write to the database does not
   * decrypt. Rows written by the earlier format (bound to the id only) are read with
   * {@link UnboundRows#READ}, and bound on their next save; {@code civickit keys rotate} binds
   * them all at once. After that pass, {@link UnboundRows#REFUSE} closes the door: an unbound row
   * then fails with {@link ProgressDecryptionException}.
   */
  static ProgressStore jdbc(DataSource dataSource, KeyRing keys, UnboundRows unboundRows) {
    return new JdbcProgressStore(dataSource, keys, unboundRows);
  }

  /** What a JDBC store does with a row whose ciphertext is bound to the journey id only. */
  enum UnboundRows {
    /** Read it (the default while older rows may remain); it is bound on its next save. */
    READ,
    /** Refuse it: every row has been bound ({@code civickit keys rotate}) and none may go back. */
    REFUSE
  }
}
