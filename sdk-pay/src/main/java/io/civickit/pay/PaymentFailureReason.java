package io.civickit.pay;

import java.util.Optional;

/** Why a payment did not succeed, from GOV.UK Pay's {@code state.code}. */
public enum PaymentFailureReason {
  /** {@code P0010}: the card was declined (or failed 3D Secure). */
  DECLINED("P0010"),
  /** {@code P0020}: the person took too long (the payment page expires after 90 minutes). */
  EXPIRED("P0020"),
  /** {@code P0030}: the person cancelled on the payment page. */
  CANCELLED_BY_USER("P0030"),
  /** {@code P0040}: the service cancelled the payment through the API. */
  CANCELLED_BY_SERVICE("P0040"),
  /** {@code P0050}: an error at GOV.UK Pay or its payment provider. */
  ERROR("P0050");

  private final String code;

  PaymentFailureReason(String code) {
    this.code = code;
  }

  /** The API's code, such as {@code P0010}. */
  public String code() {
    return code;
  }

  /** The reason for an API code; empty for a code this client does not know. */
  public static Optional<PaymentFailureReason> fromCode(String code) {
    for (PaymentFailureReason r : values()) {
      if (r.code.equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
