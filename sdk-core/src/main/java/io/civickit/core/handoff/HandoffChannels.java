package io.civickit.core.handoff;

import io.civickit.core.handoff.internal.WebChatChannel;
import io.civickit.core.internal.crypto.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** The handoff channels CivicKit ships. */
public final class HandoffChannels {
  private HandoffChannels() {}

  /**
   * The last resort of every fallback chain: tells the person the phone number to call, quoting
   * their reference number. It always accepts. Give the opening hours so the message says when
   * the lines are open.
   *
   * @param number the number as it should be shown, for example {@code 0300 123 4567}
   * @param hours the opening hours of the phone lines
   * @return the channel, which tells the time by the system clock
   */
  public static HandoffChannel phone(String number, OpeningHours hours) {
    return phone(number, hours, Clock.systemUTC());
  }

  /**
   * {@link #phone(String, OpeningHours)} with a clock other than the system's (tests, or the
   * engine's own clock).
   *
   * @param number the number as it should be shown
   * @param hours the opening hours of the phone lines
   * @param clock says whether the lines are open now
   * @return the channel
   */
  public static HandoffChannel phone(String number, OpeningHours hours, Clock clock) {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(clock, "clock");
    if (number.isBlank()) {
      throw new IllegalArgumentException("a phone number must not be blank");
    }
    return new HandoffChannel() {
      @Override
      public String name() {
        return "phone";
      }

      @Override
      public HandoffResult handOff(HandoffRequest request) {
        String when = hours.isOpen(clock.instant()) ? "The lines are open now." : hours.nextOpening(clock.instant())
            .map(t -> "The lines open again " + OpeningHours.describe(t, hours.zone()) + ".").orElse("");
        String message = ("Call us on " + number + " and quote your reference " + request.reference().value()
            + ". " + when).strip();
        return new HandoffResult.Accepted(name(), message, Optional.empty(), Optional.empty(), Optional.empty());
      }
    };
  }

  /** Header with the request's Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = WebChatChannel.TIMESTAMP_HEADER;
  /** Header with {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static final String SIGNATURE_HEADER = WebChatChannel.SIGNATURE_HEADER;
  /** Header with the handoff id, for the chat platform to deduplicate retries. */
  public static final String IDEMPOTENCY_HEADER = WebChatChannel.IDEMPOTENCY_HEADER;

  /**
   * Web chat by signed webhook: POSTs the context package as JSON to the council's chat
   * platform, signed with HMAC-SHA256 over {@code timestamp + "." + body} in the
   * {@value #SIGNATURE_HEADER} header ({@code v1=<hex>}), with the Unix time in
   * {@value #TIMESTAMP_HEADER} and the handoff id in {@value #IDEMPOTENCY_HEADER}.
   *
   * <p>The platform answers 2xx to accept, optionally with JSON
   * {@code {"conversationId": "...", "chatUrl": "https://...", "estimatedWaitSeconds": 120}};
   * 429 or 503 when no adviser is free (the router moves on as closed); anything else, or no
   * answer within the request timeout, is a failure and the router moves on.
   *
   * @param url the platform's webhook endpoint
   * @param secret the shared secret, at least 32 bytes
   * @param connectTimeout how long to wait to connect (2 seconds is usual)
   * @param requestTimeout how long to wait for the answer (5 seconds is usual): the person is waiting
   * @return the channel, which timestamps its requests by the system clock
   */
  public static HandoffChannel webChat(URI url, byte[] secret, Duration connectTimeout, Duration requestTimeout) {
    return webChat("web-chat", url, secret, connectTimeout, requestTimeout, Clock.systemUTC());
  }

  /** {@link #webChat(URI, byte[], Duration, Duration)} with a clock other than the system's. */
  public static HandoffChannel webChat(URI url, byte[] secret, Duration connectTimeout, Duration requestTimeout,
      Clock clock) {
    return webChat("web-chat", url, secret, connectTimeout, requestTimeout, clock);
  }

  /** {@link #webChat(URI, byte[], Duration, Duration, Clock)} with a channel name other than {@code web-chat}. */
  public static HandoffChannel webChat(String name, URI url, byte[] secret, Duration connectTimeout,
      Duration requestTimeout, Clock clock) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(clock, "clock");
    if (secret.length < 32) {
      throw new IllegalArgumentException("a webhook secret must be at least 32 bytes, but was " + secret.length);
    }
    if (!"https".equalsIgnoreCase(url.getScheme()) && !isLocal(url)) {
      throw new IllegalArgumentException("a web chat webhook must use https (http only to localhost), but was " + url);
    }
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    return new WebChatChannel(name, url, secret, connectTimeout, requestTimeout, clock);
  }

  private static boolean isLocal(URI url) {
    String host = url.getHost();
    return "http".equalsIgnoreCase(url.getScheme())
        && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, but was " + d);
    }
  }

  /**
   * For the chat platform's side (or a test): checks a webhook's headers against the raw body.
   * True only if the signature matches (compared in constant time) and the timestamp is within
   * {@code maxSkew} of now (the system clock), so a captured request cannot be replayed later.
   */
  public static boolean verifyWebhook(byte[] secret, String timestampHeader, String signatureHeader, byte[] body,
      Duration maxSkew) {
    return verifyWebhook(secret, timestampHeader, signatureHeader, body, maxSkew, Clock.systemUTC());
  }

  /** {@link #verifyWebhook(byte[], String, String, byte[], Duration)} with a clock other than the system's. */
  public static boolean verifyWebhook(byte[] secret, String timestampHeader, String signatureHeader, byte[] body,
      Duration maxSkew, Clock clock) {
    if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("[0-9]{1,12}")
        || !signatureHeader.startsWith("v1=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signatureHeader.substring(3));
    } catch (IllegalArgumentException e) {
      return false;
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestampHeader)), clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      return false;
    }
    return Digests.equal(HandoffContextSigner.mac(secret, timestampHeader, body), given);
  }

  /** The UTF-8 bytes of a string, for {@link #verifyWebhook} callers holding text. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
