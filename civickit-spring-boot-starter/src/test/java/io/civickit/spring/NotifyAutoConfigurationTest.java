package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.FileOutbox;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.template.Templates;
import io.civickit.spring.internal.OutboxWorkersLifecycle;
import io.civickit.test.notify.FakeNotify;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotifyAutoConfigurationTest {
  @RegisterExtension static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Templates TEMPLATES = Templates.builder()
      .email("confirmation", "Report ((reference)) received", "We have your report ((reference)).")
      .build();

  static NotificationRequest confirmation(String to) {
    return new NotificationRequest("confirmation", new Recipient.Email(to), Map.of("reference", "HDJ4-7KX2"),
        UUID.randomUUID().toString(), Locale.UK);
  }

  static ApplicationContextRunner withTemplates() {
    return Contexts.withDatabase().withBean(MessageRenderer.class, () -> TEMPLATES);
  }

  @Test
  void byDefaultNotificationsAreWrittenToTheOutboxFolder(@TempDir Path dir) throws Exception {
    withTemplates().withPropertyValues("civickit.notify.outbox-dir=" + dir, "civickit.notify.workers=0").run(ctx -> {
      Outbox outbox = ctx.getBean(Outbox.class);
      outbox.enqueue(confirmation("resident@example.com"));
      assertThat(outbox.runOnce()).isEqualTo(1);
      try (Stream<Path> files = Files.list(dir)) {
        Path eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
        assertThat(Files.readString(eml)).contains("Subject: Report HDJ4-7KX2 received");
      }
    });
  }

  @Test
  void smtpSendsThroughTheApplicationsSpringMailServerFromTheWorkersTheContextStarted() throws Exception {
    withTemplates().withPropertyValues("civickit.notify.channel=smtp", "civickit.notify.from=no-reply@council.example",
        "civickit.notify.from-name=Anytown Council", "civickit.notify.poll-interval=50ms",
        "spring.mail.host=127.0.0.1", "spring.mail.port=" + MAIL.getSmtp().getPort()).run(ctx -> {
          assertThat(ctx.getBean(OutboxWorkersLifecycle.class).isRunning()).isTrue();
          ctx.getBean(Outbox.class).enqueue(confirmation("resident@example.com"));
          // No runOnce here: the worker the context started sends it.
          assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
          MimeMessage m = MAIL.getReceivedMessages()[0];
          assertThat(m.getSubject()).isEqualTo("Report HDJ4-7KX2 received");
          assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("no-reply@council.example");
          assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Anytown Council");
        });
  }

  @Test
  void theWorkersStopWithTheApplicationContext() {
    OutboxWorkersLifecycle[] seen = new OutboxWorkersLifecycle[1];
    withTemplates().withPropertyValues("civickit.notify.workers=2").run(ctx -> {
      seen[0] = ctx.getBean(OutboxWorkersLifecycle.class);
      assertThat(seen[0].isRunning()).isTrue();
      assertThat(seen[0].count()).isEqualTo(2);
    });
    assertThat(seen[0].isRunning()).isFalse();
  }

  @Test
  void notifySendsToGovUkNotifyWithTheConfiguredTemplateIds() {
    try (FakeNotify notify = FakeNotify.start()) {
      String templateId = UUID.randomUUID().toString();
      notify.template(templateId, "email", "Report ((reference)) received", "We have your report ((reference)).");
      withTemplates().withPropertyValues("civickit.notify.channel=notify", "civickit.notify.workers=0",
          "civickit.notify.api-key=" + notify.apiKey(), "civickit.notify.base-url=" + notify.baseUrl(),
          "civickit.notify.templates.confirmation=" + templateId).run(ctx -> {
            Outbox outbox = ctx.getBean(Outbox.class);
            var id = outbox.enqueue(confirmation("resident@example.com"));
            outbox.runOnce();
            assertThat(outbox.find(id)).get().extracting(m -> m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(notify.sent()).singleElement().satisfies(n -> {
              assertThat(n.templateId()).isEqualTo(templateId);
              assertThat(n.recipient()).isEqualTo("resident@example.com");
              assertThat(n.personalisation()).containsEntry("reference", "HDJ4-7KX2");
            });
          });
    }
  }

  @Test
  void smtpWithoutSpringMailHostStopsTheStartSayingWhatToSet() {
    withTemplates().withPropertyValues("civickit.notify.channel=smtp", "civickit.notify.from=no-reply@council.example")
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("civickit.notify.channel is smtp, but spring.mail.host is not set.");
          assertThat(a.getAction()).isEqualTo("Set spring.mail.host (and spring.mail.port, spring.mail.username and "
              + "spring.mail.password as your mail server needs), or choose another channel with "
              + "civickit.notify.channel=file|notify.");
        });
  }

  @Test
  void smtpWithoutAFromAddressStopsTheStartSayingWhatToSet() {
    withTemplates().withPropertyValues("civickit.notify.channel=smtp", "spring.mail.host=127.0.0.1").run(ctx ->
        assertThat(Contexts.analysis(ctx.getStartupFailure()).getDescription())
            .isEqualTo("civickit.notify.channel is smtp, but civickit.notify.from is not set."));
  }

  @Test
  void notifyWithoutAnApiKeyStopsTheStartSayingWhatToSet() {
    withTemplates().withPropertyValues("civickit.notify.channel=notify").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("civickit.notify.channel is notify, but civickit.notify.api-key is "
          + "not set.");
      assertThat(a.getAction()).isEqualTo("Set civickit.notify.api-key (or the environment variable "
          + "CIVICKIT_NOTIFY_APIKEY) to the service's GOV.UK Notify API key, and "
          + "civickit.notify.templates.<template id>=<Notify template id> for each template.");
    });
  }

  @Test
  void aMalformedNotifyApiKeyIsRefusedWithoutRepeatingIt() {
    withTemplates().withPropertyValues("civickit.notify.channel=notify", "civickit.notify.api-key=secret-looking-text")
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("civickit.notify.api-key is not a GOV.UK Notify API key.");
          assertThat(a.getDescription() + a.getAction()).doesNotContain("secret-looking-text");
        });
  }

  @Test
  void withoutTheApplicationsTemplatesThereIsAChannelButNoOutbox() {
    Contexts.withDatabase().run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(NotificationChannel.class)
        .doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxWorkersLifecycle.class));
  }

  @Test
  void theApplicationsOwnChannelWins(@TempDir Path dir) {
    NotificationChannel own = FileOutbox.in(dir);
    withTemplates().withPropertyValues("civickit.notify.channel=notify")
        .withBean(NotificationChannel.class, () -> own)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(NotificationChannel.class)).isSameAs(own);
        });
  }

  @Test
  void withoutSdkNotifyThereIsNoChannelNorOutbox() {
    withTemplates().withClassLoader(new FilteredClassLoader(Outbox.class)).run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean(NotificationChannel.class).doesNotHaveBean(Outbox.class));
  }

  @Test
  void aNegativeWorkerCountIsRefusedWithTheValue() {
    withTemplates().withPropertyValues("civickit.notify.workers=-1").run(ctx ->
        assertThat(ctx.getStartupFailure()).rootCause()
            .hasMessage("civickit.notify.workers must be 0 or more, but was -1"));
  }
}
