package io.civickit.spring;

import io.civickit.core.progress.KeyRing;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.channel.FolderChannel;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Smtp;
import io.civickit.notify.outbox.Outbox;
import io.civickit.spring.internal.OutboxWorkersLifecycle;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Notifications: the channel chosen by {@code civickit.notify.channel} ({@code file},
 * {@code smtp} from the application's {@code spring.mail.*} settings, or {@code notify} for GOV.UK
 * Notify), the durable outbox on the application's {@code DataSource} (personal data in queued
 * messages encrypted with the key ring), and {@code civickit.notify.workers} worker threads
 * started and stopped with the application context.
 *
 * <p>The outbox renders with the application's {@link MessageRenderer} bean (its
 * {@code Templates}), and is configured only when there is one. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = CivicKitStoresAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Outbox.class)
@EnableConfigurationProperties(NotifyProperties.class)
public class CivicKitNotifyAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitNotifyAutoConfiguration() {}

  /**
   * The channel notifications are sent through.
   *
   * @param properties the {@code civickit.notify.*} settings
   * @param environment to read {@code spring.mail.*} for {@code smtp}
   * @return the channel
   * @throws CivicKitConfigurationException if the chosen channel's settings are missing or wrong
   */
  @Bean
  @ConditionalOnMissingBean
  public NotificationChannel civicKitNotificationChannel(NotifyProperties properties, Environment environment) {
    return switch (properties.channel()) {
      case FILE -> FolderChannel.in(properties.outboxDir());
      case SMTP -> smtp(properties, environment);
      case NOTIFY -> notify(properties);
    };
  }

  /**
   * The durable outbox.
   *
   * @param dataSource the application's database
   * @param renderer the application's templates
   * @param channel the channel
   * @param properties the {@code civickit.notify.*} settings
   * @param keys the key ring, to encrypt personal data in queued messages
   * @param schema the tables, created first when CivicKit installs them
   * @return the outbox
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({DataSource.class, MessageRenderer.class})
  public Outbox civicKitOutbox(DataSource dataSource, MessageRenderer renderer, NotificationChannel channel,
      NotifyProperties properties, ObjectProvider<KeyRing> keys, ObjectProvider<CivicKitSchema> schema) {
    schema.ifAvailable(s -> { });
    Outbox.Builder b = Outbox.builder()
        .dataSource(dataSource)
        .renderer(renderer)
        .channel(channel)
        .pollInterval(properties.pollInterval())
        .maxAttempts(properties.maxAttempts());
    keys.ifAvailable(b::keyRing);
    return b.build();
  }

  /**
   * Starts {@code civickit.notify.workers} outbox workers when the application context starts,
   * and stops them (after their current batch) when it stops.
   *
   * @param outbox the outbox
   * @param properties the {@code civickit.notify.*} settings
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnBean(Outbox.class)
  @ConditionalOnMissingBean
  public OutboxWorkersLifecycle civicKitOutboxWorkers(Outbox outbox, NotifyProperties properties) {
    return new OutboxWorkersLifecycle(outbox, properties.workers());
  }

  private static NotificationChannel smtp(NotifyProperties p, Environment environment) {
    Binder binder = Binder.get(environment);
    String host = binder.bind("spring.mail.host", String.class).orElse(null);
    if (host == null || host.isBlank()) {
      throw new CivicKitConfigurationException("spring.mail.host",
          "civickit.notify.channel is smtp, but spring.mail.host is not set.",
          "Set spring.mail.host (and spring.mail.port, spring.mail.username and spring.mail.password as your mail "
              + "server needs), or choose another channel with civickit.notify.channel=file|notify.");
    }
    if (p.from() == null || p.from().isBlank()) {
      throw new CivicKitConfigurationException("civickit.notify.from",
          "civickit.notify.channel is smtp, but civickit.notify.from is not set.",
          "Set civickit.notify.from to the address emails are sent from, for example no-reply@council.gov.uk.");
    }
    Map<String, String> mail = binder.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    String protocol = binder.bind("spring.mail.protocol", String.class).orElse("smtp");
    Smtp.Builder smtp = Smtp.builder().host(host)
        .port(binder.bind("spring.mail.port", Integer.class).orElse("smtps".equals(protocol) ? 465 : 25))
        .ssl("smtps".equals(protocol) || isTrue(mail, "mail.smtp.ssl.enable"))
        .startTls(isTrue(mail, "mail.smtp.starttls.enable") || isTrue(mail, "mail.smtp.starttls.required"));
    String user = binder.bind("spring.mail.username", String.class).orElse(null);
    if (user != null) {
      smtp.credentials(user, binder.bind("spring.mail.password", String.class).orElse(""));
    }
    try {
      if (p.fromName() != null) {
        smtp.from(p.from(), p.fromName());
      } else {
        smtp.from(p.from());
      }
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.notify.from", "civickit.notify.from is not an email "
          + "address.", "Set civickit.notify.from to the address emails are sent from, for example "
          + "no-reply@council.gov.uk.");
    }
    try {
      if (p.replyTo() != null) {
        smtp.replyTo(p.replyTo());
      }
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.notify.reply-to", "civickit.notify.reply-to is not an "
          + "email address.", "Set civickit.notify.reply-to to an email address, or remove it.");
    }
    return smtp.build();
  }

  private static boolean isTrue(Map<String, String> mail, String key) {
    return "true".equals(String.valueOf(mail.get(key)).strip().toLowerCase(Locale.ROOT));
  }

  private static NotificationChannel notify(NotifyProperties p) {
    @Nullable String key = p.apiKey();
    if (key == null || key.isBlank()) {
      throw new CivicKitConfigurationException("civickit.notify.api-key",
          "civickit.notify.channel is notify, but civickit.notify.api-key is not set.",
          "Set civickit.notify.api-key (or the environment variable CIVICKIT_NOTIFY_APIKEY) to the service's GOV.UK "
              + "Notify API key, and civickit.notify.templates.<template id>=<Notify template id> for each "
              + "template.");
    }
    GovUkNotify.Builder notify = GovUkNotify.builder();
    try {
      notify.apiKey(key);
    } catch (IllegalArgumentException e) {
      // The key's own text is never repeated.
      throw new CivicKitConfigurationException("civickit.notify.api-key",
          "civickit.notify.api-key is not a GOV.UK Notify API key.",
          "Copy the whole key from GOV.UK Notify's API integration page: key name, service id and secret, "
              + "joined by hyphens.");
    }
    if (p.baseUrl() != null) {
      notify.baseUrl(p.baseUrl());
    }
    p.templates().forEach(notify::templateId);
    if (p.emailReplyToId() != null) {
      notify.emailReplyToId(p.emailReplyToId());
    }
    return notify.build();
  }
}
