package io.civickit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code base-path} setting. */
class ServiceSettingsBasePathTest {
  @TempDir Path dir;

  private ServiceSettings settings(String... lines) throws IOException {
    Path file = dir.resolve("service.properties");
    Files.writeString(file, "form = /test-form.json\nport = 0\n" + String.join("\n", lines) + "\n");
    return ServiceSettings.load(file.toString(), new String[0], Map.of()).with("data-dir", dir.resolve("data").toString())
        .with("outbox-dir", dir.resolve("outbox").toString());
  }

  @Test
  void theRunnerIsMountedAtTheBasePathAndAtTheRootWithoutOne() throws IOException {
    try (JourneyRunner runner = settings("base-path = /report-a-missed-bin").runner().build()) {
      assertThat(runner.basePath()).isEqualTo("/report-a-missed-bin");
    }
    try (JourneyRunner runner = settings().runner().build()) {
      assertThat(runner.basePath()).isEqualTo("/");
    }
  }

  @Test
  void aBasePathThatIsNotAPlainPathIsRefusedWithTheSettingNamed() {
    assertThatThrownBy(() -> settings("base-path = report/").runner())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("base-path"))
        .hasMessageStartingWith("base-path must be / or a path like /report-a-missed-bin")
        .hasMessageContaining("but was \"report/\"");
  }
}
