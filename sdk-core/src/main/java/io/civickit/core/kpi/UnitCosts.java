package io.civickit.core.kpi;

import io.civickit.core.Channel;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one completed transaction costs on each channel, for cost per transaction. These are a
 * council's own figures: configure them from its finance data.
 *
 * <p>{@link #socitmIndicative()} gives the figures most often quoted for UK councils, from
 * Socitm's 2012 channel-cost research (face to face £8.62, telephone £2.83, online £0.15 per
 * contact). They are old, per contact rather than per transaction, and an average across
 * councils: use them only until the council has its own.
 *
 * @param perTransaction cost of one completed transaction, by channel; a channel without a
 *     cost makes cost per transaction unknown for any group with completions on it
 * @param currency the ISO 4217 code, for display
 * @param source where the figures come from, shown in reports
 * @param perFailedPayment what one failed payment attempt costs (a provider's fee for a declined
 *     card, the time spent on it), added to the cost of the transactions; empty to leave payment
 *     failures out of cost per transaction
 */
public record UnitCosts(Map<Channel, BigDecimal> perTransaction, String currency, String source,
    Optional<BigDecimal> perFailedPayment) {

  /**
   * Costs without a cost per failed payment.
   *
   * @param perTransaction cost of one completed transaction, by channel
   * @param currency the ISO 4217 code
   * @param source where the figures come from
   */
  public UnitCosts(Map<Channel, BigDecimal> perTransaction, String currency, String source) {
    this(perTransaction, currency, source, Optional.empty());
  }

  /** Copies the map and checks no cost is negative. */
  public UnitCosts {
    Map<Channel, BigDecimal> m = new EnumMap<>(Channel.class);
    perTransaction.forEach((k, v) -> {
      Objects.requireNonNull(k, "channel");
      Objects.requireNonNull(v, "cost");
      if (v.signum() < 0) {
        throw new IllegalArgumentException("the cost for " + k + " must not be negative, but was " + v);
      }
      m.put(k, v);
    });
    perTransaction = Collections.unmodifiableMap(m);
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(perFailedPayment, "perFailedPayment");
    perFailedPayment.ifPresent(v -> {
      if (v.signum() < 0) {
        throw new IllegalArgumentException("the cost of a failed payment must not be negative, but was " + v);
      }
    });
  }

  /**
   * These costs with a cost per failed payment attempt ({@code payment_failed} events), which
   * cost per transaction then includes: (the completions' channel costs + failed payments × this)
   * ÷ completions.
   *
   * @param cost what one failed attempt costs, not negative
   * @return the new costs
   */
  public UnitCosts withFailedPaymentCost(BigDecimal cost) {
    return new UnitCosts(perTransaction, currency, source, Optional.of(cost));
  }

  /** The cost on a channel, if configured. */
  public Optional<BigDecimal> costOf(Channel channel) {
    return Optional.ofNullable(perTransaction.get(channel));
  }

  /** No costs: cost per transaction is left out of reports. */
  public static UnitCosts none() {
    return new UnitCosts(Map.of(), "GBP", "none configured");
  }

  /**
   * Indicative defaults from Socitm's 2012 research into council channel costs (face to face
   * £8.62, telephone £2.83, online £0.15). Assisted digital is costed as telephone (an adviser's
   * time), an assumption; post and other channels have no public figure and are left unset.
   */
  public static UnitCosts socitmIndicative() {
    Map<Channel, BigDecimal> m = new EnumMap<>(Channel.class);
    m.put(Channel.ONLINE, new BigDecimal("0.15"));
    m.put(Channel.ASSISTED_DIGITAL, new BigDecimal("2.83"));
    m.put(Channel.TELEPHONE, new BigDecimal("2.83"));
    m.put(Channel.FACE_TO_FACE, new BigDecimal("8.62"));
    return new UnitCosts(m, "GBP", "Socitm 2012 indicative channel costs per contact (not the council's own figures);"
        + " assisted digital assumed equal to telephone");
  }
}
