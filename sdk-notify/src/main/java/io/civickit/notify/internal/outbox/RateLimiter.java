package io.civickit.notify.internal.outbox;

import io.civickit.notify.outbox.RateLimit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Rate limits in the database, shared by every instance: a token bucket per channel in
 * {@code civickit_outbox_bucket} and a daily count in {@code civickit_outbox_rate}. Every take
 * is one conditional UPDATE, so two instances can never both take the last token. Runs on a
 * connection in auto-commit mode.
 */
final class RateLimiter {
  private final ZoneId zone;

  RateLimiter(ZoneId zone) {
    this.zone = zone;
  }

  /** Takes one token; if there is none, returns when the next one is due. */
  Optional<Instant> tryAcquire(Connection c, String channel, RateLimit limit, Instant now) throws SQLException {
    long nowMs = now.toEpochMilli();
    String dayBucket = null;
    if (limit.perDay().isPresent()) {
      LocalDate day = LocalDate.ofInstant(now, zone);
      long dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
      dayBucket = channel + "|day|" + day;
      if (!takeDaily(c, dayBucket, limit.perDay().getAsInt(), dayEnd, nowMs)) {
        return Optional.of(Instant.ofEpochMilli(dayEnd));
      }
    }
    Optional<Long> wait = takeToken(c, channel, limit, nowMs);
    if (wait.isPresent()) {
      if (dayBucket != null) {
        giveBackDaily(c, dayBucket);
      }
      return Optional.of(Instant.ofEpochMilli(nowMs + wait.get()));
    }
    return Optional.empty();
  }

  /** Empty if a token was taken, else how many milliseconds until one is due. */
  private static Optional<Long> takeToken(Connection c, String bucket, RateLimit limit, long nowMs) throws SQLException {
    double rate = (double) limit.limit() / limit.per().toMillis();
    if (refillAndTake(c, bucket, limit.burst(), rate, nowMs)) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO civickit_outbox_bucket (bucket, tokens, refilled_ms) VALUES (?, ?, ?)")) {
      ps.setString(1, bucket);
      ps.setDouble(2, limit.burst() - 1);
      ps.setLong(3, nowMs);
      ps.executeUpdate();
      return Optional.empty();
    } catch (SQLException e) {
      if (!OutboxRows.isUniqueViolation(e)) {
        throw e;
      }
    }
    // The bucket exists and is empty (or was created by another worker just now).
    if (refillAndTake(c, bucket, limit.burst(), rate, nowMs)) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT tokens, refilled_ms FROM civickit_outbox_bucket WHERE bucket = ?")) {
      ps.setString(1, bucket);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.of(1L);
        }
        double tokens = Math.min(limit.burst(), rs.getDouble(1) + Math.max(0, nowMs - rs.getLong(2)) * rate);
        return Optional.of(Math.max(1L, (long) Math.ceil((1 - tokens) / rate)));
      }
    }
  }

  private static boolean refillAndTake(Connection c, String bucket, int burst, double rate, long nowMs)
      throws SQLException {
    String refilled = "LEAST(CAST(? AS DOUBLE PRECISION), tokens + GREATEST(CAST(0 AS BIGINT), CAST(? AS BIGINT) - refilled_ms)"
        + " * CAST(? AS DOUBLE PRECISION))";
    try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox_bucket SET tokens = " + refilled
        + " - 1, refilled_ms = GREATEST(refilled_ms, CAST(? AS BIGINT)) WHERE bucket = ? AND " + refilled + " >= 1")) {
      ps.setDouble(1, burst);
      ps.setLong(2, nowMs);
      ps.setDouble(3, rate);
      ps.setLong(4, nowMs);
      ps.setString(5, bucket);
      ps.setDouble(6, burst);
      ps.setLong(7, nowMs);
      ps.setDouble(8, rate);
      return ps.executeUpdate() == 1;
    }
  }

  private static boolean takeDaily(Connection c, String bucket, int limit, long expiresMs, long nowMs)
      throws SQLException {
    if (incrementDaily(c, bucket, limit)) {
      return true;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO civickit_outbox_rate (bucket, used, expires_ms) VALUES (?, 1, ?)")) {
      ps.setString(1, bucket);
      ps.setLong(2, expiresMs);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!OutboxRows.isUniqueViolation(e)) {
        throw e;
      }
      return incrementDaily(c, bucket, limit);
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM civickit_outbox_rate WHERE expires_ms < ?")) {
      ps.setLong(1, nowMs - 86_400_000L);
      ps.executeUpdate();
    }
    return true;
  }

  private static boolean incrementDaily(Connection c, String bucket, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_outbox_rate SET used = used + 1 WHERE bucket = ? AND used < ?")) {
      ps.setString(1, bucket);
      ps.setInt(2, limit);
      return ps.executeUpdate() == 1;
    }
  }

  private static void giveBackDaily(Connection c, String bucket) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_outbox_rate SET used = used - 1 WHERE bucket = ? AND used > 0")) {
      ps.setString(1, bucket);
      ps.executeUpdate();
    }
  }
}
