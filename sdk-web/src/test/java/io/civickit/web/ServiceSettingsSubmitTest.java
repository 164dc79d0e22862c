package io.civickit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.submit.Submissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code submit.*} settings: destinations, retention, and what a missing secret or a bad value says. */
class ServiceSettingsSubmitTest {
  @TempDir Path dir;

  private ServiceSettings settings(Map<String, String> env, String... lines) throws IOException {
    Path file = dir.resolve("service.properties");
    Files.writeString(file, "form = /test-form.json\nport = 0\n" + String.join("\n", lines) + "\n");
    return ServiceSettings.load(file.toString(), new String[0], env).with("data-dir", dir.resolve("data").toString())
        .with("outbox-dir", dir.resolve("outbox").toString());
  }

  @Test
  void byDefaultCompletedApplicationsGoToTheTeamInboxFolderAndCopiesCanBeSent() throws IOException {
    try (JourneyRunner runner = settings(Map.of()).runner().build()) {
      Submissions s = runner.submissions().orElseThrow();
      assertThat(s.sendsApplicantCopies()).isTrue();
      assertThat(s.toString()).contains("suite-form");
      assertThat(runner.purgeNow()).containsKey("submissions");
    }
  }

  @Test
  void theTeamEmailAndTheCaseWebhookAreBuiltFromSettingsAndTheEnvironment() throws IOException {
    Map<String, String> env = Map.of("CIVICKIT_SMTP_HOST", "127.0.0.1", "CIVICKIT_SMTP_FROM", "forms@anytown.gov.uk",
        "CIVICKIT_SUBMIT_WEBHOOK_SECRET", "a-shared-secret-of-at-least-32-bytes!",
        "CIVICKIT_SUBMIT_EMAIL_TO", "team@anytown.gov.uk");
    try (JourneyRunner runner = settings(env, "submit.webhook.url = https://crm.anytown.gov.uk/in",
        "submit.folder = none", "submit.retention = P30D").runner().build()) {
      assertThat(runner.submissions()).isPresent();
    }
  }

  @Test
  void aWebhookWithoutItsSecretOrABadRetentionIsRefusedWithTheSettingNamed() throws IOException {
    assertThatThrownBy(() -> settings(Map.of(), "submit.webhook.url = https://crm.anytown.gov.uk/in").runner())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set the environment variable CIVICKIT_SUBMIT_WEBHOOK_SECRET for submit.webhook.url");
    assertThatThrownBy(() -> settings(Map.of(), "submit.email.to = team@anytown.gov.uk").runner())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set the environment variable CIVICKIT_SMTP_HOST for submit.email.to");
    assertThatThrownBy(() -> settings(Map.of(), "submit.retention = soon").runner())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("submit.retention must be a number of days (90) or an ISO-8601 duration (P90D)")
        .hasMessageContaining("\"soon\"");
  }
}
