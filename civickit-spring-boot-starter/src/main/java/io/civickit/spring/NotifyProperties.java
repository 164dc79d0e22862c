package io.civickit.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code civickit.notify.*} settings: which channel sends notifications, and the durable
 * outbox that queues them.
 *
 * @param channel where notifications go: {@code file} (each message written to
 *     {@code civickit.notify.outbox-dir}, for development), {@code smtp} (the application's
 *     {@code spring.mail.*} server) or {@code notify} (GOV.UK Notify)
 * @param outboxDir the folder the {@code file} channel writes messages to
 * @param from the sender address of {@code smtp} email; required for {@code smtp}
 * @param fromName the display name beside {@code civickit.notify.from}, for example the council's name
 * @param replyTo the reply-to address of {@code smtp} email
 * @param apiKey the GOV.UK Notify API key; required for {@code notify}. Best given as the
 *     environment variable {@code CIVICKIT_NOTIFY_APIKEY}
 * @param baseUrl the GOV.UK Notify API's base URL (change it only for a test double)
 * @param templates GOV.UK Notify template ids by CivicKit template id, for example
 *     {@code civickit.notify.templates.save-and-return=<uuid>}; a message whose template has no
 *     id here fails permanently
 * @param emailReplyToId the GOV.UK Notify email reply-to id, if the service has several
 * @param workers how many outbox worker threads this instance runs while the application
 *     context runs (0: this instance only queues, another sends)
 * @param pollInterval how often an idle worker looks for due messages
 * @param maxAttempts how many times a message is tried before it is dead-lettered
 */
@ConfigurationProperties("civickit.notify")
public record NotifyProperties(
    @DefaultValue("file") Channel channel,
    @DefaultValue("outbox") Path outboxDir,
    @Nullable String from,
    @Nullable String fromName,
    @Nullable String replyTo,
    @Nullable String apiKey,
    @Nullable URI baseUrl,
    @DefaultValue Map<String, String> templates,
    @Nullable String emailReplyToId,
    @DefaultValue("1") int workers,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("10") int maxAttempts) {

  /** Where notifications go. */
  public enum Channel {
    /** Each message written to a file in the outbox folder: for development. */
    FILE,
    /** Email through the SMTP server configured by {@code spring.mail.*}. */
    SMTP,
    /** GOV.UK Notify, through its REST API. */
    NOTIFY
  }

  /** Copies the template map and checks the numbers, naming the bad value. */
  public NotifyProperties {
    templates = Map.copyOf(templates);
    if (workers < 0) {
      throw new IllegalArgumentException("civickit.notify.workers must be 0 or more, but was " + workers);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("civickit.notify.max-attempts must be at least 1, but was " + maxAttempts);
    }
  }

  @Override
  public String toString() {
    return "NotifyProperties[channel=" + channel + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", workers="
        + workers + ", templates=" + templates.keySet() + "]";
  }
}
