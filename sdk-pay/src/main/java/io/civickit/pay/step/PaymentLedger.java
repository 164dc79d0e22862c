package io.civickit.pay.step;

import io.civickit.core.JourneyId;
import io.civickit.pay.internal.InMemoryLedger;
import io.civickit.pay.internal.JdbcLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An index of payment attempts, beside the journeys: which journey a GOV.UK Pay payment belongs to
 * (for webhooks) and which attempts have not finished (for the {@link PaymentReconciler}). The
 * journey itself stays the record of truth; the ledger is written after it and can be rebuilt.
 *
 * <p>{@link #jdbc(DataSource)} keeps it in the {@code civickit_payments} table (H2 or PostgreSQL:
 * apply {@code Schema.install(dataSource, Schema.Part.PAY)} or the SQL under
 * {@code META-INF/civickit/sql/<dialect>/pay.sql}), shared by every app instance.
 */
public interface PaymentLedger {

  /**
   * One payment attempt.
   *
   * @param idempotencyKey the attempt's idempotency key, unique
   * @param journeyId the journey
   * @param attempt the attempt number, unique per journey
   * @param paymentId GOV.UK Pay's id, once known
   * @param status {@code creating} or GOV.UK Pay's last status
   * @param updatedAt when the entry last changed
   */
  record Entry(String idempotencyKey, JourneyId journeyId, int attempt, Optional<String> paymentId, String status,
      Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if any component is null
     */
    public Entry {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(journeyId, "journeyId");
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True while the attempt may still change by the person's actions. */
    public boolean isUnfinished() {
      return UNFINISHED.contains(status);
    }
  }

  /** The statuses of attempts the reconciler looks at. */
  List<String> UNFINISHED = List.of("creating", "created", "started", "submitted");

  /**
   * Adds an attempt, or updates the one with the same idempotency key.
   *
   * @param entry the attempt
   */
  void record(Entry entry);

  /**
   * The journey a GOV.UK Pay payment belongs to.
   *
   * @param paymentId GOV.UK Pay's id
   * @return the journey, if the payment is known
   */
  Optional<JourneyId> journeyOf(String paymentId);

  /**
   * Claims up to {@code limit} unfinished attempts last changed before {@code cutoff} and not
   * claimed by anyone else until after {@code now}, for {@code lease}: a second instance running
   * the same query skips them until the lease ends.
   *
   * @param cutoff only attempts last changed before this
   * @param now the current time
   * @param lease how long the claim holds
   * @param limit the most to claim
   * @return the journeys of the claimed attempts, oldest first
   */
  List<JourneyId> claimUnfinished(Instant cutoff, Instant now, Duration lease, int limit);

  /**
   * Drops every attempt of a journey: when the journey has been purged, or to honour retention.
   *
   * @param journeyId the journey
   */
  void forget(JourneyId journeyId);

  /** A ledger in this JVM's memory, for one app instance and tests. */
  static PaymentLedger inMemory() {
    return new InMemoryLedger();
  }

  /**
   * A ledger in the {@code civickit_payments} table, shared by every app instance.
   *
   * @param dataSource H2 or PostgreSQL, with the {@code pay} schema applied
   * @return the ledger
   */
  static PaymentLedger jdbc(DataSource dataSource) {
    return new JdbcLedger(dataSource);
  }
}
