package io.civickit.notify.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt came to. Expected failures are values, not exceptions: a channel
 * throws only for a bug.
 */
public sealed interface SendResult {

  /**
   * The provider took the message.
   *
   * @param providerId the provider's id for it (GOV.UK Notify's notification id, a file name, a Message-ID)
   */
  record Accepted(String providerId) implements SendResult {
    /**
     * Checks the provider's id.
     *
     * @throws NullPointerException if {@code providerId} is null
     * @throws IllegalArgumentException if {@code providerId} is blank
     */
    public Accepted {
      Objects.requireNonNull(providerId, "providerId");
      if (providerId.isBlank()) {
        throw new IllegalArgumentException("a provider id must not be blank");
      }
    }
  }

  /**
   * The provider did not take the message, and trying again later may work (rate limited,
   * temporarily down).
   *
   * @param reason a description with no personal data in it
   * @param retryAfter how long the provider asked us to wait, if it said
   */
  record RetryableFailure(String reason, Optional<Duration> retryAfter) implements SendResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public RetryableFailure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A retryable failure with no advice on when to retry. */
    public RetryableFailure(String reason) {
      this(reason, Optional.empty());
    }
  }

  /**
   * The message can never be sent as it is (a bad address, a bad template, a revoked key):
   * retrying is pointless.
   *
   * @param reason a description with no personal data in it
   */
  record PermanentFailure(String reason) implements SendResult {
    /**
     * Checks that the reason is present.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public PermanentFailure {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * We cannot tell whether the provider took the message (a timeout, a dropped connection, a
   * server error after the request was read). Before sending again, check with
   * {@link NotificationChannel#lookup(String)} where the channel can.
   *
   * @param reason a description with no personal data in it
   */
  record UnknownOutcome(String reason) implements SendResult {
    /**
     * Checks that the reason is present.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public UnknownOutcome {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
