package io.civickit.spring;

import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Form;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.Notifier;
import io.civickit.notify.template.Templates;
import io.civickit.submit.CaseWebhook;
import io.civickit.submit.Destination;
import io.civickit.submit.Submissions;
import io.civickit.submit.TeamEmail;
import io.civickit.web.JourneyRunner;
import io.civickit.web.RunnerTemplates;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Submissions (sdk-submit) for the journey runner: each completed application delivered to the
 * team inbox folder, team email address and case system webhook that {@code civickit.submit.*}
 * names, once each, retried until delivered. Configured when the runner is (a {@link Form}) and
 * at least one destination is set; the runner starts the delivery workers and stops them when it
 * closes. Applicants can ask for a copy of their answers when the outbox renders with the
 * runner's templates. Backs off from a {@link Submissions} bean of the application's, which the
 * runner then uses.
 */
@AutoConfiguration(after = {CivicKitWebAutoConfiguration.class, CivicKitNotifyAutoConfiguration.class})
@ConditionalOnClass({Submissions.class, JourneyRunner.class})
@EnableConfigurationProperties(SubmitProperties.class)
public class CivicKitSubmitAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitSubmitAutoConfiguration() {}

  /**
   * The submissions service, built but not started (the runner starts it).
   *
   * @param p the {@code civickit.submit.*} settings
   * @param form the runner's form: its id names the destinations
   * @param dataSource the application's database
   * @param keys the key ring that encrypts stored documents
   * @param notifier the outbox, for applicant copies
   * @param renderer the outbox's templates: applicant copies only when they have the runner's
   * @param environment for {@code spring.mail.*}, {@code civickit.notify.from} and the council's name
   * @return the service
   * @throws CivicKitConfigurationException if a destination's settings are missing or wrong
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({Form.class, DataSource.class, KeyRing.class})
  @Conditional(AnyDestination.class)
  public Submissions civicKitSubmissions(SubmitProperties p, Form form, DataSource dataSource, KeyRing keys,
      ObjectProvider<Notifier> notifier, ObjectProvider<MessageRenderer> renderer, Environment environment) {
    Submissions.Builder s = Submissions.builder().dataSource(dataSource).keyRing(keys).workers(1)
        .councilName(environment.getProperty("civickit.web.council", "Your council"));
    if (renderer.getIfUnique() instanceof Templates t && t.ids().contains(RunnerTemplates.SUBMISSION_COPY)) {
      notifier.ifUnique(n -> s.applicantCopies(n, RunnerTemplates.SUBMISSION_COPY));
    }
    if (p.folder() != null) {
      s.destination(form.id(), Destination.folder(p.folder()));
    }
    if (present(p.email().to())) {
      s.destination(form.id(), teamEmail(p.email(), environment));
    }
    if (p.webhook().url() != null) {
      s.destination(form.id(), webhook(p.webhook()));
    }
    return s.build();
  }

  /**
   * Hands the submissions (the starter's or the application's) to the runner.
   *
   * @param submissions the submissions, if there are any
   * @param p the {@code civickit.submit.*} settings, for the retention
   * @return the customizer
   */
  @Bean
  public JourneyRunnerCustomizer civicKitSubmissionsCustomizer(ObjectProvider<Submissions> submissions,
      SubmitProperties p) {
    return runner -> submissions.ifUnique(s -> runner.submissions(s).submissionRetention(p.retention()));
  }

  private static Destination teamEmail(SubmitProperties.Email email, Environment environment) {
    Binder binder = Binder.get(environment);
    String host = binder.bind("spring.mail.host", String.class).orElse(null);
    if (!present(host)) {
      throw new CivicKitConfigurationException("spring.mail.host",
          "civickit.submit.email.to is set, but spring.mail.host is not set.",
          "Set spring.mail.host (and spring.mail.port, spring.mail.username and spring.mail.password as your mail "
              + "server needs) to the server that sends applications to the team, or remove civickit.submit.email.to.");
    }
    String from = present(email.from()) ? email.from() : environment.getProperty("civickit.notify.from");
    if (!present(from)) {
      throw new CivicKitConfigurationException("civickit.submit.email.from",
          "civickit.submit.email.to is set, but neither civickit.submit.email.from nor civickit.notify.from is set.",
          "Set civickit.submit.email.from (or civickit.notify.from) to the address applications are sent from, for "
              + "example forms@council.gov.uk.");
    }
    String protocol = binder.bind("spring.mail.protocol", String.class).orElse("smtp");
    boolean startTls = "true".equalsIgnoreCase(environment.getProperty(
        "spring.mail.properties.mail.smtp.starttls.enable", "false").strip());
    TeamEmail.Smtp mail = TeamEmail.smtp().host(host).ssl("smtps".equals(protocol)).startTls(startTls)
        .port(binder.bind("spring.mail.port", Integer.class).orElse("smtps".equals(protocol) ? 465 : 25));
    String user = binder.bind("spring.mail.username", String.class).orElse(null);
    if (user != null) {
      mail.credentials(user, binder.bind("spring.mail.password", String.class).orElse(""));
    }
    try {
      mail.from(from);
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.submit.email.from", "The sender address of applications "
          + "(civickit.submit.email.from, or civickit.notify.from) is not an email address.",
          "Set civickit.submit.email.from to an email address, for example forms@council.gov.uk.");
    }
    try {
      mail.to(email.to());
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.submit.email.to", "civickit.submit.email.to is not an email "
          + "address.", "Set civickit.submit.email.to to the team's address, for example waste-team@council.gov.uk.");
    }
    return mail.build();
  }

  private static Destination webhook(SubmitProperties.Webhook w) {
    String remedy = "Set civickit.submit.webhook.secret (or the environment variable CIVICKIT_SUBMIT_WEBHOOK_SECRET) to "
        + "the signing secret the case system checks, at least 32 random bytes (openssl rand -base64 32 writes one).";
    if (!present(w.secret())) {
      throw new CivicKitConfigurationException("civickit.submit.webhook.secret",
          "civickit.submit.webhook.url is set, but civickit.submit.webhook.secret is not set.", remedy);
    }
    CaseWebhook.Builder hook = CaseWebhook.builder();
    try {
      hook.url(w.url());
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.submit.webhook.url", "civickit.submit.webhook.url must be an "
          + "http or https URL, but was " + w.url() + ".", "Set civickit.submit.webhook.url to the case system's "
          + "endpoint, for example https://crm.council.gov.uk/civickit.");
    }
    int length = w.secret().getBytes(StandardCharsets.UTF_8).length;
    if (length < 32) {
      throw new CivicKitConfigurationException("civickit.submit.webhook.secret", "civickit.submit.webhook.secret must "
          + "be at least 32 bytes, but was " + length + ".", remedy);
    }
    hook.secret(w.secret());
    return hook.build();
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  /** At least one destination is set. */
  static final class AnyDestination extends AnyNestedCondition {
    AnyDestination() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("civickit.submit.folder")
    static final class Folder {}

    @ConditionalOnProperty("civickit.submit.email.to")
    static final class Email {}

    @ConditionalOnProperty("civickit.submit.webhook.url")
    static final class Webhook {}
  }
}
