package io.civickit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.test.internal.AtOnce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventSink} that keeps journey events must meet, CivicKit's own and a
 * supplier's (a sink into a data warehouse, a queue): every event type is kept whole, in the
 * order published, and none is lost when many journeys publish at once. Extend it, return the
 * sink, and read back what it kept for a journey:
 *
 * <pre>{@code
 * class MyEventSinkTest extends EventSinkContract {
 *   @Override protected EventSink newSink() { return new WarehouseSink(table); }
 *   @Override protected List<JourneyEvent> recorded(JourneyId journey) { return readBack(table, journey); }
 * }
 * }</pre>
 */
public abstract class EventSinkContract {
  /** When the events here happen (whole milliseconds, as a database keeps them). */
  protected static final Instant AT = Instant.parse("2026-11-28T10:15:30.456Z");

  /** The sink under test (the same one or a new one over the same storage, each call). */
  protected abstract EventSink newSink();

  /** The events the sink kept for a journey, in the order they were published. */
  protected abstract List<JourneyEvent> recorded(JourneyId journey);

  /** A journey on the online channel, in a segment and an experiment arm. */
  protected static JourneyEvent.Subject subject() {
    return new JourneyEvent.Subject(JourneyId.random(), "garden-waste", 2, Channel.ONLINE, Optional.of("over-75"),
        Map.of("nudge", "b"));
  }

  /** One event of every type, for one journey. */
  protected static List<JourneyEvent> everyType(JourneyEvent.Subject s) {
    return List.of(
        new JourneyEvent.Started(s, AT, Actor.citizen()),
        new JourneyEvent.StepCompleted(s, AT.plusMillis(1), "name", Actor.adviser("staff-1")),
        new JourneyEvent.ValidationFailed(s, AT.plusMillis(2), "dob", List.of("dob-day", "dob-month"), 3),
        new JourneyEvent.Saved(s, AT.plusMillis(3), "dob"),
        new JourneyEvent.Resumed(s, AT.plusMillis(4), "dob"),
        new JourneyEvent.HandedOff(s, AT.plusMillis(5), "dob", HandoffReason.REPEATED_VALIDATION_FAILURES, "web-chat"),
        new JourneyEvent.HandoffAccepted(s, AT.plusMillis(6), "dob", Actor.adviser("agent-9")),
        new JourneyEvent.HandoffResolved(s, AT.plusMillis(7), "dob", Actor.adviser("agent-9")),
        new JourneyEvent.HandedBack(s, AT.plusMillis(8), "dob", Actor.adviser("agent-9")),
        new JourneyEvent.PaymentFailed(s, AT.plusMillis(9), "pay", "P0030"),
        new JourneyEvent.Abandoned(s, AT.plusMillis(10), "pay"),
        new JourneyEvent.Expired(s, AT.plusMillis(11), "pay"),
        new JourneyEvent.Completed(s, AT.plusMillis(12), Outcome.INELIGIBLE, Actor.citizen()));
  }

  @Test
  void everyEventTypeIsKeptWholeAndInOrder() {
    EventSink sink = newSink();
    JourneyEvent.Subject s = subject();
    List<JourneyEvent> events = everyType(s);
    events.forEach(sink::publish);
    assertThat(recorded(s.journeyId())).containsExactlyElementsOf(events);
  }

  @Test
  void aJourneyWithNoSegmentOrArmIsKeptAsItWas() {
    EventSink sink = newSink();
    JourneyEvent.Subject plain = new JourneyEvent.Subject(JourneyId.random(), "missed-bin", 1, Channel.TELEPHONE,
        Optional.empty(), Map.of());
    JourneyEvent started = new JourneyEvent.Started(plain, AT, Actor.adviser("staff-2"));
    sink.publish(started);
    assertThat(recorded(plain.journeyId())).containsExactly(started);
  }

  @Test
  void journeysKeepTheirOwnEvents() {
    EventSink sink = newSink();
    JourneyEvent.Subject a = subject();
    JourneyEvent.Subject b = subject();
    JourneyEvent aStarted = new JourneyEvent.Started(a, AT, Actor.citizen());
    JourneyEvent bStarted = new JourneyEvent.Started(b, AT, Actor.citizen());
    JourneyEvent aSaved = new JourneyEvent.Saved(a, AT.plusSeconds(1), "address");
    sink.publish(aStarted);
    sink.publish(bStarted);
    sink.publish(aSaved);
    assertThat(recorded(a.journeyId())).containsExactly(aStarted, aSaved);
    assertThat(recorded(b.journeyId())).containsExactly(bStarted);
    assertThat(recorded(JourneyId.random())).isEmpty();
  }

  @Test
  void noEventIsLostWhenManyJourneysPublishAtOnce() throws Exception {
    EventSink sink = newSink();
    int journeys = 8;
    List<JourneyEvent.Subject> subjects = new ArrayList<>();
    for (int i = 0; i < journeys; i++) {
      subjects.add(subject());
    }
    List<Callable<Void>> publishers = new ArrayList<>();
    for (JourneyEvent.Subject s : subjects) {
      publishers.add(() -> {
        everyType(s).forEach(sink::publish);
        return null;
      });
    }
    AtOnce.run(publishers);
    for (JourneyEvent.Subject s : subjects) {
      assertThat(recorded(s.journeyId())).containsExactlyElementsOf(everyType(s));
    }
  }
}
