package io.civickit.core.progress;

import io.civickit.core.JourneyId;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.internal.CallbackAad;
import io.civickit.core.progress.internal.JdbcProgressStore;
import io.civickit.core.progress.internal.Reencryption;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Re-encrypts what sdk-core keeps encrypted in the database under the key ring's active key:
 * saved journeys ({@code civickit_journeys}) and call-back requests
 * ({@code civickit_callback_requests}). Run it after adding a new active key, and retire the old
 * key once every pass reports nothing unreadable. {@code civickit keys rotate} runs it (and the
 * outbox's pass) from the command line.
 *
 * <pre>{@code
 * KeyRing ring = KeyRing.parse(System.getenv("CIVICKIT_KEYS"));   // new key first
 * KeyRotation.Report r = KeyRotation.journeys(dataSource, ring, 500);
 * }</pre>
 *
 * <p>Rows are read in batches in primary-key order and each one is rewritten on its own, only if
 * it is unchanged since it was read (an app instance saving it meanwhile has already encrypted it
 * under the active key), and only if it needs it: a row already under the active key (and, for a
 * journey, already bound to its version) is left alone. A pass is therefore idempotent, safe to
 * run while the service is up, and safe to run again after a crash: it picks up what is left.
 * Saved journeys written before payloads were bound to their version are bound by this pass.
 */
public final class KeyRotation {
  private KeyRotation() {}

  /**
   * What one pass over one table did.
   *
   * @param table the table
   * @param present false if the table does not exist in this database (nothing was done)
   * @param examined rows read
   * @param rewritten rows re-encrypted
   * @param unreadable rows that no key in the ring decrypts (their key was removed too early, or the row was altered)
   */
  public record Report(String table, boolean present, long examined, long rewritten, long unreadable) {
    /** Checks the components. */
    public Report {
      Objects.requireNonNull(table, "table");
    }
  }

  /** Re-encrypts every saved journey under the active key, bound to its id and version. */
  public static Report journeys(DataSource dataSource, KeyRing keys, int batchSize) {
    return Reencryption.run(dataSource, batchSize, "civickit_journeys", "journey_id", "version", "payload",
        (id, version, sealed) -> {
          JourneyId journey = new JourneyId(id);
          JdbcProgressStore.Decrypted d = JdbcProgressStore.decrypt(keys, journey, version, sealed, true);
          if (d.bound() && keys.keyIdOf(sealed).orElse("").equals(keys.activeKeyId())) {
            return Optional.empty();
          }
          return Optional.of(keys.encrypt(d.plain(), JdbcProgressStore.aad(journey, version)));
        });
  }

  /** Re-encrypts every call-back request's context package under the active key. */
  public static Report callbackRequests(DataSource dataSource, KeyRing keys, int batchSize) {
    return Reencryption.run(dataSource, batchSize, "civickit_callback_requests", "handoff_id", null, "context",
        (id, version, sealed) -> {
          if (keys.keyIdOf(sealed).orElse("").equals(keys.activeKeyId())) {
            return Optional.empty();
          }
          byte[] aad = CallbackAad.of(new HandoffId(id));
          return Optional.of(keys.encrypt(keys.decrypt(sealed, aad), aad));
        });
  }
}
