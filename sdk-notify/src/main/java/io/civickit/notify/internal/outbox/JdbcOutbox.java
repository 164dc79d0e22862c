package io.civickit.notify.internal.outbox;

import io.civickit.core.CivicKitException;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxMessage;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.outbox.RateLimit;
import io.civickit.notify.outbox.RecipientKind;
import io.civickit.notify.outbox.StatusChange;
import io.civickit.notify.outbox.StatusListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outbox on JDBC: one code path for H2 and PostgreSQL. */
public final class JdbcOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

  private static final String COLUMNS = "id, idempotency_key, template_id, language, recipients, recipient_index,"
      + " personalisation, status, attempts, next_attempt_ms, outcome_unknown, channel, provider_id, last_error";

  private final OutboxConfig config;
  private final RateLimiter rateLimiter;
  private final AtomicLong claims = new AtomicLong();

  public JdbcOutbox(OutboxConfig config) {
    this.config = config;
    this.rateLimiter = new RateLimiter(config.zone());
  }

  // ---------------------------------------------------------------- enqueue

  @Override
  public NotificationId send(NotificationRequest request) {
    return enqueue(request);
  }

  @Override
  public NotificationId enqueue(NotificationRequest request) {
    return enqueue(request, List.of());
  }

  @Override
  public NotificationId enqueue(NotificationRequest request, List<Recipient> alternatives) {
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(true);
      return enqueue(c, request, alternatives);
    } catch (SQLException e) {
      throw new CivicKitException("could not queue notification " + request.idempotencyKey() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public NotificationId enqueue(Connection connection, NotificationRequest request) {
    return enqueue(connection, request, List.of());
  }

  @Override
  public NotificationId enqueue(Connection c, NotificationRequest request, List<Recipient> alternatives) {
    List<Recipient> recipients = chain(request.recipient(), alternatives);
    String id = UUID.randomUUID().toString();
    long now = config.clock().millis();
    try {
      Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_outbox (id, idempotency_key, template_id,"
          + " language, recipients, recipient_index, personalisation, status, attempts, next_attempt_ms,"
          + " outcome_unknown, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, 0, ?, 'QUEUED', 0, ?, FALSE, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, request.idempotencyKey());
        ps.setString(3, request.templateId());
        ps.setString(4, request.language().toLanguageTag());
        ps.setString(5, seal(id, Codec.recipients(recipients)));
        ps.setString(6, seal(id, Codec.personalisation(request.personalisation())));
        ps.setLong(7, now);
        ps.setLong(8, now);
        ps.setLong(9, now);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (!isUniqueViolation(e)) {
          throw e;
        }
        if (savepoint != null) {
          c.rollback(savepoint);
        }
        Optional<String> existing = idForKey(c, request.idempotencyKey());
        if (existing.isEmpty()) {
          throw new CivicKitException("notification " + request.idempotencyKey()
              + " clashed with another of the same key that is not visible yet: retry", e);
        }
        LOG.debug("notification {} was queued already as {}", request.idempotencyKey(), existing.get());
        return new NotificationId(existing.get());
      }
      if (savepoint != null) {
        c.releaseSavepoint(savepoint);
      }
    } catch (SQLException e) {
      throw new CivicKitException("could not queue notification " + request.idempotencyKey() + ": " + e.getMessage(), e);
    }
    LOG.debug("queued {} as {} to {}", request.idempotencyKey(), id, request.recipient());
    fire(new StatusChange(new NotificationId(id), request.idempotencyKey(), Optional.empty(), OutboxStatus.QUEUED,
        Optional.empty(), Optional.empty(), Optional.empty(), Instant.ofEpochMilli(now)));
    return new NotificationId(id);
  }

  /** The primary recipient, then one alternative of each kind the fallback order allows after it. */
  List<Recipient> chain(Recipient primary, List<Recipient> alternatives) {
    List<Recipient> out = new ArrayList<>();
    out.add(primary);
    List<RecipientKind> order = config.fallback();
    int at = order.indexOf(RecipientKind.of(primary));
    if (at < 0) {
      return out;
    }
    for (RecipientKind kind : order.subList(at + 1, order.size())) {
      alternatives.stream().filter(r -> RecipientKind.of(r) == kind).findFirst().ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> idForKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM civickit_outbox WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- workers

  /** A claimed row. */
  private record Claimed(String id, String key, String templateId, Locale language, List<Recipient> recipients,
      int recipientIndex, Map<String, Object> personalisation, int attempts, boolean outcomeUnknown, String lease) {}

  @Override
  public int runOnce() {
    long claimedAt = config.clock().millis();
    String lease = config.instanceId() + ":" + claims.incrementAndGet();
    try (Connection c = config.dataSource().getConnection()) {
      List<Claimed> batch = claim(c, lease, claimedAt);
      Map<String, Instant> deniedUntil = new HashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        if (config.clock().millis() > claimedAt + config.lease().toMillis() / 2) {
          LOG.info("half the lease has gone: handing back {} of {} claimed messages", batch.size() - i, batch.size());
          for (Claimed rest : batch.subList(i, batch.size())) {
            requeueUnused(c, rest, Instant.ofEpochMilli(config.clock().millis()), "lease running out");
          }
          break;
        }
        process(c, batch.get(i), deniedUntil);
      }
      return batch.size();
    } catch (SQLException e) {
      throw new CivicKitException("the outbox could not reach its database: " + e.getMessage(), e);
    }
  }

  private List<Claimed> claim(Connection c, String lease, long now) throws SQLException {
    List<Claimed> batch = new ArrayList<>();
    List<Boolean> wasSending = new ArrayList<>();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM civickit_outbox"
          + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
          + " ORDER BY next_attempt_ms FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
        ps.setLong(1, now);
        ps.setLong(2, now);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            boolean reclaimed = "SENDING".equals(rs.getString("status"));
            wasSending.add(reclaimed);
            batch.add(new Claimed(rs.getString("id"), rs.getString("idempotency_key"), rs.getString("template_id"),
                Locale.forLanguageTag(rs.getString("language")),
                Codec.recipients(unseal(rs.getString("id"), rs.getString("recipients"))),
                rs.getInt("recipient_index"),
                Codec.personalisation(unseal(rs.getString("id"), rs.getString("personalisation"))),
                rs.getInt("attempts") + 1, rs.getBoolean("outcome_unknown") || reclaimed, lease));
          }
        }
      }
      if (!batch.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox SET status = 'SENDING',"
            + " lease_owner = ?, lease_until_ms = ?, attempts = ?, outcome_unknown = ?, updated_ms = ? WHERE id = ?")) {
          for (Claimed m : batch) {
            ps.setString(1, lease);
            ps.setLong(2, now + config.lease().toMillis());
            ps.setInt(3, m.attempts());
            ps.setBoolean(4, m.outcomeUnknown());
            ps.setLong(5, now);
            ps.setString(6, m.id());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    for (int i = 0; i < batch.size(); i++) {
      Claimed m = batch.get(i);
      if (wasSending.get(i)) {
        LOG.info("reclaimed {} after its lease ran out: will check before sending again", m.key());
      }
      fire(change(m, Optional.of(wasSending.get(i) ? OutboxStatus.SENDING : OutboxStatus.QUEUED), OutboxStatus.SENDING,
          Optional.empty(), Optional.empty(), Optional.empty()));
    }
    return batch;
  }

  private void process(Connection c, Claimed m, Map<String, Instant> deniedUntil) throws SQLException {
    Recipient recipient = m.recipients().get(m.recipientIndex());
    String key = m.recipientIndex() == 0 ? m.key() : m.key() + "~fallback-" + m.recipientIndex();
    Optional<NotificationChannel> found = config.channels().stream().filter(ch -> ch.supports(recipient)).findFirst();
    if (found.isEmpty()) {
      failForGood(c, m, Optional.empty(), "no channel can send to a " + RecipientKind.of(recipient));
      return;
    }
    NotificationChannel channel = found.get();
    NotificationRequest request = new NotificationRequest(m.templateId(), recipient, m.personalisation(), key,
        m.language());
    RenderedMessage message;
    try {
      message = config.renderer().render(request);
    } catch (RuntimeException e) {
      failForGood(c, m, Optional.of(channel.name()), "could not render template " + m.templateId() + ": "
          + e.getMessage());
      return;
    }
    OutgoingNotification outgoing;
    try {
      outgoing = OutgoingNotification.of(request, message);
    } catch (IllegalArgumentException e) {
      failForGood(c, m, Optional.of(channel.name()), e.getMessage());
      return;
    }

    if (m.outcomeUnknown() && channel.canLookUp()) {
      try {
        Optional<SendResult.Accepted> earlier = channel.lookup(key);
        if (earlier.isPresent()) {
          LOG.info("{} was accepted by {} on an earlier attempt: not sending again", key, channel.name());
          markSent(c, m, channel.name(), earlier.get().providerId());
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("could not check whether {} was sent already ({}): will try again later", key, e.getMessage());
        retryLater(c, m, channel.name(), "lookup failed: " + e.getMessage(), Optional.empty(), true);
        return;
      }
    }

    RateLimit limit = config.rateLimits().get(channel.name());
    if (limit != null) {
      Instant now = config.clock().instant();
      Instant denied = deniedUntil.get(channel.name());
      if (denied == null || !now.isBefore(denied)) {
        denied = rateLimiter.tryAcquire(c, channel.name(), limit, now).orElse(null);
        if (denied != null) {
          deniedUntil.put(channel.name(), denied);
        }
      }
      if (denied != null) {
        requeueUnused(c, m, denied, "rate limit for " + channel.name());
        return;
      }
    }

    SendResult result;
    try {
      result = channel.send(outgoing);
    } catch (RuntimeException e) {
      LOG.error("channel {} threw for {} instead of returning a result", channel.name(), key, e);
      result = new SendResult.UnknownOutcome("channel threw " + e.getClass().getName());
    }
    if (result instanceof SendResult.Accepted a) {
      markSent(c, m, channel.name(), a.providerId());
    } else if (result instanceof SendResult.PermanentFailure p) {
      failForGood(c, m, Optional.of(channel.name()), p.reason());
    } else if (result instanceof SendResult.RetryableFailure r) {
      retryOrFail(c, m, channel.name(), r.reason(), r.retryAfter(), false);
    } else {
      retryOrFail(c, m, channel.name(), ((SendResult.UnknownOutcome) result).reason(), Optional.empty(), true);
    }
  }

  private void retryOrFail(Connection c, Claimed m, String channel, String reason, Optional<Duration> retryAfter,
      boolean unknown) throws SQLException {
    if (m.attempts() >= config.maxAttempts()) {
      failForGood(c, m, Optional.of(channel), "gave up after " + m.attempts() + " attempts: " + reason);
    } else {
      retryLater(c, m, channel, reason, retryAfter, unknown);
    }
  }

  private void retryLater(Connection c, Claimed m, String channel, String reason, Optional<Duration> retryAfter,
      boolean unknown) throws SQLException {
    Duration wait;
    synchronized (config.random()) {
      wait = config.backoff().delay(m.attempts(), config.random());
    }
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      wait = retryAfter.get();
    }
    long now = config.clock().millis();
    boolean stored = update(c, m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, next_attempt_ms = ?,"
        + " outcome_unknown = ?, channel = ?, last_error = ?, updated_ms = ?", now + wait.toMillis(), unknown, channel,
        truncate(reason), now);
    if (stored) {
      LOG.info("{} attempt {} through {} failed ({}): retrying in {} ms", m.key(), m.attempts(), channel, reason,
          wait.toMillis());
      fire(change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, Optional.of(channel), Optional.empty(),
          Optional.of(reason)));
    }
  }

  /** Hands a claimed message back without using up an attempt (rate limited, lease running out). */
  private void requeueUnused(Connection c, Claimed m, Instant at, String why) throws SQLException {
    boolean stored = update(c, m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, next_attempt_ms = ?,"
        + " attempts = ?, updated_ms = ?", at.toEpochMilli(), m.attempts() - 1, config.clock().millis());
    if (stored) {
      LOG.debug("{} handed back until {}: {}", m.key(), at, why);
      fire(change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, Optional.empty(), Optional.empty(),
          Optional.of(why)));
    }
  }

  private void markSent(Connection c, Claimed m, String channel, String providerId) throws SQLException {
    long now = config.clock().millis();
    boolean stored = update(c, m, "status = 'SENT', lease_owner = NULL, lease_until_ms = NULL, outcome_unknown = FALSE,"
        + " channel = ?, provider_id = ?, personalisation = '{}', updated_ms = ?", channel, providerId, now);
    if (stored) {
      fire(change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.SENT, Optional.of(channel), Optional.of(providerId),
          Optional.empty()));
    } else {
      LOG.warn("{} was sent as {} but this worker had lost its lease: another worker will find it by lookup", m.key(),
          providerId);
    }
  }

  private void failForGood(Connection c, Claimed m, Optional<String> channel, String reason) throws SQLException {
    long now = config.clock().millis();
    if (m.recipientIndex() + 1 < m.recipients().size()) {
      Recipient next = m.recipients().get(m.recipientIndex() + 1);
      boolean stored = update(c, m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, recipient_index = ?,"
          + " attempts = 0, next_attempt_ms = ?, outcome_unknown = FALSE, channel = ?, last_error = ?, updated_ms = ?",
          m.recipientIndex() + 1, now, channel.orElse(null), truncate(reason), now);
      if (stored) {
        LOG.info("{} failed for good to {} ({}): falling back to {}", m.key(), m.recipients().get(m.recipientIndex()),
            reason, next);
        fire(change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, channel, Optional.empty(),
            Optional.of(reason)));
      }
      return;
    }
    boolean stored = update(c, m, "status = 'FAILED', lease_owner = NULL, lease_until_ms = NULL, channel = ?,"
        + " last_error = ?, personalisation = '{}', updated_ms = ?", channel.orElse(null), truncate(reason), now);
    if (stored) {
      LOG.warn("{} dead-lettered: {}", m.key(), reason);
      fire(change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.FAILED, channel, Optional.empty(),
          Optional.of(reason)));
    }
  }

  /** Updates a claimed row only while this claim still holds its lease. */
  private static boolean update(Connection c, Claimed m, String set, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox SET " + set
        + " WHERE id = ? AND lease_owner = ? AND status = 'SENDING'")) {
      int i = 1;
      for (Object v : values) {
        ps.setObject(i++, v);
      }
      ps.setString(i++, m.id());
      ps.setString(i, m.lease());
      return ps.executeUpdate() == 1;
    }
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }

  private StatusChange change(Claimed m, Optional<OutboxStatus> from, OutboxStatus to, Optional<String> channel,
      Optional<String> providerId, Optional<String> error) {
    return new StatusChange(new NotificationId(m.id()), m.key(), from, to, channel, providerId, error,
        config.clock().instant());
  }

  private void fire(StatusChange change) {
    for (StatusListener l : config.listeners()) {
      try {
        l.onStatusChange(change);
      } catch (RuntimeException e) {
        LOG.warn("a status listener threw for {}: {}", change.idempotencyKey(), e.toString());
      }
    }
  }

  @Override
  public Workers startWorkers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("start at least 1 worker, but was " + count);
    }
    CountDownLatch stop = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(() -> work(stop), "civickit-outbox-" + config.instanceId() + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return () -> {
      stop.countDown();
      for (Thread t : threads) {
        try {
          t.join(config.lease().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    };
  }

  private void work(CountDownLatch stop) {
    while (stop.getCount() > 0) {
      int claimed = 0;
      try {
        claimed = runOnce();
      } catch (RuntimeException e) {
        LOG.warn("outbox worker failed a round: {}", e.getMessage());
      }
      if (claimed == 0) {
        try {
          if (stop.await(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  // ---------------------------------------------------------------- queries

  @Override
  public Optional<OutboxMessage> find(NotificationId id) {
    return query("id", id.value());
  }

  @Override
  public Optional<OutboxMessage> findByKey(String idempotencyKey) {
    return query("idempotency_key", idempotencyKey);
  }

  private Optional<OutboxMessage> query(String column, String value) {
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM civickit_outbox WHERE " + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        List<Recipient> recipients = Codec.recipients(unseal(rs.getString("id"), rs.getString("recipients")));
        return Optional.of(new OutboxMessage(new NotificationId(rs.getString("id")), rs.getString("idempotency_key"),
            rs.getString("template_id"), recipients.get(rs.getInt("recipient_index")),
            OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
            Instant.ofEpochMilli(rs.getLong("next_attempt_ms")), Optional.ofNullable(rs.getString("channel")),
            Optional.ofNullable(rs.getString("provider_id")), Optional.ofNullable(rs.getString("last_error"))));
      }
    } catch (SQLException e) {
      throw new CivicKitException("could not read the outbox: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean markDelivered(NotificationId id) {
    long now = config.clock().millis();
    String key;
    try (Connection c = config.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE civickit_outbox SET status = 'DELIVERED', updated_ms = ? WHERE id = ? AND status = 'SENT'")) {
        ps.setLong(1, now);
        ps.setString(2, id.value());
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, channel, provider_id FROM civickit_outbox"
          + " WHERE id = ?")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          key = rs.getString(1);
          fire(new StatusChange(id, key, Optional.of(OutboxStatus.SENT), OutboxStatus.DELIVERED,
              Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)), Optional.empty(),
              Instant.ofEpochMilli(now)));
        }
      }
      return true;
    } catch (SQLException e) {
      throw new CivicKitException("could not update the outbox: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<OutboxStatus, Long> counts() {
    Map<OutboxStatus, Long> out = new EnumMap<>(OutboxStatus.class);
    for (OutboxStatus s : OutboxStatus.values()) {
      out.put(s, 0L);
    }
    try (Connection c = config.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM civickit_outbox GROUP BY status")) {
      while (rs.next()) {
        out.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new CivicKitException("could not read the outbox: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "JdbcOutbox[" + config.instanceId() + ", channels=" + config.channels().stream()
        .map(NotificationChannel::name).toList() + "]";
  }
  /** Prefix of a column value sealed with the key ring; JSON never starts with it. */
  private static final String SEALED = "sealed:";

  /** Encrypts a column value under the key ring, bound to the message id; the clear text when there is none. */
  private String seal(String id, String json) {
    if (config.keyRing().isEmpty()) {
      return json;
    }
    byte[] sealed = config.keyRing().get().encrypt(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return SEALED + java.util.Base64.getEncoder().encodeToString(sealed);
  }

  /** Reverses {@link #seal}; values written without a key ring pass through. */
  private String unseal(String id, String stored) {
    if (!stored.startsWith(SEALED)) {
      return stored;
    }
    if (config.keyRing().isEmpty()) {
      throw new CivicKitException("outbox message " + id + " is encrypted but the outbox has no key ring:"
          + " call Outbox.builder().keyRing(...)");
    }
    byte[] sealed = java.util.Base64.getDecoder().decode(stored.substring(SEALED.length()));
    return new String(config.keyRing().get().decrypt(sealed, id.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
