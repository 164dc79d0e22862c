package io.civickit.core.kpi;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.kpi.internal.InMemoryKpis;
import io.civickit.core.kpi.internal.SqlKpis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Computes journey KPIs (see {@link KpiRow} for the definitions) from events, in memory or
 * with SQL on the JDBC event table. Both give the same numbers for the same events.
 *
 * <pre>{@code
 * KpiQuery q = KpiQuery.builder().definition("garden-waste").by(KpiQuery.Grouping.SEGMENT)
 *     .period(KpiQuery.PeriodUnit.MONTH, ZoneId.of("Europe/London")).costs(UnitCosts.socitmIndicative()).build();
 * KpiReport fromDatabase = Kpis.compute(dataSource, q);   // millions of events: the database aggregates
 * KpiReport fromList = Kpis.compute(eventLog.events(), q);
 * System.out.println(fromDatabase.toCsv());
 * }</pre>
 */
public final class Kpis {
  private Kpis() {}

  /** KPIs from events in memory, in the order they happened (an {@code EventLog}, a JSON Lines file). */
  public static KpiReport compute(List<JourneyEvent> events, KpiQuery query) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(query, "query");
    return InMemoryKpis.compute(events, query);
  }

  /**
   * KPIs with SQL on {@code civickit_journey_events}, as written by {@code EventSink.jdbc}: the
   * database does the counting, so nothing but the totals is loaded.
   */
  public static KpiReport compute(DataSource dataSource, KpiQuery query) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(query, "query");
    return SqlKpis.compute(dataSource, query);
  }

  /**
   * Records a transaction completed off the digital service (a paper form, a phone call that
   * never touched a journey), so digital take-up and cost per transaction count it. It is
   * published as a started and a completed event, at the same instant, of a new journey id on
   * the offline channel. (A handed-off journey an adviser completes offline is recorded by
   * {@code Handoffs.completeOffline} instead.)
   *
   * @return the id the transaction was recorded under
   * @throws IllegalArgumentException if the channel is digital: digital completions come from journeys
   */
  public static JourneyId recordOffline(EventSink sink, String definitionId, Channel channel, Outcome outcome,
      Actor recordedBy, Instant at, Optional<String> segment) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(outcome, "outcome");
    if (channel.isDigital()) {
      throw new IllegalArgumentException(channel + " is a digital channel: only offline completions are recorded this way");
    }
    JourneyId id = JourneyId.random();
    JourneyEvent.Subject s = new JourneyEvent.Subject(id, definitionId, 1, channel, segment, Map.of());
    sink.publish(new JourneyEvent.Started(s, at, recordedBy));
    sink.publish(new JourneyEvent.Completed(s, at, outcome, recordedBy));
    return id;
  }
}
