package io.civickit.submit;

import io.civickit.notify.internal.settings.Settings;
import io.civickit.submit.internal.WebhookDestination;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A destination that POSTs each submission's JSON ({@link SubmissionJson}) to a case system,
 * signed with sdk-notify's webhook scheme so the receiver can check it with
 * {@link io.civickit.notify.channel.WebhookVerifier}.
 *
 * <p>Headers: {@code X-CivicKit-Timestamp} (Unix seconds), {@code X-CivicKit-Signature}
 * ({@code v1=} and the hex HMAC-SHA256, keyed with the shared secret, of the timestamp, a full
 * stop and the exact body), {@code Idempotency-Key} (the submission id, the same on every
 * attempt: the receiver drops a key it has seen), and {@code X-CivicKit-Reference}.
 *
 * <p>Responses: 2xx delivered (an {@code X-Case-Id} or {@code Location} header, if sent, is
 * kept as the receipt); 408 and 429 retried (honouring {@code Retry-After}); 409 delivered (the
 * receiver says it holds that key already); any other 4xx is permanent; 5xx and timeouts are an
 * unknown outcome, after which the same key is sent again.
 *
 * <pre>{@code
 * Destination crm = CaseWebhook.builder().url(URI.create("https://crm.council.gov.uk/civickit"))
 *     .secret(System.getenv("CRM_WEBHOOK_SECRET")).build();
 * }</pre>
 */
public final class CaseWebhook {
  private CaseWebhook() {}

  /**
   * A builder; the URL and secret are required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings for the destination; {@link #build()} checks them and builds it. A builder is not
   * thread-safe; what it builds is immutable and thread-safe: build once and share it.
   */
  public static final class Builder {
    private URI url;
    private byte[] secret;
    private String name = "webhook";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The endpoint.
     *
     * @param url an http or https URL
     * @return this builder
     */
    public Builder url(URI url) {
      this.url = Settings.httpUrl(url, "a webhook URL");
      return this;
    }

    /**
     * The shared signing secret.
     *
     * @param secret at least 32 bytes
     * @return this builder
     */
    public Builder secret(byte[] secret) {
      this.secret = Settings.signingSecret(secret);
      return this;
    }

    /**
     * The shared signing secret as text (its UTF-8 bytes).
     *
     * @param secret at least 32 bytes
     * @return this builder
     */
    public Builder secret(String secret) {
      return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The destination's name ({@code webhook} unless set).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * How long to wait for a connection (5 seconds unless set).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connect timeout");
      return this;
    }

    /**
     * How long to wait for the response (30 seconds unless set).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Settings.positive(timeout, "request timeout");
      return this;
    }

    /**
     * The clock the timestamp is taken from.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the destination.
     *
     * @return the destination
     * @throws IllegalStateException if the URL or secret is missing
     */
    public Destination build() {
      if (url == null) {
        throw new IllegalStateException("a webhook destination needs a URL: call url(...)");
      }
      if (secret == null) {
        throw new IllegalStateException("a webhook destination needs a secret: call secret(...)");
      }
      return new WebhookDestination(name, url, secret, connectTimeout, requestTimeout, clock);
    }
  }
}
