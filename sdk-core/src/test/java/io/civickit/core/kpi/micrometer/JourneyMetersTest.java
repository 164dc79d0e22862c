package io.civickit.core.kpi.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.JourneyEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyMetersTest {
  @Test
  void countsEventsWithLowCardinalityTagsOnly() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JourneyMeters meters = new JourneyMeters();
    JourneyEvent.Subject s = new JourneyEvent.Subject(JourneyId.random(), "garden-waste", 1, Channel.ONLINE,
        Optional.of("over-75"), Map.of("chat", "a"));
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    meters.publish(new JourneyEvent.Started(s, now, Actor.citizen())); // before binding: ignored
    meters.bindTo(registry);
    meters.publish(new JourneyEvent.Started(s, now, Actor.citizen()));
    meters.publish(new JourneyEvent.Started(s, now, Actor.citizen()));
    meters.publish(new JourneyEvent.HandedOff(s, now, "name", HandoffReason.ASKED_FOR_HELP, "web-chat"));
    meters.publish(new JourneyEvent.Completed(s, now, Outcome.INELIGIBLE, Actor.citizen()));

    assertThat(registry.get(JourneyMeters.COUNTER).tag("type", "started").counter().count()).isEqualTo(2.0);
    assertThat(registry.get(JourneyMeters.COUNTER).tag("type", "handed_off").tag("reason", "ASKED_FOR_HELP")
        .counter().count()).isEqualTo(1.0);
    assertThat(registry.get(JourneyMeters.COUNTER).tag("outcome", "INELIGIBLE").tag("segment", "over-75")
        .counter().count()).isEqualTo(1.0);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags()).noneMatch(t -> t.getValue().equals(s.journeyId().value()));
      assertThat(m.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
          .containsExactlyInAnyOrder("service", "type", "channel", "segment", "outcome", "reason");
    }
  }
}
