package io.civickit.submit.internal;

import io.civickit.notify.channel.SendResult;
import io.civickit.notify.outbox.Backoff;
import io.civickit.submit.DeliveryStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What an attempt's result means for the delivery: plain code, apart from the SQL that records it.
 *
 * @param status the new status
 * @param attempts attempts made, this one included
 * @param nextAttemptMs when it is next due (for {@link DeliveryStatus#QUEUED})
 * @param outcomeUnknown whether the counterpart may hold it already (look before sending again)
 * @param receipt the counterpart's id for it, once delivered
 * @param error why it failed, if it did
 */
record Decision(DeliveryStatus status, int attempts, long nextAttemptMs, boolean outcomeUnknown,
    Optional<String> receipt, Optional<String> error) {

  static Decision after(SendResult result, int attemptsBefore, int maxAttempts, Backoff backoff,
      RandomGenerator random, long nowMs) {
    int attempts = attemptsBefore + 1;
    if (result instanceof SendResult.Accepted a) {
      return new Decision(DeliveryStatus.DELIVERED, attempts, nowMs, false, Optional.of(a.providerId()),
          Optional.empty());
    }
    if (result instanceof SendResult.PermanentFailure p) {
      return new Decision(DeliveryStatus.FAILED, attempts, nowMs, false, Optional.empty(), Optional.of(p.reason()));
    }
    boolean unknown = result instanceof SendResult.UnknownOutcome;
    String reason = unknown ? ((SendResult.UnknownOutcome) result).reason()
        : ((SendResult.RetryableFailure) result).reason();
    if (attempts >= maxAttempts) {
      return new Decision(DeliveryStatus.FAILED, attempts, nowMs, unknown, Optional.empty(),
          Optional.of(reason + " (after " + attempts + " attempts)"));
    }
    Duration wait = backoff.delay(attempts, random);
    if (result instanceof SendResult.RetryableFailure r && r.retryAfter().isPresent()
        && r.retryAfter().get().compareTo(wait) > 0) {
      wait = r.retryAfter().get();
    }
    return new Decision(DeliveryStatus.QUEUED, attempts, nowMs + wait.toMillis(), unknown, Optional.empty(),
        Optional.of(reason));
  }
}
