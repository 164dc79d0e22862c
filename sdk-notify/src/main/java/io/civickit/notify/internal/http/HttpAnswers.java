package io.civickit.notify.internal.http;

import io.civickit.notify.channel.SendResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules every CivicKit HTTP sender (the webhook channel, the case webhook destination, the
 * GOV.UK Notify channel) follows for an answer that is not a success and for a request that
 * failed: what can be retried, what may have happened, what was refused. The results' texts name
 * the status or the kind of failure, never a body or an exception's message.
 */
public final class HttpAnswers {
  private HttpAnswers() {}

  /**
   * The {@code Retry-After} header as a number of seconds; an HTTP date, a negative or an
   * unreadable value is ignored (the caller's backoff applies).
   *
   * @param headers the answer's headers
   * @return the wait asked for, if any
   */
  public static Optional<Duration> retryAfter(HttpHeaders headers) {
    return headers.firstValue("Retry-After").flatMap(HttpAnswers::seconds);
  }

  /**
   * A webhook's answer other than a success: 408 and 429 are retried (after {@code Retry-After}
   * when given), 5xx may have been acted on (unknown outcome), anything else is refused for good.
   *
   * @param status the HTTP status, not 2xx
   * @param headers the answer's headers
   * @param who the receiver, for the result's text: {@code "webhook"}
   * @return the result
   */
  public static SendResult webhookFailure(int status, HttpHeaders headers, String who) {
    String text = who + " answered " + status;
    if (status == 408 || status == 429) {
      return new SendResult.RetryableFailure(text, retryAfter(headers));
    }
    if (status >= 500) {
      return new SendResult.UnknownOutcome(text);
    }
    return new SendResult.PermanentFailure(text);
  }

  /**
   * A request that did not get an answer: one that never connected is retried; one that timed out
   * or broke after sending may have been acted on (unknown outcome). An interrupted send keeps the
   * thread's interrupt status.
   *
   * @param e what {@code HttpClient.send} threw
   * @param requestTimeout the request's timeout, for the result's text
   * @param who the receiver, for the result's text: {@code "the webhook"}
   * @return the result
   */
  public static SendResult unanswered(Exception e, Duration requestTimeout, String who) {
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
      return new SendResult.RetryableFailure("could not connect to " + who);
    }
    if (e instanceof HttpTimeoutException) {
      return new SendResult.UnknownOutcome("no response within " + requestTimeout);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new SendResult.UnknownOutcome("interrupted");
    }
    if (e instanceof IOException) {
      return new SendResult.UnknownOutcome("the connection failed: " + e.getClass().getSimpleName());
    }
    throw new IllegalArgumentException("not a failure of HttpClient.send: " + e.getClass().getName(), e);
  }

  private static Optional<Duration> seconds(String s) {
    try {
      long v = Long.parseLong(s.strip());
      return v >= 0 ? Optional.of(Duration.ofSeconds(v)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
