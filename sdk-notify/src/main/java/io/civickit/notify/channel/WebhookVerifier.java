package io.civickit.notify.channel;

import io.civickit.core.internal.crypto.Digests;
import io.civickit.notify.internal.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * Checks a request from a {@link Webhook} channel: for suppliers who receive CivicKit webhooks.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.systemUTC());
 * WebhookVerifier.Result result = verifier.verify(
 *     request.header("X-CivicKit-Timestamp"), request.header("X-CivicKit-Signature"), request.bodyBytes());
 * if (result != WebhookVerifier.Result.VALID) { respond 401 }
 * }</pre>
 *
 * <p>Verify the raw body bytes before parsing them. The comparison is constant-time, and a
 * timestamp further than the allowed skew from now (either way) is refused, so a captured
 * request cannot be replayed later. Deduplicate on the {@code Idempotency-Key} header.
 */
public final class WebhookVerifier {

  /** The outcome of a check. */
  public enum Result {
    /** Signed with the secret, within the allowed clock skew. */
    VALID,
    /** A header is missing or not in the expected format. */
    MALFORMED,
    /** The timestamp is too far from now. */
    STALE,
    /** The signature does not match the body and timestamp. */
    BAD_SIGNATURE
  }

  private final byte[] secret;
  private final Duration maxSkew;
  private final Clock clock;

  private WebhookVerifier(byte[] secret, Duration maxSkew, Clock clock) {
    this.secret = secret;
    this.maxSkew = maxSkew;
    this.clock = clock;
  }

  /**
   * A verifier for the secret shared with the council, telling the time by the system clock.
   *
   * @param secret the shared secret, at least 32 bytes
   * @param maxSkew how far the timestamp may be from now, either way (five minutes is usual)
   * @return the verifier
   */
  public static WebhookVerifier of(byte[] secret, Duration maxSkew) {
    return of(secret, maxSkew, Clock.systemUTC());
  }

  /**
   * {@link #of(byte[], Duration)} with a clock other than the system's (tests).
   *
   * @param secret the shared secret, at least 32 bytes
   * @param maxSkew how far the timestamp may be from now, either way
   * @param clock says what "now" is
   * @return the verifier
   */
  public static WebhookVerifier of(byte[] secret, Duration maxSkew, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(clock, "clock");
    if (secret.length < 32) {
      throw new IllegalArgumentException("a webhook secret must be at least 32 bytes, but was " + secret.length);
    }
    Settings.positive(maxSkew, "maximum clock skew");
    return new WebhookVerifier(Arrays.copyOf(secret, secret.length), maxSkew, clock);
  }

  /** Checks the two headers against the raw body. Null or blank headers are {@link Result#MALFORMED}. */
  public Result verify(String timestampHeader, String signatureHeader, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("[0-9]{1,12}")
        || !signatureHeader.startsWith("v1=")) {
      return Result.MALFORMED;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signatureHeader.substring(3));
    } catch (IllegalArgumentException e) {
      return Result.MALFORMED;
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestampHeader));
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      return Result.STALE;
    }
    byte[] expected = sign(secret, timestampHeader, body);
    return Digests.equal(expected, given) ? Result.VALID : Result.BAD_SIGNATURE;
  }

  /** HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static byte[] sign(byte[] secret, String timestamp, byte[] body) {
    Mac mac = Digests.hmacSha256(secret);
    mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) '.');
    return mac.doFinal(body);
  }
}
