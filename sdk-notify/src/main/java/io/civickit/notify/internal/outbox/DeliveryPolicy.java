package io.civickit.notify.internal.outbox;

import io.civickit.notify.channel.SendResult;
import io.civickit.notify.outbox.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the outbox does after an attempt at a message: record it as sent, try again later, fall
 * back to the next recipient, dead-letter it, or hand it back without using up an attempt. Plain
 * code returning a {@link Decision}; {@link JdbcOutbox} only records the decision (its SQL, its
 * status change, its log line), so every rule here can be tested without a database.
 *
 * <p>The rules: an accepted message is sent. A permanent failure, or a retryable or unknown one
 * at the last allowed attempt, ends this recipient: the message falls back to the next
 * recipient (attempts start again) if there is one, and is dead-lettered if not. Otherwise it is
 * tried again after the back-off for its attempt, or after the provider's {@code Retry-After}
 * if that is longer. An unknown outcome (the provider may have the message) is remembered, so
 * that the next attempt looks it up before sending again. A failed look-up is retried whatever
 * the attempt's number: it never ends a recipient, as nothing was sent on that attempt.
 */
final class DeliveryPolicy {

  /** What became of one attempt at a message, for the outbox to record. */
  sealed interface Decision {}

  /** The channel accepted the message. */
  record Sent(String channel, String providerId) implements Decision {}

  /**
   * Try the same recipient again at {@code atMs}.
   *
   * @param outcomeUnknown true if the provider may already have the message (look it up first)
   * @param waitMs how long from now that is
   */
  record RetryLater(long atMs, long waitMs, boolean outcomeUnknown, String channel, String reason) implements Decision {}

  /** This recipient has failed for good: try the next one, from its first attempt, now. */
  record FallBack(int nextRecipient, long atMs, Optional<String> channel, String reason) implements Decision {}

  /** Every recipient has failed for good: the message is dead-lettered ({@code FAILED}). */
  record DeadLetter(Optional<String> channel, String reason) implements Decision {}

  /** Not attempted (rate limited, lease running out, workers stopping): queued again for {@code atMs}, the attempt not counted. */
  record HandBack(long atMs, String why) implements Decision {}

  /**
   * The facts about a claimed message that the rules look at.
   *
   * @param attempts this attempt's number for the current recipient, from 1
   * @param recipient the index of the current recipient
   * @param recipients how many recipients the message has (the first and its fallbacks)
   */
  record Attempt(int attempts, int recipient, int recipients) {}

  private final int maxAttempts;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final Clock clock;

  DeliveryPolicy(int maxAttempts, Backoff backoff, RandomGenerator random, Clock clock) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.random = random;
    this.clock = clock;
  }

  /** The decision for a channel's result. */
  Decision afterSend(Attempt a, String channel, SendResult result) {
    if (result instanceof SendResult.Accepted accepted) {
      return new Sent(channel, accepted.providerId());
    }
    if (result instanceof SendResult.PermanentFailure p) {
      return failed(a, Optional.of(channel), p.reason());
    }
    if (result instanceof SendResult.RetryableFailure r) {
      return retryOrFail(a, channel, r.reason(), r.retryAfter(), false);
    }
    return retryOrFail(a, channel, ((SendResult.UnknownOutcome) result).reason(), Optional.empty(), true);
  }

  /**
   * The decision when looking up an earlier attempt of unknown outcome failed: retry, still
   * unknown, even at the last attempt.
   */
  Decision afterFailedLookup(Attempt a, String channel, String reason) {
    return retryLater(a, channel, reason, Optional.empty(), true);
  }

  /**
   * The decision when this recipient cannot be sent to at all (no channel, the template does not
   * render, the message is not valid for the channel) or has failed for good: fall back or
   * dead-letter.
   */
  Decision failed(Attempt a, Optional<String> channel, String reason) {
    if (a.recipient() + 1 < a.recipients()) {
      return new FallBack(a.recipient() + 1, clock.millis(), channel, reason);
    }
    return new DeadLetter(channel, reason);
  }

  /** Hands a message back unattempted, until {@code atMs}. */
  HandBack handBack(long atMs, String why) {
    return new HandBack(atMs, why);
  }

  private Decision retryOrFail(Attempt a, String channel, String reason, Optional<Duration> retryAfter,
      boolean unknown) {
    if (a.attempts() >= maxAttempts) {
      return failed(a, Optional.of(channel), "gave up after " + a.attempts() + " attempts: " + reason);
    }
    return retryLater(a, channel, reason, retryAfter, unknown);
  }

  private RetryLater retryLater(Attempt a, String channel, String reason, Optional<Duration> retryAfter,
      boolean unknown) {
    Duration wait;
    synchronized (random) {
      wait = backoff.delay(a.attempts(), random);
    }
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      wait = retryAfter.get();
    }
    long waitMs = wait.toMillis();
    return new RetryLater(clock.millis() + waitMs, waitMs, unknown, channel, reason);
  }
}
