package io.civickit.notify.channel;

import io.civickit.notify.internal.channel.WebhookChannel;
import io.civickit.notify.internal.settings.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a channel that POSTs each message as JSON to a supplier's endpoint, signed so the
 * supplier can tell it came from the council.
 *
 * <p>The request carries three headers: {@value #TIMESTAMP_HEADER} (Unix seconds),
 * {@value #SIGNATURE_HEADER} ({@code v1=} and the lowercase hex HMAC-SHA256, keyed with the
 * shared secret, of the timestamp, a full stop and the exact body bytes) and
 * {@value #IDEMPOTENCY_HEADER} (the notification's idempotency key, the same on every retry:
 * the supplier must treat a repeat as the same message). The supplier checks the signature with
 * {@link WebhookVerifier}.
 *
 * <p>Responses: 2xx accepted (the {@code X-Message-Id} header, if sent, is the provider id);
 * 408 and 429 retry (honouring {@code Retry-After}); any other 4xx is permanent; 5xx and
 * timeouts are an unknown outcome, after which the outbox sends again with the same key.
 */
public final class Webhook {
  /** The header with the Unix time in seconds at which the request was signed. */
  public static final String TIMESTAMP_HEADER = "X-CivicKit-Timestamp";
  /** The header with the signature: {@code v1=<hex HMAC-SHA256>}. */
  public static final String SIGNATURE_HEADER = "X-CivicKit-Signature";
  /** The header with the idempotency key. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private Webhook() {}

  /** A builder; {@link Builder#url(URI)} and {@link Builder#secret(byte[])} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings for the channel; {@link #build()} checks them and builds it. A builder is not
   * thread-safe; what it builds is immutable and thread-safe: build once and share it.
   */
  public static final class Builder {
    private URI url;
    private byte[] secret;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private String name = "webhook";

    private Builder() {}

    /** The endpoint to POST to. */
    public Builder url(URI url) {
      this.url = Settings.httpUrl(url, "a webhook URL");
      return this;
    }

    /** The shared signing secret: at least 32 bytes. */
    public Builder secret(byte[] secret) {
      this.secret = Settings.signingSecret(secret);
      return this;
    }

    /** The shared signing secret as text (its UTF-8 bytes): at least 32 bytes. */
    public Builder secret(String secret) {
      return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** How long to wait for a connection (5 seconds unless set). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connect timeout");
      return this;
    }

    /** How long to wait for each response (10 seconds unless set). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Settings.positive(timeout, "request timeout");
      return this;
    }

    /** The clock the timestamp is taken from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The channel's name, {@code webhook} unless set. */
    public Builder name(String name) {
      this.name = Settings.channelName(name);
      return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalStateException if the URL or the secret is missing
     */
    public NotificationChannel build() {
      if (url == null) {
        throw new IllegalStateException("a webhook channel needs a URL: call url(...)");
      }
      if (secret == null) {
        throw new IllegalStateException("a webhook channel needs a secret: call secret(...)");
      }
      return new WebhookChannel(name, url, secret, connectTimeout, requestTimeout, clock);
    }
  }
}
