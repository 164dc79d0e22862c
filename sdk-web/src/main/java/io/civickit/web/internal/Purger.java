package io.civickit.web.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.handoff.HandoffId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the library's purges on a schedule: expired sessions, journeys past their retention,
 * identity entries past their expiry (attempt counts for made-up names among them), and closed
 * handoffs past their retention (sdk-core's rows and the agent console's context packages), and stored
 * submission documents past theirs once every destination holds them. One instance at a
 * time does it: each run first takes a lease row in the shared database.
 */
public final class Purger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Purger.class);
  private static final String LEASE = "purge";

  private final Engine engine;
  private final String holder = UUID.randomUUID().toString();
  private ScheduledExecutorService scheduler;

  Purger(Engine engine) {
    this.engine = engine;
  }

  void start() {
    long every = engine.config.purgeEvery().toMillis();
    if (every <= 0) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "civickit-web-purge");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        runIfLeader();
      } catch (RuntimeException e) {
        LOG.warn("the scheduled purge failed: {}", e.getClass().getName());
      }
    }, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the purges if this instance holds (or can take) the lease.
   *
   * @return rows deleted by kind, or empty when another instance holds the lease
   */
  public Map<String, Integer> runIfLeader() {
    if (!takeLease()) {
      return Map.of();
    }
    return runNow();
  }

  /**
   * Runs every purge now.
   *
   * @return rows deleted by kind
   */
  public Map<String, Integer> runNow() {
    Instant now = engine.config.clock().instant();
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("sessions", engine.sessions.purgeExpired());
    out.put("journeys", engine.journeys.purgeExpired());
    out.put("identity", engine.identityStore.purgeExpired(now));
    out.put("handoffs", engine.helpDesk.purgeBefore(now.minus(engine.config.handoffRetention()),
        id -> engine.handoffs.find(new HandoffId(id)).map(h -> h.status().isOpen()).orElse(false))
        + engine.handoffStore.purgeClosedBefore(now.minus(engine.config.handoffRetention())));
    engine.submissionHook.ifPresent(h -> {
      out.put("late-submissions", h.catchUp(now));
      out.put("submissions", h.purge(now));
    });
    LOG.info("purged {}", out);
    return out;
  }

  private boolean takeLease() {
    long now = engine.config.clock().millis();
    long until = now + Math.max(engine.config.purgeEvery().toMillis(), 60_000) - 1000;
    try (Connection c = engine.config.dataSource().getConnection()) {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE civickit_web_leases SET holder = ?, until_ms = ? WHERE name = ? AND (until_ms < ? OR holder = ?)")) {
        up.setString(1, holder);
        up.setLong(2, until);
        up.setString(3, LEASE);
        up.setLong(4, now);
        up.setString(5, holder);
        if (up.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement in = c.prepareStatement(
          "INSERT INTO civickit_web_leases (name, holder, until_ms) VALUES (?, ?, ?)")) {
        in.setString(1, LEASE);
        in.setString(2, holder);
        in.setLong(3, until);
        return in.executeUpdate() == 1;
      } catch (SQLException e) {
        return false;   // another instance holds it
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_web_leases", "take the purge lease", e);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
