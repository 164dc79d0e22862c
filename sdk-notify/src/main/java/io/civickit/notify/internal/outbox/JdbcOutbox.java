package io.civickit.notify.internal.outbox;

import io.civickit.core.ConfigurationException;
import io.civickit.core.Failures;
import io.civickit.core.StorageUnavailableException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
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
 */
// Over 500 lines and not yet split all the way: the retry, fallback and dead-letter decisions are
// DeliveryPolicy's (plain code, tested without a database); what is left here is the SQL of each
// decision, the worker threads and the column encryption. The SQL and the workers are the next
// split (issue 20); the encryption waits for one shared column cipher with sdk-submit.
public final class JdbcOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

  private static final String COLUMNS = "id, idempotency_key, template_id, language, recipients, recipient_index,"
      + " personalisation, status, attempts, next_attempt_ms, outcome_unknown, channel, provider_id, last_error";

  private final OutboxConfig config;
  private final RateLimiter rateLimiter;
  private final DeliveryPolicy policy;
  private final AtomicLong claims = new AtomicLong();

  public JdbcOutbox(OutboxConfig config) {
    this.config = config;
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

  /**
   * How often, at most, a worker writes the outcomes of a batch it is still sending: a batch's
   * outcomes are written together when it ends, or sooner once this long has passed, so that a
   * slow provider does not hold back a batch's statuses for long.
   */
  static final Duration WRITE_AT_LEAST_EVERY = Duration.ofSeconds(1);

  /** A claimed row. */
  private record Claimed(String id, String key, String templateId, Locale language, List<Recipient> recipients,
      int recipientIndex, Map<String, Object> personalisation, int attempts, boolean outcomeUnknown, String lease) {}

  /** A claimed batch and when it was claimed (its lease runs from then). */
  private record Batch(List<Claimed> messages, long claimedAt) {
    static final Batch NONE = new Batch(List.of(), 0);
  }

  /**
   * What one attempt at a claimed message came to, not yet written: the columns to set, and the
   * status change to report once they are. Outcomes are written together (see
   * {@link #writeAndClaim}), each guarded by the claim's lease; {@code set} is one of a few
   * constant clauses, so a batch's outcomes go out as one JDBC batch per clause.
   *
   * @param whenStored what to log once the row is written
   * @param whenLost what to log if the claim had lost its lease and the row was left alone
   */
  private record Outcome(Claimed message, String set, Object[] values, StatusChange change, Runnable whenStored,
      Runnable whenLost) implements Step {}

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
        writeAndClaim(c, attempt(() -> c, batch, null), false).reported();
      }
      return batch.messages().size();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "reach its database", e);
    }
  }

  /**
   * What a worker does while there is work: batch after batch on one connection, pipelined.
   * While the worker sends one batch, a helper thread writes the outcomes of the batch before
   * it and claims the next one, in one transaction; so a busy worker commits once per batch and
   * does not wait for the database between batches. Whenever the worker itself needs the
   * connection (a rate limit, a failure), it first waits for the helper. Stops claiming once
   * {@code stop} is released, after writing what it has sent.
   *
   * @return how many messages were claimed
   */
  private int drain(CountDownLatch stop, ExecutorService helper, @Nullable ExecutorService senders) {
    int claimed = 0;
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(true);
      Pipeline pipeline = new Pipeline(c);
      Batch batch = writeAndClaim(c, List.of(), stop.getCount() > 0).reported();
      List<Outcome> unwritten = List.of();
      while (!batch.messages().isEmpty()) {
        claimed += batch.messages().size();
        List<Outcome> previous = unwritten;
        pipeline.start(helper, () -> writeAndClaim(c, previous, stop.getCount() > 0));
        try {
          unwritten = attempt(pipeline::connection, batch, senders);
        } catch (SQLException | RuntimeException | Error e) {
          handBack(c, pipeline.finish(e), "the worker failed", e);
          throw e;
        }
        try {
          batch = pipeline.finish(null);
        } catch (SQLException | RuntimeException e) {
          // The last batch's outcomes and the next claim were rolled back; this batch's are kept.
          try {
            writeAndClaim(c, unwritten, false).reported();
          } catch (SQLException | RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed);
          }
          throw e;
        }
        if (stop.getCount() == 0 && !batch.messages().isEmpty()) {
          List<Outcome> all = new ArrayList<>(unwritten);
          long now = config.clock().millis();
          for (Claimed m : batch.messages()) {
            all.add(requeueUnused(m, Instant.ofEpochMilli(now), "the workers are stopping"));
          }
          unwritten = all;
          batch = Batch.NONE;
        }
      }
      writeAndClaim(c, unwritten, false).reported();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "reach its database", e);
    }
    return claimed;
  }

  /**
   * Hands a claimed batch that will not be attempted back to the queue without using up an
   * attempt; if that fails too, the batch is claimed again when its lease runs out.
   */
  private void handBack(Connection c, Batch batch, String why, Throwable failing) {
    if (batch.messages().isEmpty()) {
      return;
    }
    List<Outcome> back = new ArrayList<>();
    long now = config.clock().millis();
    for (Claimed m : batch.messages()) {
      back.add(requeueUnused(m, Instant.ofEpochMilli(now), why));
    }
    try {
      writeAndClaim(c, back, false).reported();
    } catch (SQLException | RuntimeException e) {
      failing.addSuppressed(e);
    }
  }

  /** The connection, waiting first for whatever the helper is doing with it. */
  @FunctionalInterface
  private interface ConnectionAccess {
    Connection get() throws SQLException;
  }

  /**
   * A worker's connection shared with its helper thread: {@link #start} hands the helper one
   * transaction (write the outcomes of the last batch, claim the next); {@link #connection} and
   * {@link #finish} wait for it, so only one thread uses the connection at a time. The status
   * changes of the helper's transaction are reported on the worker's thread.
   */
  private static final class Pipeline {
    private final Connection connection;
    private Future<Written> inFlight;
    private Written written;
    private Throwable failed;

    Pipeline(Connection connection) {
      this.connection = connection;
    }

    void start(ExecutorService helper, Callable<Written> transaction) {
      written = null;
      failed = null;
      FutureTask<Written> task = new FutureTask<>(transaction);
      try {
        helper.execute(task);
      } catch (RejectedExecutionException e) {
        task.run(); // the workers are closing and the helpers have stopped: run it here
      }
      inFlight = task;
    }

    /** The connection, once the helper is done with it. */
    Connection connection() {
      settle();
      return connection;
    }

    /**
     * Waits for the helper, reports its status changes and returns the batch it claimed.
     *
     * @param failing the worker's own failure, if it is failing: the helper's is then added to it
     */
    Batch finish(Throwable failing) throws SQLException {
      settle();
      if (failed != null) {
        Throwable f = failed;
        failed = null;
        if (failing != null) {
          failing.addSuppressed(f);
          return Batch.NONE;
        }
        if (f instanceof SQLException e) {
          throw e;
        }
        if (f instanceof RuntimeException e) {
          throw e;
        }
        throw (Error) f;
      }
      Written w = written;
      written = null;
      return w == null ? Batch.NONE : w.reported();
    }

    private void settle() {
      if (inFlight == null) {
        return;
      }
      boolean interrupted = false;
      while (true) {
        try {
          written = inFlight.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helper is using the connection: wait for it all the same
        } catch (ExecutionException e) {
          failed = e.getCause();
          break;
        }
      }
      inFlight = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Attempts each message of a claimed batch and returns the outcomes still to be written.
   * Outcomes wait in memory until the batch ends (or {@link #WRITE_AT_LEAST_EVERY} has passed),
   * then are written in one transaction. If the process dies before that, the batch's sent
   * messages are still {@code SENDING}: they are claimed again when the lease runs out, as
   * unknown outcomes, and looked up or sent again with the same idempotency key. If this worker
   * fails in the middle (a channel throws, the database goes away), what it has learnt so far is
   * written before the failure goes on, if the database allows.
   */
  private List<Outcome> attempt(ConnectionAccess c, Batch batch, @Nullable ExecutorService senders)
      throws SQLException {
    List<Claimed> messages = batch.messages();
    List<Outcome> unwritten = new ArrayList<>(messages.size());
    ArrayDeque<Future<Outcome>> sending = new ArrayDeque<>();
    Map<String, Instant> deniedUntil = new HashMap<>();
    long writtenAt = config.clock().millis();
    try {
      for (int i = 0; i < messages.size(); i++) {
        long now = config.clock().millis();
        if (now > batch.claimedAt() + config.lease().toMillis() / 2) {
          LOG.info("half the lease has gone: handing back {} of {} claimed messages", messages.size() - i,
              messages.size());
          for (Claimed rest : messages.subList(i, messages.size())) {
            unwritten.add(requeueUnused(rest, Instant.ofEpochMilli(now), "lease running out"));
          }
          break;
        }
        while (!sending.isEmpty() && sending.peek().isDone()) {
          unwritten.add(outcomeOf(sending.poll()));
        }
        if (!unwritten.isEmpty() && now - writtenAt >= WRITE_AT_LEAST_EVERY.toMillis()) {
          writeAndClaim(c.get(), unwritten, false).reported();
          unwritten.clear();
          writtenAt = now;
        }
        Step step = prepare(c, messages.get(i), deniedUntil);
        if (step instanceof Ready ready && senders != null) {
          while (sending.size() >= config.sendsInFlight()) {
            unwritten.add(outcomeOf(sending.poll()));
          }
          sending.add(submit(senders, () -> send(ready)));
        } else {
          unwritten.add(step instanceof Ready ready ? send(ready) : (Outcome) step);
        }
      }
      while (!sending.isEmpty()) {
        unwritten.add(outcomeOf(sending.poll()));
      }
    } catch (Throwable failure) {
      // The sends still in flight were made: their outcomes are written with the rest.
      while (!sending.isEmpty()) {
        try {
          unwritten.add(outcomeOf(sending.poll()));
        } catch (Throwable alsoFailed) {
          failure.addSuppressed(alsoFailed);
        }
      }
      try {
        writeAndClaim(c.get(), unwritten, false).reported();
      } catch (Throwable alsoFailed) {
        failure.addSuppressed(alsoFailed);
      }
      throw failure;
    }
    return unwritten;
  }

  /** Runs a send on a sending thread, or here if the sending threads have stopped (the workers are closing). */
  private static Future<Outcome> submit(ExecutorService senders, Callable<Outcome> send) {
    FutureTask<Outcome> task = new FutureTask<>(send);
    try {
      senders.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
    return task;
  }

  /** The outcome of a send in flight, once it has one; an interrupt waits all the same (the send was made). */
  private static Outcome outcomeOf(Future<Outcome> sent) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return sent.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A committed transaction's claimed batch, and its status changes still to be reported. */
  private record Written(Batch batch, Runnable report) {
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
  private Written writeAndClaim(Connection c, List<Outcome> outcomes, boolean claim) throws SQLException {
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
      boolean postgres = isPostgres(c);
      stored = postgres ? writeInOneStatement(c, outcomes) : write(c, outcomes);
      if (claim) {
        batch = postgres ? claimInOneStatement(c, lease, claimedAt, wasSending) : claim(c, lease, claimedAt, wasSending);
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

  /**
   * Writes outcomes inside the caller's transaction, one JDBC batch per distinct {@code SET}
   * clause, each row guarded by its claim's lease.
   *
   * @return for each outcome, whether its row was written (false: the claim had lost its lease)
   */
  private static boolean[] write(Connection c, List<Outcome> outcomes) throws SQLException {
    boolean[] stored = new boolean[outcomes.size()];
    Map<String, List<Integer>> bySet = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      bySet.computeIfAbsent(outcomes.get(i).set(), s -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : bySet.entrySet()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox SET " + e.getKey()
          + " WHERE id = ? AND lease_owner = ? AND status = 'SENDING'")) {
        for (int index : e.getValue()) {
          Outcome o = outcomes.get(index);
          int p = 1;
          for (Object v : o.values()) {
            ps.setObject(p++, v);
          }
          ps.setString(p++, o.message().id());
          ps.setString(p, o.message().lease());
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int j = 0; j < counts.length; j++) {
          // H2 and PostgreSQL report each row count; a driver that cannot is taken at its word.
          stored[e.getValue().get(j)] = counts[j] == 1 || counts[j] == Statement.SUCCESS_NO_INFO;
        }
      }
    }
    return stored;
  }

  /** Whether the database is PostgreSQL, from the first connection's metadata (the driver knows it). */
  private volatile @Nullable Boolean postgres;

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      postgres = known;
    }
    return known;
  }

  /** The PostgreSQL array type of each kind of value an outcome's {@code SET} clause takes. */
  private static String arrayType(@Nullable Object value) {
    if (value instanceof Long) {
      return "int8";
    }
    if (value instanceof Integer) {
      return "int4";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return "varchar";
  }

  /**
   * {@link #write} on PostgreSQL: one {@code UPDATE ... FROM unnest(...)} per distinct
   * {@code SET} clause, whose parameters are arrays with one element per outcome; the rows it
   * returns are those whose claim still held the lease. Same guard, same rows written, one
   * statement instead of one per message.
   */
  private static boolean[] writeInOneStatement(Connection c, List<Outcome> outcomes) throws SQLException {
    boolean[] stored = new boolean[outcomes.size()];
    Map<String, List<Integer>> bySet = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      bySet.computeIfAbsent(outcomes.get(i).set(), s -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : bySet.entrySet()) {
      List<Integer> indexes = e.getValue();
      int width = outcomes.get(indexes.get(0)).values().length;
      Object[][] columns = new Object[width + 2][indexes.size()];
      for (int row = 0; row < indexes.size(); row++) {
        Outcome o = outcomes.get(indexes.get(row));
        columns[0][row] = o.message().id();
        columns[1][row] = o.message().lease();
        for (int k = 0; k < width; k++) {
          columns[k + 2][row] = o.values()[k];
        }
      }
      String[] types = new String[width + 2];
      StringBuilder from = new StringBuilder(" FROM unnest(");
      StringBuilder names = new StringBuilder("v(id, lease");
      for (int k = 0; k < width + 2; k++) {
        String type = "varchar";
        for (Object v : columns[k]) {
          if (v != null) {
            type = arrayType(v);
            break;
          }
        }
        types[k] = type;
        from.append(k == 0 ? "" : ", ").append("?::").append(type).append("[]");
        if (k >= 2) {
          names.append(", p").append(k - 2);
        }
      }
      StringBuilder set = new StringBuilder();
      String clause = e.getKey();
      int k = 0;
      for (int i = 0; i < clause.length(); i++) {
        char ch = clause.charAt(i);
        if (ch == '?') {
          set.append("v.p").append(k++);
        } else {
          set.append(ch);
        }
      }
      String sql = "UPDATE civickit_outbox AS o SET " + set + from + ") AS " + names + ")"
          + " WHERE o.id = v.id AND o.lease_owner = v.lease AND o.status = 'SENDING' RETURNING o.id";
      Map<String, Integer> rowOf = new HashMap<>();
      for (int row = 0; row < indexes.size(); row++) {
        rowOf.put((String) columns[0][row], indexes.get(row));
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int col = 0; col < columns.length; col++) {
          ps.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Integer index = rowOf.get(rs.getString(1));
            if (index != null) {
              stored[index] = true;
            }
          }
        }
      }
    }
    return stored;
  }

  /**
   * {@link #claim} on PostgreSQL in one statement: an {@code UPDATE} of the rows a
   * {@code SELECT ... FOR UPDATE SKIP LOCKED} picks, returning them with the status each had
   * before (a {@code SENDING} one was reclaimed after its lease ran out). The same rows, in the
   * same order, leased the same way.
   */
  private List<Claimed> claimInOneStatement(Connection c, String lease, long now, List<Boolean> wasSending)
      throws SQLException {
    record Row(Claimed claimed, boolean reclaimed, long due, long seq) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox AS o SET status = 'SENDING',"
        + " lease_owner = ?, lease_until_ms = ?, attempts = o.attempts + 1,"
        + " outcome_unknown = o.outcome_unknown OR o.status = 'SENDING', updated_ms = ?"
        + " FROM (SELECT id, status AS was FROM civickit_outbox"
        + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
        + " ORDER BY next_attempt_ms, seq FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED)"
        + " AS picked WHERE o.id = picked.id RETURNING o.id, o.idempotency_key, o.template_id, o.language,"
        + " o.recipients, o.recipient_index, o.personalisation, picked.was, o.attempts, o.next_attempt_ms,"
        + " o.outcome_unknown, o.seq")) {
      ps.setString(1, lease);
      ps.setLong(2, now + config.lease().toMillis());
      ps.setLong(3, now);
      ps.setLong(4, now);
      ps.setLong(5, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          boolean reclaimed = "SENDING".equals(rs.getString(8));
          rows.add(new Row(new Claimed(id, rs.getString(2), rs.getString(3), Locale.forLanguageTag(rs.getString(4)),
              Codec.recipients(unseal(id, rs.getString(5))), rs.getInt(6),
              Codec.personalisation(unseal(id, rs.getString(7))), rs.getInt(9), rs.getBoolean(11), lease),
              reclaimed, rs.getLong(10), rs.getLong(12)));
        }
      }
    }
    // RETURNING keeps no order: back into the order picked, due time then the order queued in.
    rows.sort(java.util.Comparator.comparingLong(Row::due).thenComparingLong(Row::seq));
    List<Claimed> batch = new ArrayList<>(rows.size());
    for (Row r : rows) {
      batch.add(r.claimed());
      wasSending.add(r.reclaimed());
    }
    return batch;
  }

  /** Selects and leases up to a batch of due messages inside the caller's transaction. */
  private List<Claimed> claim(Connection c, String lease, long now, List<Boolean> wasSending) throws SQLException {
    List<Claimed> batch = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM civickit_outbox"
        + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
        + " ORDER BY next_attempt_ms, seq FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
      ps.setLong(1, now);
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          boolean reclaimed = "SENDING".equals(rs.getString(8));
          wasSending.add(reclaimed);
          batch.add(new Claimed(id, rs.getString(2), rs.getString(3), Locale.forLanguageTag(rs.getString(4)),
              Codec.recipients(unseal(id, rs.getString(5))), rs.getInt(6),
              Codec.personalisation(unseal(id, rs.getString(7))), rs.getInt(9) + 1,
              rs.getBoolean(11) || reclaimed, lease));
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
    return batch;
  }

  /** Either an outcome already (nothing to send) or a message ready to send. */
  private sealed interface Step permits Outcome, Ready {}

  /** A claimed message rendered, looked up and given a rate-limit token: only its send is left. */
  private record Ready(Claimed message, NotificationChannel channel, OutgoingNotification outgoing, String key)
      implements Step {}

  /**
   * Renders, checks and rate-limits one claimed message, on the worker's thread and in the
   * batch's order: either what came of it already (not yet written), or the message ready to send.
   */
  private Step prepare(ConnectionAccess c, Claimed m, Map<String, Instant> deniedUntil) throws SQLException {
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
  private Outcome send(Ready ready) {
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
  private Outcome requeueUnused(Claimed m, Instant at, String why) {
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
    if (count < 1) {
      throw new IllegalArgumentException("start at least 1 worker, but was " + count);
    }
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger helpers = new AtomicInteger();
    ExecutorService helper = Executors.newFixedThreadPool(count, r -> {
      Thread t = new Thread(r, "civickit-outbox-" + config.instanceId() + "-db-" + helpers.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
    ExecutorService senders = null;
    if (config.sendsInFlight() > 1) {
      AtomicInteger sending = new AtomicInteger();
      senders = Executors.newFixedThreadPool(count * config.sendsInFlight(), r -> {
        Thread t = new Thread(r, "civickit-outbox-" + config.instanceId() + "-send-" + sending.getAndIncrement());
        t.setDaemon(true);
        return t;
      });
    }
    ExecutorService sendersOrNone = senders;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(() -> work(stop, helper, sendersOrNone), "civickit-outbox-" + config.instanceId() + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return () -> {
      stop.countDown();
      try {
        for (Thread t : threads) {
          t.join(config.lease().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        helper.shutdown();
        if (sendersOrNone != null) {
          sendersOrNone.shutdown();
        }
      }
    };
  }

  private void work(CountDownLatch stop, ExecutorService helper, @Nullable ExecutorService senders) {
    while (stop.getCount() > 0) {
      int claimed = 0;
      try {
        claimed = drain(stop, helper, senders);
      } catch (RuntimeException e) {
        LOG.warn("outbox worker failed a round: {}", Failures.describe(e));
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
      throw new StorageUnavailableException("civickit_outbox", "read the outbox", e);
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
      throw new StorageUnavailableException("civickit_outbox", "update the outbox", e);
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
      throw new StorageUnavailableException("civickit_outbox", "read the outbox", e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "JdbcOutbox[" + config.instanceId() + ", channels=" + config.channels().stream()
        .map(NotificationChannel::name).toList() + "]";
  }
  /** Prefix of a column value sealed with the key ring; JSON never starts with it. */
  static final String SEALED = "sealed:";

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
      throw new ConfigurationException("Outbox.builder().keyRing", "is not set, and outbox message " + id + " is encrypted",
          "give the outbox the key ring it was written with");
    }
    byte[] sealed = java.util.Base64.getDecoder().decode(stored.substring(SEALED.length()));
    return new String(config.keyRing().get().decrypt(sealed, id.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
