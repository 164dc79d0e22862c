package io.civickit.pay;

import java.util.Objects;
import java.util.Optional;

/**
 * A payment's {@code state} as GOV.UK Pay reports it.
 *
 * @param status where the payment is in its lifecycle
 * @param finished GOV.UK Pay's {@code finished} flag
 * @param code the API code explaining a failure ({@code P0010}...), when the payment failed
 * @param message GOV.UK Pay's description of a failure, for logs; never shown to the person as is
 */
public record PaymentState(PaymentStatus status, boolean finished, Optional<String> code, Optional<String> message) {

  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public PaymentState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Why the payment failed, when {@link #code()} is one of the documented codes. */
  public Optional<PaymentFailureReason> failureReason() {
    return code.flatMap(PaymentFailureReason::fromCode);
  }
}
