package io.civickit.notify.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.notify.channel.SendResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpAnswersTest {
  private static HttpHeaders headers(String... retryAfter) {
    return HttpHeaders.of(retryAfter.length == 0 ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
  }

  @Test
  void retryAfterIsReadInSecondsAndAnythingElseIsIgnored() {
    assertThat(HttpAnswers.retryAfter(headers("30"))).contains(Duration.ofSeconds(30));
    assertThat(HttpAnswers.retryAfter(headers(" 0 "))).contains(Duration.ZERO);
    assertThat(HttpAnswers.retryAfter(headers("-1"))).isEmpty();
    assertThat(HttpAnswers.retryAfter(headers("Wed, 21 Oct 2026 07:28:00 GMT"))).isEmpty();
    assertThat(HttpAnswers.retryAfter(headers())).isEmpty();
  }

  @Test
  void tooManyRequestsAndRequestTimeoutAreRetriedServerErrorsUnknownTheRestRefused() {
    assertThat(HttpAnswers.webhookFailure(429, headers("7"), "webhook"))
        .isEqualTo(new SendResult.RetryableFailure("webhook answered 429", Optional.of(Duration.ofSeconds(7))));
    assertThat(HttpAnswers.webhookFailure(408, headers(), "webhook"))
        .isEqualTo(new SendResult.RetryableFailure("webhook answered 408", Optional.empty()));
    assertThat(HttpAnswers.webhookFailure(503, headers("7"), "webhook"))
        .isEqualTo(new SendResult.UnknownOutcome("webhook answered 503"));
    assertThat(HttpAnswers.webhookFailure(400, headers(), "webhook"))
        .isEqualTo(new SendResult.PermanentFailure("webhook answered 400"));
    assertThat(HttpAnswers.webhookFailure(302, headers(), "webhook")).isInstanceOf(SendResult.PermanentFailure.class);
  }

  @Test
  void aRequestThatNeverConnectedIsRetriedAndOneThatMayHaveArrivedIsUnknown() {
    Duration timeout = Duration.ofSeconds(10);
    assertThat(HttpAnswers.unanswered(new ConnectException("refused by 10.0.0.1"), timeout, "the webhook"))
        .isEqualTo(new SendResult.RetryableFailure("could not connect to the webhook"));
    assertThat(HttpAnswers.unanswered(new HttpConnectTimeoutException("x"), timeout, "Notify"))
        .isEqualTo(new SendResult.RetryableFailure("could not connect to Notify"));
    assertThat(HttpAnswers.unanswered(new HttpTimeoutException("x"), timeout, "Notify"))
        .isEqualTo(new SendResult.UnknownOutcome("no response within PT10S"));
    SendResult broken = HttpAnswers.unanswered(new IOException("reset by peer at 10.0.0.1"), timeout, "Notify");
    assertThat(broken).isEqualTo(new SendResult.UnknownOutcome("the connection failed: IOException"));
    assertThatThrownBy(() -> HttpAnswers.unanswered(new IllegalStateException(), timeout, "Notify"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInterruptedSendKeepsTheInterrupt() {
    try {
      assertThat(HttpAnswers.unanswered(new InterruptedException(), Duration.ofSeconds(1), "Notify"))
          .isEqualTo(new SendResult.UnknownOutcome("interrupted"));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
