package io.civickit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.UnreadableDataException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyEventsTest {
  private static final JourneyEvent.Subject S = new JourneyEvent.Subject(JourneyId.random(), "garden-waste", 2,
      Channel.ONLINE, Optional.of("over-75"), Map.of("nudge", "b"));
  private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");

  @Test
  void everyEventTypeRoundTripsThroughJson() {
    List<JourneyEvent> all = List.of(
        new JourneyEvent.Started(S, AT, Actor.citizen()),
        new JourneyEvent.StepCompleted(S, AT, "name", Actor.adviser("staff-1")),
        new JourneyEvent.ValidationFailed(S, AT, "dob", List.of("dob-day", "dob-month"), 3),
        new JourneyEvent.Saved(S, AT, "dob"),
        new JourneyEvent.Resumed(S, AT, "dob"),
        new JourneyEvent.HandedOff(S, AT, "dob", HandoffReason.REPEATED_VALIDATION_FAILURES, "web-chat"),
        new JourneyEvent.HandedBack(S, AT, "dob", Actor.adviser("agent-9")),
        new JourneyEvent.Completed(S, AT, Outcome.INELIGIBLE, Actor.citizen()),
        new JourneyEvent.Abandoned(new JourneyEvent.Subject(JourneyId.random(), "x", 1, Channel.TELEPHONE,
            Optional.empty(), Map.of()), AT, "a"),
        new JourneyEvent.Expired(S, AT, "dob"));
    for (JourneyEvent e : all) {
      String json = JourneyEvents.toJson(e);
      assertThat(json).doesNotContain("\n");
      assertThat(JourneyEvents.fromJson(json)).isEqualTo(e);
    }
  }

  @Test
  void badLinesAreClearErrors() {
    assertThatThrownBy(() -> JourneyEvents.fromJson("{\"type\":\"started\"}"))
        .isInstanceOf(UnreadableDataException.class).hasMessage("a journey event: it needs \"journeyId\"");
    assertThatThrownBy(() -> JourneyEvents.fromJson("[1,2]"))
        .isInstanceOf(UnreadableDataException.class).hasMessage("a journey event: it is not a JSON object");
    assertThatThrownBy(() -> JourneyEvents.fromJson("{not json"))
        .isInstanceOf(UnreadableDataException.class).hasMessageStartingWith("a journey event: it is not JSON");
  }
}
