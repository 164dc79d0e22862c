package io.civickit.pay;

import java.util.Locale;
import java.util.Optional;

/** Where a payment is in GOV.UK Pay's payment status lifecycle ({@code state.status}). */
public enum PaymentStatus {
  /** Created; the person has not visited the payment page yet. */
  CREATED,
  /** The person is on the payment pages. */
  STARTED,
  /** Card details were submitted; the payment is being authorised. */
  SUBMITTED,
  /** Authorised and waiting for the service to capture it (delayed capture only). */
  CAPTURABLE,
  /** Paid: the money will be taken (or has been). */
  SUCCESS,
  /** Failed: declined, expired or cancelled by the person; {@code state.code} says which. */
  FAILED,
  /** Cancelled by the service through the API. */
  CANCELLED,
  /** Something went wrong on GOV.UK Pay's side or its provider's. */
  ERROR;

  /** The status as the API writes it: {@code created}, {@code success}... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True once the payment can change no more by the person's actions (success, failed, cancelled, error). */
  public boolean isFinished() {
    return this == SUCCESS || this == FAILED || this == CANCELLED || this == ERROR;
  }

  /** True while the person may still be paying (created, started or submitted). */
  public boolean isInProgress() {
    return this == CREATED || this == STARTED || this == SUBMITTED;
  }

  /** The status for an API name; empty for one this client does not know. */
  public static Optional<PaymentStatus> fromApi(String name) {
    for (PaymentStatus s : values()) {
      if (s.apiName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
