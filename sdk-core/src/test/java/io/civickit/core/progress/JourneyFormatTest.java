package io.civickit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.UnreadableDataException;
import io.civickit.core.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyFormatTest {

  @Test
  void aSavedJourneyReadsBackEqualThroughThePublicFormat() {
    Instant now = Instant.parse("2026-11-01T10:00:00Z");
    Journey saved = ProgressStore.inMemory().save(new Journey(JourneyId.random(), Reference.random(), "garden-waste", 1,
        "bins", Map.of("bins", Answer.of(Value.text("two"))), Map.of(), List.of("start"), Optional.empty(),
        JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(), "none", Map.of(), Map.of(), now,
        now, 0));
    byte[] bytes = JourneyFormat.encode(saved);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"f\":1,");
    Journey read = JourneyFormat.decode(bytes, saved.version());
    assertThat(read).isEqualTo(saved);
    assertThat(JourneyFormat.decode(bytes, 9).version()).isEqualTo(9);
  }

  @Test
  void bytesThatAreNotAJourneyAreUnreadableData() {
    assertThatThrownBy(() -> JourneyFormat.decode("{\"f\":1}".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(UnreadableDataException.class).hasMessageContaining("\"id\" is missing");
    assertThatThrownBy(() -> JourneyFormat.decode("not json".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(UnreadableDataException.class).hasMessageNotContaining("not json");
  }
}
