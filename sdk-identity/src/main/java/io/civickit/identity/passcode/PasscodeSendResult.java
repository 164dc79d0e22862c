package io.civickit.identity.passcode;

import io.civickit.notify.NotificationId;
import java.time.Instant;
import java.util.Objects;

/** What happened when a passcode was asked for. */
public sealed interface PasscodeSendResult {

  /**
   * A new code was sent; any earlier code for the same contact stops working.
   *
   * @param notification the id the notifier gave the message
   * @param expiresAt when the code stops working
   */
  record Sent(NotificationId notification, Instant expiresAt) implements PasscodeSendResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public Sent {
      Objects.requireNonNull(notification, "notification");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * Too soon after the last code, or too many codes in the window: nothing was sent, and the
   * code already sent (if any) still works.
   *
   * @param retryAfter when a new code can be asked for
   */
  record Throttled(Instant retryAfter) implements PasscodeSendResult {
    /**
     * Checks that the time is present.
     *
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public Throttled {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /**
   * The contact is locked out after too many wrong codes: nothing was sent.
   *
   * @param until when codes can be sent again
   */
  record LockedOut(Instant until) implements PasscodeSendResult {
    /**
     * Checks that the time is present.
     *
     * @throws NullPointerException if {@code until} is null
     */
    public LockedOut {
      Objects.requireNonNull(until, "until");
    }
  }
}
