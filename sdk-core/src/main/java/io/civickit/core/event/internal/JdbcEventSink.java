package io.civickit.core.event.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Appends events to {@code civickit_journey_events}. The columns KPIs group and filter on are
 * stored as columns; the whole event is kept as JSON too, so nothing is lost.
 */
public final class JdbcEventSink implements EventSink {
  static final String INSERT = "INSERT INTO civickit_journey_events"
      + " (journey_id, event_type, definition_id, definition_version, channel, segment, step_id, outcome,"
      + " reason, actor_kind, occurred_at, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

  static final String INSERT_ARM = "INSERT INTO civickit_journey_arms (journey_id, experiment, arm) VALUES (?,?,?)";

  private final DataSource dataSource;

  public JdbcEventSink(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void publish(JourneyEvent e) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        bind(ps, e);
        ps.executeUpdate();
      }
      insertArms(c, e);
    } catch (SQLException ex) {
      throw new StorageUnavailableException("civickit_journey_events", "record " + e.type() + " event for journey "
          + e.subject().journeyId(), ex);
    }
  }

  /** Binds one event to {@link #INSERT}; shared with batch loaders. */
  public static void bind(PreparedStatement ps, JourneyEvent e) throws SQLException {
    JourneyEvent.Subject s = e.subject();
    ps.setString(1, s.journeyId().value());
    ps.setString(2, e.type());
    ps.setString(3, s.definitionId());
    ps.setInt(4, s.definitionVersion());
    ps.setString(5, s.channel().name());
    setNullable(ps, 6, s.segment().orElse(null));
    setNullable(ps, 7, JourneyEvents.stepId(e).orElse(null));
    setNullable(ps, 8, e instanceof JourneyEvent.Completed x ? x.outcome().name() : null);
    setNullable(ps, 9, e instanceof JourneyEvent.HandedOff x ? x.reason().name()
        : e instanceof JourneyEvent.PaymentFailed p ? p.code() : null);
    String actor = null;
    if (e instanceof JourneyEvent.Completed x) {
      actor = x.actor().kind().name();
    } else if (e instanceof JourneyEvent.StepCompleted x) {
      actor = x.actor().kind().name();
    } else if (e instanceof JourneyEvent.Started x) {
      actor = x.actor().kind().name();
    } else if (e instanceof JourneyEvent.HandedBack x) {
      actor = x.agent().kind().name();
    } else if (e instanceof JourneyEvent.HandoffAccepted x) {
      actor = x.agent().kind().name();
    } else if (e instanceof JourneyEvent.HandoffResolved x) {
      actor = x.agent().kind().name();
    }
    setNullable(ps, 10, actor);
    ps.setObject(11, java.time.OffsetDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC));
    ps.setString(12, JourneyEvents.toJson(e));
  }

  /**
   * Records the experiment arms of a started event in {@code civickit_journey_arms}, the table
   * KPIs by arm group on. Other events carry arms in their JSON only.
   */
  public static void insertArms(Connection c, JourneyEvent e) throws SQLException {
    if (!(e instanceof JourneyEvent.Started) || e.subject().arms().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_ARM)) {
      for (var arm : e.subject().arms().entrySet()) {
        ps.setString(1, e.subject().journeyId().value());
        ps.setString(2, arm.getKey());
        ps.setString(3, arm.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The insert statement, for batch loaders. */
  public static String insertSql() {
    return INSERT;
  }

  private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }
}
