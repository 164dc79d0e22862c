package io.civickit.pay;

import java.util.Locale;
import java.util.Optional;

/** Where a refund is: GOV.UK Pay's refund {@code status}. */
public enum RefundStatus {
  /** Sent to the payment provider. */
  SUBMITTED,
  /** Refunded. */
  SUCCESS,
  /** The refund failed; the money was not returned. */
  ERROR;

  /** The status as the API writes it. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for an API name; empty for one this client does not know. */
  public static Optional<RefundStatus> fromApi(String name) {
    for (RefundStatus s : values()) {
      if (s.apiName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
