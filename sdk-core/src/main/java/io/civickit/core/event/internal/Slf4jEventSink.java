package io.civickit.core.event.internal;

import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs events without answers or personal data: the JSON form holds ids, steps and outcomes only. */
public final class Slf4jEventSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger("io.civickit.events");

  @Override
  public void publish(JourneyEvent event) {
    if (LOG.isInfoEnabled()) {
      LOG.info("journey event {}", JourneyEvents.toJson(event));
    }
  }
}
