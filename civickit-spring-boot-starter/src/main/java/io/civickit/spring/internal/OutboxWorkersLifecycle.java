package io.civickit.spring.internal;

import io.civickit.notify.outbox.Outbox;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the outbox workers while the application context runs: started after the other beans,
 * stopped (each after its current batch) before them, so no message is left half-sent by the
 * shutdown.
 */
public final class OutboxWorkersLifecycle implements SmartLifecycle {
  private final Outbox outbox;
  private final int count;
  private Outbox.@Nullable Workers workers;

  /**
   * Creates the lifecycle.
   *
   * @param outbox the outbox
   * @param count how many workers to run; 0 runs none
   */
  public OutboxWorkersLifecycle(Outbox outbox, int count) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    if (count < 0) {
      throw new IllegalArgumentException("the worker count must be 0 or more, but was " + count);
    }
    this.count = count;
  }

  @Override
  public synchronized void start() {
    if (workers == null && count > 0) {
      workers = outbox.startWorkers(count);
    }
  }

  @Override
  public synchronized void stop() {
    if (workers != null) {
      workers.close();
      workers = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return workers != null;
  }

  /** How many workers run when started. */
  public int count() {
    return count;
  }
}
