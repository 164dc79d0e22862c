package io.civickit.notify.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void workerSettingsTakeTheirBoundsAndRefuseWhatIsOutsideWithTheValue() {
    assertThat(Settings.maxAttempts(1)).isEqualTo(1);
    assertThatThrownBy(() -> Settings.maxAttempts(0)).hasMessage("max attempts must be at least 1, but was 0");
    assertThat(Settings.lease(Duration.ofMillis(2))).isEqualTo(Duration.ofMillis(2));
    assertThatThrownBy(() -> Settings.lease(Duration.ofMillis(1)))
        .hasMessage("the lease must be at least 2 ms, but was PT0.001S");
    assertThatThrownBy(() -> Settings.lease(null)).isInstanceOf(NullPointerException.class).hasMessage("lease");
    assertThat(Settings.batchSize(1)).isEqualTo(1);
    assertThat(Settings.batchSize(1000)).isEqualTo(1000);
    assertThatThrownBy(() -> Settings.batchSize(1001)).hasMessage("the batch size must be 1 to 1000, but was 1001");
    assertThatThrownBy(() -> Settings.batchSize(0)).hasMessage("the batch size must be 1 to 1000, but was 0");
    assertThatThrownBy(() -> Settings.positive(Duration.ZERO, "poll interval"))
        .hasMessage("the poll interval must be positive, but was PT0S");
  }
}
