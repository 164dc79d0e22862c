package io.civickit.notify.internal.outbox;

import io.civickit.core.Failures;
import io.civickit.core.StorageUnavailableException;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.outbox.OutboxRows.Claimed;
import io.civickit.notify.internal.outbox.OutboxRows.Outcome;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxMessage;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.outbox.RateLimit;
import io.civickit.notify.outbox.RecipientKind;
import io.civickit.notify.outbox.StatusChange;
import io.civickit.notify.outbox.StatusListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox on JDBC: one code path for H2 and PostgreSQL.
 *
 * <p>A worker claims a batch with {@code SELECT ... FOR UPDATE SKIP LOCKED} and leases it, then
 * renders and sends each message, keeping each outcome in memory; the batch's outcomes are
 * written together, each guarded by the lease, in one transaction. In the worker loop that
 * transaction also claims the next batch, and runs on a helper thread while the worker sends, so
 * a busy worker commits once per batch and rarely waits for the database. Only the rate limiter
 * writes per message (one conditional UPDATE, auto-committed, so that every instance sees it at
 * once).
 *
 * <p>The trade-off: until a batch's outcomes are written, its sent messages are still
 * {@code SENDING}. If the process dies in that window they are claimed again when the lease runs
 * out, marked as unknown outcomes, and looked up (if the channel can) or sent again with the same
 * idempotency key, which the receiver deduplicates on. Nothing is lost; at worst a receiver
 * without look-up sees a batch's keys a second time, as it already could for one message.
 *
 * <p>This class is the facade and what happens to one message (render, look up, rate-limit, send,
 * turn the decision into the row's update). The decisions are {@link DeliveryPolicy}'s, the SQL
 * {@link OutboxRows}', the threads {@link OutboxWorkers}' and the column encryption
 * {@link OutboxColumnCipher}'s.
 */
public final class JdbcOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

  private final OutboxConfig config;
  private final RateLimiter rateLimiter;
  private final DeliveryPolicy policy;
  private final OutboxRows rows;
  private final OutboxWorkers workers;
  private final AtomicLong claims = new AtomicLong();

  /** An outbox with these settings (see {@link Outbox#builder()}). */
  public JdbcOutbox(OutboxConfig config) {
    this.config = config;
    this.rows = new OutboxRows(config, new OutboxColumnCipher(config.keyRing()));
    this.workers = new OutboxWorkers(config, this);
    this.rateLimiter = new RateLimiter(config.zone());
    this.policy = new DeliveryPolicy(config.maxAttempts(), config.backoff(), config.random(), config.clock());
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
      throw new StorageUnavailableException("civickit_outbox", "queue notification " + request.idempotencyKey(), e);
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
      try {
        rows.insert(c, id, request, recipients, now);
      } catch (SQLException e) {
        if (!OutboxRows.isUniqueViolation(e)) {
          throw e;
        }
        if (savepoint != null) {
          c.rollback(savepoint);
        }
        Optional<String> existing = OutboxRows.idForKey(c, request.idempotencyKey());
        if (existing.isEmpty()) {
          throw new StorageUnavailableException("civickit_outbox", "queue notification " + request.idempotencyKey()
              + ": it clashed with another of the same key that is not visible yet, so try again", e);
        }
        LOG.debug("notification {} was queued already as {}", request.idempotencyKey(), existing.get());
        return new NotificationId(existing.get());
      }
      if (savepoint != null) {
        c.releaseSavepoint(savepoint);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "queue notification " + request.idempotencyKey(), e);
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

  // ---------------------------------------------------------------- one message

  /** A claimed batch and when it was claimed (its lease runs from then). */
  record Batch(List<Claimed> messages, long claimedAt) {
    static final Batch NONE = new Batch(List.of(), 0);
  }

  /**
   * Claims one batch, attempts each message and writes their outcomes: two transactions, one
   * for the claim and one for every outcome of the batch.
   */
  @Override
  public int runOnce() {
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(true);
      Batch batch = writeAndClaim(c, List.of(), true).reported();
      if (!batch.messages().isEmpty()) {
        writeAndClaim(c, workers.attempt(() -> c, batch, null), false).reported();
      }
      return batch.messages().size();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "reach its database", e);
    }
  }

  /** The connection, waiting first for whatever the helper is doing with it. */
  @FunctionalInterface
  interface ConnectionAccess {
    Connection get() throws SQLException;
  }

  /** A committed transaction's claimed batch, and its status changes still to be reported. */
  record Written(Batch batch, Runnable report) {
    static final Written NONE = new Written(Batch.NONE, () -> { });

    /** Reports the status changes on this thread and returns the batch. */
    Batch reported() {
      report.run();
      return batch;
    }
  }

  /**
   * In one transaction, writes the outcomes of the last batch (each only if its claim still
   * holds the lease) and, if {@code claim}, claims the next batch with
   * {@code SELECT ... FOR UPDATE SKIP LOCKED}, marking it {@code SENDING} under a new lease.
   * The status changes are reported by {@link Written#reported}, after the commit. If the
   * transaction fails, nothing of it is written: the outcomes' messages stay {@code SENDING}
   * until their lease runs out.
   */
  Written writeAndClaim(Connection c, List<Outcome> outcomes, boolean claim) throws SQLException {
    if (outcomes.isEmpty() && !claim) {
      return Written.NONE;
    }
    long claimedAt = config.clock().millis();
    String lease = config.instanceId() + ":" + claims.incrementAndGet();
    boolean[] stored;
    List<Claimed> batch = List.of();
    List<Boolean> wasSending = new ArrayList<>();
    c.setAutoCommit(false);
    try {
      stored = rows.write(c, outcomes);
      if (claim) {
        batch = rows.claim(c, lease, claimedAt, wasSending);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    List<Claimed> claimed = batch;
    Runnable report = () -> {
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome o = outcomes.get(i);
        if (stored[i]) {
          o.whenStored().run();
          fire(o.change());
        } else {
          o.whenLost().run();
        }
      }
      for (int i = 0; i < claimed.size(); i++) {
        Claimed m = claimed.get(i);
        if (wasSending.get(i)) {
          LOG.info("reclaimed {} after its lease ran out: will check before sending again", m.key());
        }
        if (!config.listeners().isEmpty()) {
          fire(change(m, Optional.of(wasSending.get(i) ? OutboxStatus.SENDING : OutboxStatus.QUEUED),
              OutboxStatus.SENDING, Optional.empty(), Optional.empty(), Optional.empty()));
        }
      }
    };
    return new Written(new Batch(claimed, claimedAt), report);
  }

  /** Either an outcome already (nothing to send) or a message ready to send. */
  sealed interface Step permits Outcome, Ready {}

  /** A claimed message rendered, looked up and given a rate-limit token: only its send is left. */
  record Ready(Claimed message, NotificationChannel channel, OutgoingNotification outgoing, String key)
      implements Step {}

  /**
   * Renders, checks and rate-limits one claimed message, on the worker's thread and in the
   * batch's order: either what came of it already (not yet written), or the message ready to send.
   */
  Step prepare(ConnectionAccess c, Claimed m, Map<String, Instant> deniedUntil) throws SQLException {
    Recipient recipient = m.recipients().get(m.recipientIndex());
    String key = m.recipientIndex() == 0 ? m.key() : m.key() + "~fallback-" + m.recipientIndex();
    NotificationChannel channel = null;
    for (NotificationChannel ch : config.channels()) {
      if (ch.supports(recipient)) {
        channel = ch;
        break;
      }
    }
    if (channel == null) {
      return record(m, policy.failed(attempt(m), Optional.empty(), "no channel can send to a " + RecipientKind.of(recipient)));
    }
    NotificationRequest request = new NotificationRequest(m.templateId(), recipient, m.personalisation(), key,
        m.language());
    RenderedMessage message;
    try {
      message = config.renderer().render(request);
    } catch (RuntimeException e) {
      return record(m, policy.failed(attempt(m), Optional.of(channel.name()), "could not render template "
          + m.templateId() + ": " + e.getMessage()));
    }
    OutgoingNotification outgoing;
    try {
      outgoing = OutgoingNotification.of(request, message);
    } catch (IllegalArgumentException e) {
      return record(m, policy.failed(attempt(m), Optional.of(channel.name()), e.getMessage()));
    }

    if (m.outcomeUnknown() && channel.canLookUp()) {
      try {
        Optional<SendResult.Accepted> earlier = channel.lookup(key);
        if (earlier.isPresent()) {
          LOG.info("{} was accepted by {} on an earlier attempt: not sending again", key, channel.name());
          return record(m, new DeliveryPolicy.Sent(channel.name(), earlier.get().providerId()));
        }
      } catch (RuntimeException e) {
        LOG.warn("could not check whether {} was sent already ({}): will try again later", key, Failures.describe(e));
        return record(m, policy.afterFailedLookup(attempt(m), channel.name(), "lookup failed: " + Failures.describe(e)));
      }
    }

    RateLimit limit = config.rateLimits().get(channel.name());
    if (limit != null) {
      Instant now = config.clock().instant();
      Instant denied = deniedUntil.get(channel.name());
      if (denied == null || !now.isBefore(denied)) {
        denied = rateLimiter.tryAcquire(c.get(), channel.name(), limit, now).orElse(null);
        if (denied != null) {
          deniedUntil.put(channel.name(), denied);
        }
      }
      if (denied != null) {
        return requeueUnused(m, denied, "rate limit for " + channel.name());
      }
    }
    return new Ready(m, channel, outgoing, key);
  }

  /** Sends a prepared message; returns what came of it, not yet written. Safe on any thread. */
  Outcome send(Ready ready) {
    Claimed m = ready.message();
    NotificationChannel channel = ready.channel();
    String key = ready.key();
    OutgoingNotification outgoing = ready.outgoing();
    SendResult result;
    try {
      result = channel.send(outgoing);
    } catch (RuntimeException e) {
      // Its message may carry the recipient or the personalisation: the class and where it was thrown only.
      LOG.error("channel {} threw {} at {} for {} instead of returning a result", channel.name(), Failures.describe(e),
          e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?", key);
      result = new SendResult.UnknownOutcome("channel threw " + e.getClass().getName());
    }
    return record(m, policy.afterSend(attempt(m), channel.name(), result));
  }

  /** The facts about a claimed message that {@link DeliveryPolicy} decides on. */
  private static DeliveryPolicy.Attempt attempt(Claimed m) {
    return new DeliveryPolicy.Attempt(m.attempts(), m.recipientIndex(), m.recipients().size());
  }

  /** Hands a claimed message back without using up an attempt (rate limited, lease running out). */
  Outcome requeueUnused(Claimed m, Instant at, String why) {
    return record(m, policy.handBack(at.toEpochMilli(), why));
  }

  /**
   * How a decision is recorded: the columns to set (guarded by the lease when written), the
   * status change to report, and what to log once written or if the lease had been lost.
   */
  private Outcome record(Claimed m, DeliveryPolicy.Decision decision) {
    if (decision instanceof DeliveryPolicy.Sent d) {
      return new Outcome(m, "status = 'SENT', lease_owner = NULL, lease_until_ms = NULL, outcome_unknown = FALSE,"
          + " channel = ?, provider_id = ?, personalisation = '{}', updated_ms = ?",
          new Object[] {d.channel(), d.providerId(), config.clock().millis()},
          change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.SENT, Optional.of(d.channel()),
              Optional.of(d.providerId()), Optional.empty()),
          () -> { },
          () -> LOG.warn("{} was sent as {} but this worker had lost its lease: another worker will find it by lookup",
              m.key(), d.providerId()));
    }
    if (decision instanceof DeliveryPolicy.RetryLater d) {
      return new Outcome(m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, next_attempt_ms = ?,"
          + " outcome_unknown = ?, channel = ?, last_error = ?, updated_ms = ?",
          new Object[] {d.atMs(), d.outcomeUnknown(), d.channel(), truncate(d.reason()), d.atMs() - d.waitMs()},
          change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, Optional.of(d.channel()), Optional.empty(),
              Optional.of(d.reason())),
          () -> LOG.info("{} attempt {} through {} failed ({}): retrying in {} ms", m.key(), m.attempts(), d.channel(),
              d.reason(), d.waitMs()),
          () -> lost(m));
    }
    if (decision instanceof DeliveryPolicy.HandBack d) {
      return new Outcome(m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, next_attempt_ms = ?,"
          + " attempts = ?, updated_ms = ?", new Object[] {d.atMs(), m.attempts() - 1, config.clock().millis()},
          change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, Optional.empty(), Optional.empty(),
              Optional.of(d.why())),
          () -> LOG.debug("{} handed back until {}: {}", m.key(), Instant.ofEpochMilli(d.atMs()), d.why()),
          () -> lost(m));
    }
    if (decision instanceof DeliveryPolicy.FallBack d) {
      Recipient next = m.recipients().get(d.nextRecipient());
      return new Outcome(m, "status = 'QUEUED', lease_owner = NULL, lease_until_ms = NULL, recipient_index = ?,"
          + " attempts = 0, next_attempt_ms = ?, outcome_unknown = FALSE, channel = ?, last_error = ?, updated_ms = ?",
          new Object[] {d.nextRecipient(), d.atMs(), d.channel().orElse(null), truncate(d.reason()), d.atMs()},
          change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.QUEUED, d.channel(), Optional.empty(),
              Optional.of(d.reason())),
          () -> LOG.info("{} failed for good to {} ({}): falling back to {}", m.key(),
              m.recipients().get(m.recipientIndex()), d.reason(), next),
          () -> lost(m));
    }
    DeliveryPolicy.DeadLetter d = (DeliveryPolicy.DeadLetter) decision;
    return new Outcome(m, "status = 'FAILED', lease_owner = NULL, lease_until_ms = NULL, channel = ?,"
        + " last_error = ?, personalisation = '{}', updated_ms = ?",
        new Object[] {d.channel().orElse(null), truncate(d.reason()), config.clock().millis()},
        change(m, Optional.of(OutboxStatus.SENDING), OutboxStatus.FAILED, d.channel(), Optional.empty(),
            Optional.of(d.reason())),
        () -> LOG.warn("{} dead-lettered: {}", m.key(), d.reason()),
        () -> lost(m));
  }

  private static void lost(Claimed m) {
    LOG.debug("{}: this worker had lost its lease, so its outcome was not written", m.key());
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
        LOG.warn("a status listener threw for {}: {}", change.idempotencyKey(), Failures.describe(e));
      }
    }
  }

  @Override
  public Workers startWorkers(int count) {
    return workers.start(count);
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
    return rows.find(column, value);
  }

  @Override
  public boolean markDelivered(NotificationId id) {
    try {
      Optional<StatusChange> change = rows.markDelivered(id, config.clock().millis());
      change.ifPresent(this::fire);
      return change.isPresent();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "update the outbox", e);
    }
  }

  @Override
  public Map<OutboxStatus, Long> counts() {
    return rows.counts();
  }

  @Override
  public String toString() {
    return "JdbcOutbox[" + config.instanceId() + ", channels=" + config.channels().stream()
        .map(NotificationChannel::name).toList() + "]";
  }
}
