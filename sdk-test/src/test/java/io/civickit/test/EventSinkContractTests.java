package io.civickit.test;

import io.civickit.core.JourneyId;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.event.JourneyEvents;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CivicKit's own journey event sinks that keep events, each run through the one contract. */
class EventSinkContractTests {

  /** What the JDBC sink kept for a journey, read back from its table in the order written. */
  static List<JourneyEvent> fromTable(DataSource ds, JourneyId journey) {
    List<JourneyEvent> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT payload FROM civickit_journey_events WHERE journey_id = ? ORDER BY event_id")) {
      ps.setString(1, journey.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(JourneyEvents.fromJson(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Nested
  class InMemoryLog extends EventSinkContract {
    private final EventLog log = new EventLog();

    @Override
    protected EventSink newSink() {
      return log;
    }

    @Override
    protected List<JourneyEvent> recorded(JourneyId journey) {
      return log.events().stream().filter(e -> e.subject().journeyId().equals(journey)).toList();
    }
  }

  @Nested
  class OnH2 extends EventSinkContract {
    private final DataSource ds = H2Database.inMemory().dataSource();

    OnH2() {
      Schema.install(ds);
    }

    @Override
    protected EventSink newSink() {
      return EventSink.jdbc(ds);
    }

    @Override
    protected List<JourneyEvent> recorded(JourneyId journey) {
      return fromTable(ds, journey);
    }
  }
}

class PostgresEventSinkContractTest extends EventSinkContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource());
  }

  @Override
  protected EventSink newSink() {
    return EventSink.jdbc(PG.dataSource());
  }

  @Override
  protected List<JourneyEvent> recorded(JourneyId journey) {
    return EventSinkContractTests.fromTable(PG.dataSource(), journey);
  }
}
