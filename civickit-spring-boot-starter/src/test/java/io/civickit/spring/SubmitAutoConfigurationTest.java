package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.submit.Submissions;
import io.civickit.testsupport.H2Database;
import io.civickit.core.progress.KeyRing;
import io.civickit.web.JourneyRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;

class SubmitAutoConfigurationTest {
  static final String FORM = WebAutoConfigurationTest.FORM;

  @Test
  void aTeamInboxFolderGivesTheRunnerSubmissionsThatOfferApplicantsACopy(@TempDir Path inbox) {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.folder=" + inbox).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(Submissions.class);
      Submissions submissions = ctx.getBean(Submissions.class);
      assertThat(ctx.getBean(JourneyRunner.class).submissions()).containsSame(submissions);
      assertThat(submissions.sendsApplicantCopies()).isTrue();
    });
  }

  @Test
  void withoutADestinationThereAreNoSubmissions() {
    RunnerParts.web().withPropertyValues(FORM).run(ctx -> {
      assertThat(ctx).hasNotFailed().doesNotHaveBean(Submissions.class);
      assertThat(ctx.getBean(JourneyRunner.class).submissions()).isEmpty();
    });
  }

  @Test
  void withoutSdkSubmitThereAreNoSubmissions(@TempDir Path inbox) {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.folder=" + inbox)
        .withClassLoader(new FilteredClassLoader(Submissions.class))
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().doesNotHaveBean(Submissions.class);
          assertThat(ctx.getBean(JourneyRunner.class).submissions()).isEmpty();
        });
  }

  @Test
  void theApplicationsOwnSubmissionsAreTheOnesTheRunnerUses(@TempDir Path inbox) {
    Submissions own = Submissions.builder().dataSource(H2Database.inMemory().dataSource())
        .keyRing(KeyRing.generate("k1")).councilName("Anytown Council").build();
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.folder=" + inbox)
        .withBean(Submissions.class, () -> own)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(Submissions.class)).isSameAs(own);
          assertThat(ctx.getBean(JourneyRunner.class).submissions()).containsSame(own);
        });
  }

  @Test
  void aWebhookWithoutItsSecretStopsTheStartSayingWhatToSet() {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.webhook.url=https://crm.example.gov.uk/in").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription())
          .isEqualTo("civickit.submit.webhook.url is set, but civickit.submit.webhook.secret is not set.");
      assertThat(a.getAction()).isEqualTo("Set civickit.submit.webhook.secret (or the environment variable "
          + "CIVICKIT_SUBMIT_WEBHOOK_SECRET) to the signing secret the case system checks, at least 32 random bytes "
          + "(openssl rand -base64 32 writes one).");
    });
  }

  @Test
  void aShortWebhookSecretIsRefusedWithItsLengthNotItsValue() {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.webhook.url=https://crm.example.gov.uk/in",
        "civickit.submit.webhook.secret=hunter2").run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription())
              .isEqualTo("civickit.submit.webhook.secret must be at least 32 bytes, but was 7.");
          assertThat(a.getDescription() + a.getAction()).doesNotContain("hunter2");
        });
  }

  @Test
  void aTeamAddressWithoutAMailServerStopsTheStartSayingWhatToSet() {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.email.to=waste-team@example.gov.uk").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("civickit.submit.email.to is set, but spring.mail.host is not set.");
      assertThat(a.getAction()).isEqualTo("Set spring.mail.host (and spring.mail.port, spring.mail.username and "
          + "spring.mail.password as your mail server needs) to the server that sends applications to the team, or "
          + "remove civickit.submit.email.to.");
    });
  }

  @Test
  void aTeamAddressWithoutASenderStopsTheStartSayingWhatToSet() {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.email.to=waste-team@example.gov.uk",
        "spring.mail.host=127.0.0.1").run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("civickit.submit.email.to is set, but neither "
              + "civickit.submit.email.from nor civickit.notify.from is set.");
          assertThat(a.getAction()).isEqualTo("Set civickit.submit.email.from (or civickit.notify.from) to the "
              + "address applications are sent from, for example forms@council.gov.uk.");
        });
  }

  @Test
  void aTeamAddressWithAMailServerAndSenderIsADestination() {
    RunnerParts.web().withPropertyValues(FORM, "civickit.submit.email.to=waste-team@example.gov.uk",
        "spring.mail.host=127.0.0.1", "civickit.notify.from=no-reply@example.gov.uk")
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(Submissions.class));
  }
}
