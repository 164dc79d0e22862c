package io.civickit.notify.internal.outbox;

import io.civickit.core.Failures;
import io.civickit.core.StorageUnavailableException;
import io.civickit.notify.internal.outbox.JdbcOutbox.Batch;
import io.civickit.notify.internal.outbox.JdbcOutbox.ConnectionAccess;
import io.civickit.notify.internal.outbox.JdbcOutbox.Ready;
import io.civickit.notify.internal.outbox.JdbcOutbox.Step;
import io.civickit.notify.internal.outbox.JdbcOutbox.Written;
import io.civickit.notify.internal.outbox.OutboxRows.Claimed;
import io.civickit.notify.internal.outbox.OutboxRows.Outcome;
import io.civickit.notify.outbox.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's worker threads: each drains the queue batch after batch on one connection, with a
 * helper thread that writes the last batch's outcomes and claims the next while the worker sends
 * (see {@link #drain}), and, with {@code sendsInFlight} over 1, sending threads that send several
 * messages of a batch at once. What to send and what a send came to are {@link JdbcOutbox}'s; the
 * SQL is {@link OutboxRows}'s.
 */
final class OutboxWorkers {
  // The outbox's one logger name, whichever class logs.
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

  /**
   * How often, at most, a worker writes the outcomes of a batch it is still sending: a batch's
   * outcomes are written together when it ends, or sooner once this long has passed, so that a
   * slow provider does not hold back a batch's statuses for long.
   */
  static final Duration WRITE_AT_LEAST_EVERY = Duration.ofSeconds(1);

  private final OutboxConfig config;
  private final JdbcOutbox outbox;

  OutboxWorkers(OutboxConfig config, JdbcOutbox outbox) {
    this.config = config;
    this.outbox = outbox;
  }

  /** Starts {@code count} workers (see {@link Outbox#startWorkers}). */
  Outbox.Workers start(int count) {
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
      Batch batch = outbox.writeAndClaim(c, List.of(), stop.getCount() > 0).reported();
      List<Outcome> unwritten = List.of();
      while (!batch.messages().isEmpty()) {
        claimed += batch.messages().size();
        List<Outcome> previous = unwritten;
        pipeline.start(helper, () -> outbox.writeAndClaim(c, previous, stop.getCount() > 0));
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
            outbox.writeAndClaim(c, unwritten, false).reported();
          } catch (SQLException | RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed);
          }
          throw e;
        }
        if (stop.getCount() == 0 && !batch.messages().isEmpty()) {
          List<Outcome> all = new ArrayList<>(unwritten);
          long now = config.clock().millis();
          for (Claimed m : batch.messages()) {
            all.add(outbox.requeueUnused(m, Instant.ofEpochMilli(now), "the workers are stopping"));
          }
          unwritten = all;
          batch = Batch.NONE;
        }
      }
      outbox.writeAndClaim(c, unwritten, false).reported();
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
      back.add(outbox.requeueUnused(m, Instant.ofEpochMilli(now), why));
    }
    try {
      outbox.writeAndClaim(c, back, false).reported();
    } catch (SQLException | RuntimeException e) {
      failing.addSuppressed(e);
    }
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
  List<Outcome> attempt(ConnectionAccess c, Batch batch, @Nullable ExecutorService senders)
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
            unwritten.add(outbox.requeueUnused(rest, Instant.ofEpochMilli(now), "lease running out"));
          }
          break;
        }
        while (!sending.isEmpty() && sending.peek().isDone()) {
          unwritten.add(outcomeOf(sending.poll()));
        }
        if (!unwritten.isEmpty() && now - writtenAt >= WRITE_AT_LEAST_EVERY.toMillis()) {
          outbox.writeAndClaim(c.get(), unwritten, false).reported();
          unwritten.clear();
          writtenAt = now;
        }
        Step step = outbox.prepare(c, messages.get(i), deniedUntil);
        if (step instanceof Ready ready && senders != null) {
          while (sending.size() >= config.sendsInFlight()) {
            unwritten.add(outcomeOf(sending.poll()));
          }
          sending.add(submit(senders, () -> outbox.send(ready)));
        } else {
          unwritten.add(step instanceof Ready ready ? outbox.send(ready) : (Outcome) step);
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
        outbox.writeAndClaim(c.get(), unwritten, false).reported();
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
}
