package io.civickit.notify.outbox;

import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.KeyRotation;
import io.civickit.notify.internal.outbox.OutboxReencryption;
import javax.sql.DataSource;

/**
 * Re-encrypts the outbox's encrypted columns (recipients and personalisation, sealed when the
 * outbox has a key ring) under the ring's active key, as {@link KeyRotation} does for saved
 * journeys: in batches, each row rewritten only if unchanged since it was read and only if it is
 * not already under the active key, so a pass is idempotent and can be run again after a crash.
 * Values stored in clear (an outbox without a key ring) are left as they are.
 * {@code civickit keys rotate} runs it.
 */
public final class OutboxKeyRotation {
  private OutboxKeyRotation() {}

  /**
   * One pass over {@code civickit_outbox}.
   *
   * @param batchSize rows read at a time (1 to 10000)
   * @return what the pass did; {@code present} is false when the database has no outbox table
   */
  public static KeyRotation.Report rotate(DataSource dataSource, KeyRing keys, int batchSize) {
    return OutboxReencryption.run(dataSource, keys, batchSize);
  }
}
