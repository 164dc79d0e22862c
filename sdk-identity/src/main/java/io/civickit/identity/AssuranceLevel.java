package io.civickit.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * How sure a service is of who someone is: the levels of confidence of GPG 45 ("How to prove
 * and verify someone's identity"), with their GOV.UK One Login vector-of-trust values.
 *
 * <table>
 *   <caption>Levels and their names elsewhere</caption>
 *   <tr><th>level</th><th>GPG 45</th><th>One Login identity vector</th><th>journey value</th></tr>
 *   <tr><td>{@link #NONE}</td><td>no confidence</td><td>{@code P0}</td><td>{@code none}</td></tr>
 *   <tr><td>{@link #LOW}</td><td>low confidence</td><td>{@code P1}</td><td>{@code low}</td></tr>
 *   <tr><td>{@link #MEDIUM}</td><td>medium confidence</td><td>{@code P2}</td><td>{@code medium}</td></tr>
 *   <tr><td>{@link #HIGH}</td><td>high confidence</td><td>{@code P3}</td><td>{@code high}</td></tr>
 * </table>
 *
 * <p>What each CivicKit check reaches is documented on the check: a passcode proves control of
 * an email address or phone, not identity, so it reaches {@link #NONE} on this scale on its own
 * (see {@code docs/identity.md}); a council record match reaches what the council decides
 * ({@link #LOW} by default); a verified One Login core identity reaches {@link #MEDIUM}.
 */
public enum AssuranceLevel {
  /** Nothing is known of who the person is. */
  NONE("P0"),
  /** GPG 45 low confidence. */
  LOW("P1"),
  /** GPG 45 medium confidence: what One Login's {@code P2} identity check gives. */
  MEDIUM("P2"),
  /** GPG 45 high confidence (One Login does not offer it today). */
  HIGH("P3");

  private final String vector;

  AssuranceLevel(String vector) {
    this.vector = vector;
  }

  /** The One Login (RFC 8485) identity vector value: {@code P0} to {@code P3}. */
  public String vectorOfTrust() {
    return vector;
  }

  /** The value recorded in a journey's {@code assuranceLevel}: {@code none}, {@code low}, {@code medium} or {@code high}. */
  public String journeyValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this level is the same as or above {@code other}. */
  public boolean isAtLeast(AssuranceLevel other) {
    return compareTo(other) >= 0;
  }

  /** The level with this journey value ({@code medium}) or vector value ({@code P2}), in any case. */
  public static Optional<AssuranceLevel> parse(String value) {
    for (AssuranceLevel level : values()) {
      if (level.journeyValue().equalsIgnoreCase(value) || level.vector.equalsIgnoreCase(value)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
