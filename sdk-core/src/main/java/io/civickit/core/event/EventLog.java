package io.civickit.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventSink} that keeps every event in memory, in order: for tests, previews and small services. */
public final class EventLog implements EventSink {
  private final List<JourneyEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void publish(JourneyEvent event) {
    events.add(event);
  }

  /** A snapshot of the events so far, oldest first. */
  public List<JourneyEvent> events() {
    return List.copyOf(new ArrayList<>(events));
  }

  /** The events of one type, oldest first. */
  public <T extends JourneyEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Forgets every event. */
  public void clear() {
    events.clear();
  }
}
