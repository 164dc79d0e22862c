package io.civickit.pay.step;

import io.civickit.core.CivicKitException;
import io.civickit.core.JourneyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds payments that finished without the person coming back (they closed the browser on
 * GOV.UK Pay's page, lost their connection, or never pressed "Continue") and moves their journeys
 * on, exactly as {@link Payments#onReturn} would have. Run {@link #runOnce()} every minute or so
 * from the host app's scheduler.
 *
 * <p>Safe on any number of instances at once: each run claims the attempts it looks at in the
 * {@link PaymentLedger} for a lease (a second instance skips them until it ends), and every state
 * change goes through the journey store's optimistic concurrency, so two instances looking at the
 * same payment record it once. Attempts that GOV.UK Pay still shows in progress are looked at again
 * on later runs, until the payment succeeds or GOV.UK Pay expires it (after 90 minutes).
 */
public final class PaymentReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);

  private final Payments payments;
  private final Clock clock;
  private final Duration minimumAge;
  private final Duration lease;
  private final int batchSize;

  private PaymentReconciler(Builder b) {
    this.payments = b.payments;
    this.clock = b.clock;
    this.minimumAge = b.minimumAge;
    this.lease = b.lease;
    this.batchSize = b.batchSize;
  }

  /**
   * Starts configuring a reconciler.
   *
   * @param payments the payment step's engine (its ledger is the one searched)
   * @return a builder
   */
  public static Builder builder(Payments payments) {
    return new Builder(payments);
  }

  /**
   * What one run did.
   *
   * @param looked how many attempts were claimed and looked at
   * @param settled of those, how many are now paid or failed
   * @param failed of those, how many could not be looked at (GOV.UK Pay unreachable)
   */
  public record Run(int looked, int settled, int failed) {}

  /**
   * Looks at one batch of unfinished attempts older than the minimum age.
   *
   * @return how many were looked at, how many are now settled (paid or failed), and how many
   *     could not be looked at (GOV.UK Pay unreachable; they are tried again after the lease)
   */
  public Run runOnce() {
    Instant now = clock.instant();
    List<JourneyId> due = payments.ledger().claimUnfinished(now.minus(minimumAge), now, lease, batchSize);
    int settled = 0;
    int failed = 0;
    for (JourneyId id : due) {
      try {
        PaymentOutcome o = payments.refresh(id);
        if (!(o instanceof PaymentOutcome.StillInProgress) && !(o instanceof PaymentOutcome.NotStarted)) {
          settled++;
        }
      } catch (io.civickit.core.JourneyNotFoundException gone) {
        // purged: nothing left to move on
        payments.ledger().forget(id);
      } catch (CivicKitException e) {
        failed++;
        LOG.warn("could not reconcile the payment of journey {}: {}", id, e.getMessage());
      }
    }
    return new Run(due.size(), settled, failed);
  }

  @Override
  public String toString() {
    return "PaymentReconciler[minimumAge=" + minimumAge + ", lease=" + lease + ", batch=" + batchSize + "]";
  }

  /** Configures a {@link PaymentReconciler}. */
  public static final class Builder {
    private final Payments payments;
    private Clock clock = Clock.systemUTC();
    private Duration minimumAge = Duration.ofMinutes(5);
    private Duration lease = Duration.ofMinutes(2);
    private int batchSize = 100;

    private Builder(Payments payments) {
      this.payments = Objects.requireNonNull(payments, "payments");
    }

    /**
     * The clock (default UTC system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long an attempt is left alone after it last changed, so the person's own return wins
     * (default 5 minutes).
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder minimumAge(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("minimumAge must not be negative, but was " + value);
      }
      this.minimumAge = value;
      return this;
    }

    /**
     * How long a claimed attempt is left to this instance (default 2 minutes).
     *
     * @param value positive
     * @return this builder
     */
    public Builder lease(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("lease must be positive, but was " + value);
      }
      this.lease = value;
      return this;
    }

    /**
     * The most attempts looked at in one run (default 100).
     *
     * @param value 1 to 10,000
     * @return this builder
     */
    public Builder batchSize(int value) {
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1 to 10000, but was " + value);
      }
      this.batchSize = value;
      return this;
    }

    /**
     * Builds the reconciler.
     *
     * @return the reconciler
     */
    public PaymentReconciler build() {
      return new PaymentReconciler(this);
    }
  }
}
