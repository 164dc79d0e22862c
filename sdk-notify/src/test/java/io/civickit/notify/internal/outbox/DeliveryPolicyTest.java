package io.civickit.notify.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.outbox.DeliveryPolicy.Attempt;
import io.civickit.notify.internal.outbox.DeliveryPolicy.DeadLetter;
import io.civickit.notify.internal.outbox.DeliveryPolicy.Decision;
import io.civickit.notify.internal.outbox.DeliveryPolicy.FallBack;
import io.civickit.notify.internal.outbox.DeliveryPolicy.HandBack;
import io.civickit.notify.internal.outbox.DeliveryPolicy.RetryLater;
import io.civickit.notify.internal.outbox.DeliveryPolicy.Sent;
import io.civickit.notify.outbox.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The outbox's retry, fallback and dead-letter rules, with no database. */
class DeliveryPolicyTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15));

  private static DeliveryPolicy policy(int maxAttempts) {
    return new DeliveryPolicy(maxAttempts, BACKOFF, new SplittableRandom(7), CLOCK);
  }

  @Test
  void anAcceptedMessageIsSentWithTheProvidersId() {
    assertThat(policy(5).afterSend(new Attempt(3, 0, 1), "notify", new SendResult.Accepted("p-1")))
        .isEqualTo(new Sent("notify", "p-1"));
  }

  @Test
  void aRetryableFailureBeforeTheLastAttemptIsRetriedWithinTheBackoffCap() {
    Decision d = policy(5).afterSend(new Attempt(3, 0, 1), "notify",
        new SendResult.RetryableFailure("503", Optional.empty()));
    assertThat(d).isInstanceOf(RetryLater.class);
    RetryLater r = (RetryLater) d;
    assertThat(r.waitMs()).isBetween(0L, 8_000L); // 2 s doubled twice
    assertThat(r.atMs()).isEqualTo(NOW + r.waitMs());
    assertThat(r.outcomeUnknown()).isFalse();
    assertThat(r.channel()).isEqualTo("notify");
    assertThat(r.reason()).isEqualTo("503");
  }

  @Test
  void aLongerRetryAfterFromTheProviderWins() {
    RetryLater r = (RetryLater) policy(5).afterSend(new Attempt(1, 0, 1), "notify",
        new SendResult.RetryableFailure("429", Optional.of(Duration.ofMinutes(1))));
    assertThat(r.waitMs()).isEqualTo(60_000L);
    assertThat(r.atMs()).isEqualTo(NOW + 60_000L);
  }

  @Test
  void anUnknownOutcomeIsRetriedAndRememberedSoTheNextAttemptLooksItUp() {
    RetryLater r = (RetryLater) policy(5).afterSend(new Attempt(1, 0, 1), "webhook",
        new SendResult.UnknownOutcome("timed out"));
    assertThat(r.outcomeUnknown()).isTrue();
    assertThat(r.reason()).isEqualTo("timed out");
  }

  @Test
  void theLastAttemptsFailureDeadLettersAMessageWithNoFallback() {
    assertThat(policy(5).afterSend(new Attempt(5, 0, 1), "notify", new SendResult.UnknownOutcome("timed out")))
        .isEqualTo(new DeadLetter(Optional.of("notify"), "gave up after 5 attempts: timed out"));
  }

  @Test
  void aPermanentFailureFallsBackToTheNextRecipientNowFromItsFirstAttempt() {
    assertThat(policy(5).afterSend(new Attempt(2, 0, 3), "sms", new SendResult.PermanentFailure("not a mobile")))
        .isEqualTo(new FallBack(1, NOW, Optional.of("sms"), "not a mobile"));
  }

  @Test
  void theLastRecipientsPermanentFailureDeadLettersTheMessage() {
    assertThat(policy(5).afterSend(new Attempt(1, 2, 3), "email", new SendResult.PermanentFailure("bounced")))
        .isEqualTo(new DeadLetter(Optional.of("email"), "bounced"));
  }

  @Test
  void aMessageNoChannelCanSendFallsBackWithNoChannelNamed() {
    assertThat(policy(5).failed(new Attempt(1, 0, 2), Optional.empty(), "no channel can send to a letter"))
        .isEqualTo(new FallBack(1, NOW, Optional.empty(), "no channel can send to a letter"));
  }

  @Test
  void aFailedLookupIsRetriedEvenAtTheLastAttemptAsNothingWasSent() {
    RetryLater r = (RetryLater) policy(5).afterFailedLookup(new Attempt(5, 0, 1), "notify", "lookup failed: 500");
    assertThat(r.outcomeUnknown()).isTrue();
    assertThat(r.reason()).isEqualTo("lookup failed: 500");
  }

  @Test
  void aHandedBackMessageKeepsItsTimeAndReason() {
    assertThat(policy(5).handBack(NOW + 500, "rate limit for notify")).isEqualTo(new HandBack(NOW + 500,
        "rate limit for notify"));
  }

  /** Every failure ends in exactly one of: retry (before the limit), fallback, dead letter. */
  @Property
  void aFailureIsRetriedBeforeTheLimitAndEndsTheRecipientAtIt(@ForAll @IntRange(min = 1, max = 12) int attempts,
      @ForAll @IntRange(min = 1, max = 12) int maxAttempts, @ForAll @IntRange(min = 0, max = 3) int recipient,
      @ForAll @IntRange(min = 1, max = 4) int recipients, @ForAll boolean unknown) {
    if (recipient >= recipients) {
      recipient = recipients - 1;
    }
    SendResult result = unknown ? new SendResult.UnknownOutcome("x")
        : new SendResult.RetryableFailure("x", Optional.empty());
    Decision d = policy(maxAttempts).afterSend(new Attempt(attempts, recipient, recipients), "c", result);
    if (attempts < maxAttempts) {
      assertThat(d).isInstanceOf(RetryLater.class);
      RetryLater r = (RetryLater) d;
      assertThat(r.waitMs()).isBetween(0L, BACKOFF.cap(attempts).toMillis());
      assertThat(r.outcomeUnknown()).isEqualTo(unknown);
    } else if (recipient + 1 < recipients) {
      assertThat(d).isEqualTo(new FallBack(recipient + 1, NOW, Optional.of("c"),
          "gave up after " + attempts + " attempts: x"));
    } else {
      assertThat(d).isEqualTo(new DeadLetter(Optional.of("c"), "gave up after " + attempts + " attempts: x"));
    }
  }
}
