package io.civickit.pay.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.StorageUnavailableException;
import io.civickit.pay.step.PaymentLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link PaymentLedger} in {@code civickit_payments}. Error messages name the operation and
 * the SQL state only: drivers quote values in theirs.
 */
public final class JdbcLedger implements PaymentLedger {
  private static final String UNFINISHED_IN = "('creating', 'created', 'started', 'submitted')";
  private final DataSource dataSource;

  /** A ledger on this data source. */
  public JdbcLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  @Override
  public void record(Entry e) {
    try (Connection c = dataSource.getConnection()) {
      if (update(c, e) == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_payments (idempotency_key, journey_id,"
            + " attempt, payment_id, status, updated_at) VALUES (?,?,?,?,?,?)")) {
          ps.setString(1, e.idempotencyKey());
          ps.setString(2, e.journeyId().value());
          ps.setInt(3, e.attempt());
          ps.setString(4, e.paymentId().orElse(null));
          ps.setString(5, e.status());
          ps.setObject(6, utc(e.updatedAt()));
          ps.executeUpdate();
        } catch (SQLException dup) {
          // Another instance inserted the same attempt first: update it instead.
          if (update(c, e) == 0) {
            throw dup;
          }
        }
      }
    } catch (SQLException ex) {
      throw new StorageUnavailableException("civickit_payments", "record payment attempt " + e.attempt() + " of journey "
          + e.journeyId(), ex);
    }
  }

  private static int update(Connection c, Entry e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_payments SET payment_id = COALESCE(?, payment_id),"
        + " status = ?, updated_at = ? WHERE idempotency_key = ?")) {
      ps.setString(1, e.paymentId().orElse(null));
      ps.setString(2, e.status());
      ps.setObject(3, utc(e.updatedAt()));
      ps.setString(4, e.idempotencyKey());
      return ps.executeUpdate();
    }
  }

  @Override
  public void forget(JourneyId journeyId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_payments WHERE journey_id = ?")) {
      ps.setString(1, journeyId.value());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StorageUnavailableException("civickit_payments", "forget the payments of journey " + journeyId, ex);
    }
  }

  @Override
  public Optional<JourneyId> journeyOf(String paymentId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT journey_id FROM civickit_payments WHERE payment_id = ?")) {
      ps.setString(1, paymentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? JourneyId.tryParse(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StorageUnavailableException("civickit_payments", "look a payment up", ex);
    }
  }

  @Override
  public List<JourneyId> claimUnfinished(Instant cutoff, Instant now, Duration lease, int limit) {
    List<String[]> due = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, journey_id FROM civickit_payments"
          + " WHERE status IN " + UNFINISHED_IN + " AND updated_at < ? AND (lease_until IS NULL OR lease_until < ?)"
          + " ORDER BY updated_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        ps.setObject(1, utc(cutoff));
        ps.setObject(2, utc(now));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      List<JourneyId> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_payments SET lease_until = ?"
          + " WHERE idempotency_key = ? AND (lease_until IS NULL OR lease_until < ?)")) {
        for (String[] row : due) {
          ps.setObject(1, utc(now.plus(lease)));
          ps.setString(2, row[0]);
          ps.setObject(3, utc(now));
          if (ps.executeUpdate() == 1) {
            JourneyId.tryParse(row[1]).ifPresent(claimed::add);
          }
        }
      }
      return claimed;
    } catch (SQLException ex) {
      throw new StorageUnavailableException("civickit_payments", "claim unfinished payments", ex);
    }
  }
}
