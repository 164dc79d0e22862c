package io.civickit.notify.channel;

import io.civickit.notify.internal.channel.NotifyHttpChannel;
import io.civickit.notify.internal.settings.Settings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a channel that sends through the GOV.UK Notify API v2.
 *
 * <pre>{@code
 * GovUkNotifyChannel notify = GovUkNotify.builder()
 *     .apiKey(System.getenv("NOTIFY_API_KEY"))
 *     .templateId("passcode", "f33517ff-2a88-4f6e-b855-c550268ce08a")
 *     .build();
 * }</pre>
 *
 * <p>Every call has a connect timeout and a request timeout (5 and 10 seconds unless set). The
 * JDK's HTTP client is used as it is: no JVM-wide SSL or proxy setting is touched.
 */
public final class GovUkNotify {
  /** Notify's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.notifications.service.gov.uk");

  private GovUkNotify() {}

  /** A builder; {@link Builder#apiKey(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings for the channel; {@link #build()} checks them and builds it. A builder is not
   * thread-safe; what it builds is immutable and thread-safe: build once and share it.
   */
  public static final class Builder {
    private NotifyApiKey apiKey;
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> templateIds = new HashMap<>();
    private Optional<String> emailReplyToId = Optional.empty();
    private Optional<String> smsSenderId = Optional.empty();
    private String name = "govuk-notify";
    private String userAgent = "civickit-notify/0.1";

    private Builder() {}

    /** The API key as Notify shows it ({@code name-serviceid-secret}). */
    public Builder apiKey(String apiKey) {
      this.apiKey = NotifyApiKey.parse(apiKey);
      return this;
    }

    /** The API key, already parsed. */
    public Builder apiKey(NotifyApiKey apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** Where the API is: Notify's production API unless set (tests point it at a fake). */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Settings.httpUrl(baseUrl, "the Notify base URL");
      return this;
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

    /** The clock the JWT's {@code iat} is taken from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Maps a CivicKit template id to the Notify template id to send. Template ids with no mapping
     * are sent to Notify as they are.
     */
    public Builder templateId(String civicKitTemplateId, String notifyTemplateId) {
      Objects.requireNonNull(civicKitTemplateId, "civicKitTemplateId");
      Objects.requireNonNull(notifyTemplateId, "notifyTemplateId");
      if (templateIds.putIfAbsent(civicKitTemplateId, notifyTemplateId) != null) {
        throw new IllegalStateException("template " + civicKitTemplateId + " is already mapped to "
            + templateIds.get(civicKitTemplateId));
      }
      return this;
    }

    /** The reply-to address id (from Notify's settings) sent as {@code email_reply_to_id}. */
    public Builder emailReplyToId(String id) {
      this.emailReplyToId = Optional.of(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** The text message sender id (from Notify's settings) sent as {@code sms_sender_id}. */
    public Builder smsSenderId(String id) {
      this.smsSenderId = Optional.of(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * The channel's name, {@code govuk-notify} unless set. Give each Notify service its own name
     * when you use more than one: the outbox keys rate limits by it.
     */
    public Builder name(String name) {
      this.name = Settings.channelName(name);
      return this;
    }

    /** The {@code User-Agent} header ({@code civickit-notify/0.1} unless set). */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalStateException if no API key was given
     */
    public GovUkNotifyChannel build() {
      if (apiKey == null) {
        throw new IllegalStateException("a Notify channel needs an API key: call apiKey(...)");
      }
      return new NotifyHttpChannel(name, apiKey, baseUrl, connectTimeout, requestTimeout, clock, Map.copyOf(templateIds),
          emailReplyToId, smsSenderId, userAgent);
    }
  }
}
