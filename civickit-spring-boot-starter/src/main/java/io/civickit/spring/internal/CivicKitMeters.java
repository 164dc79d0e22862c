package io.civickit.spring.internal;

import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the work waiting in CivicKit's tables: outbox messages by status (the backlog is
 * {@code queued} and {@code sending}, dead letters are {@code failed}) and open handoffs by
 * status. Each table is read at most once per time-to-live however many gauges a scrape samples;
 * a gauge reads {@code NaN} while its table cannot be read.
 */
public final class CivicKitMeters implements MeterBinder {
  /** Outbox messages by status. */
  public static final String OUTBOX = "civickit.outbox.messages";
  /** Open handoffs by status. */
  public static final String HANDOFFS = "civickit.handoffs.open";
  /** Open handoffs are counted up to this many per status. */
  public static final int HANDOFF_COUNT_LIMIT = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(CivicKitMeters.class);

  private final @Nullable Snapshot<Map<OutboxStatus, Long>> outbox;
  private final @Nullable Snapshot<Map<HandoffStatus, Long>> handoffs;

  /**
   * Creates the binder.
   *
   * @param outbox the outbox, if there is one
   * @param handoffs the handoff store, if there is one
   * @param clock the clock the time-to-live is measured with
   * @param ttl how long one reading of a table serves
   */
  public CivicKitMeters(@Nullable Outbox outbox, @Nullable HandoffStore handoffs, Clock clock, Duration ttl) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ttl, "ttl");
    this.outbox = outbox == null ? null : new Snapshot<>(outbox::counts, clock, ttl);
    this.handoffs = handoffs == null ? null : new Snapshot<>(() -> {
      Map<HandoffStatus, Long> m = new EnumMap<>(HandoffStatus.class);
      for (HandoffStatus s : HandoffStatus.values()) {
        if (s.isOpen()) {
          m.put(s, (long) handoffs.findByStatus(s, HANDOFF_COUNT_LIMIT).size());
        }
      }
      return m;
    }, clock, ttl);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (outbox != null) {
      for (OutboxStatus s : OutboxStatus.values()) {
        Gauge.builder(OUTBOX, () -> read(outbox, s))
            .description("Notifications in the outbox by status: queued and sending are the backlog, failed the "
                + "dead letters")
            .tag("status", s.name().toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
    if (handoffs != null) {
      for (HandoffStatus s : HandoffStatus.values()) {
        if (s.isOpen()) {
          Gauge.builder(HANDOFFS, () -> read(handoffs, s))
              .description("Handoffs waiting for or with an adviser, counted up to " + HANDOFF_COUNT_LIMIT)
              .tag("status", s.name().toLowerCase(Locale.ROOT))
              .register(registry);
        }
      }
    }
  }

  private static <K> double read(Snapshot<Map<K, Long>> snapshot, K key) {
    try {
      return snapshot.get().getOrDefault(key, 0L);
    } catch (RuntimeException e) {
      // The class only: a driver's message may quote values.
      LOG.debug("could not read a CivicKit gauge: {}", e.getClass().getName());
      return Double.NaN;
    }
  }
}
