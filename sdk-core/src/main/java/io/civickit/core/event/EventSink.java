package io.civickit.core.event;

import io.civickit.core.event.internal.JdbcEventSink;
import io.civickit.core.event.internal.Slf4jEventSink;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where journey events go. Publishing must not throw for an infrastructure fault that the
 * journey can survive; implementations log and carry on, or say in their docs that they don't.
 */
@FunctionalInterface
public interface EventSink {

  /** Publishes one event. */
  void publish(JourneyEvent event);

  /** Drops every event. */
  static EventSink none() {
    return e -> { };
  }

  /** Logs each event at INFO on the logger {@code io.civickit.events}: type, ids, step, outcome; never answers. */
  static EventSink slf4j() {
    return new Slf4jEventSink();
  }

  /** Appends events to the {@code civickit_journey_events} table (see {@code META-INF/civickit/sql}). */
  static EventSink jdbc(DataSource dataSource) {
    return new JdbcEventSink(dataSource);
  }

  /** Publishes to every sink in order. */
  static EventSink all(EventSink... sinks) {
    List<EventSink> list = List.of(sinks);
    return e -> list.forEach(s -> s.publish(e));
  }
}
