package io.civickit.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on threads of their own, all released at the same moment, as racing app instances would. */
public final class AtOnce {
  private AtOnce() {}

  /**
   * Runs every task at once and waits for all of them.
   *
   * @return their results, in the order of the tasks
   * @throws Exception the first failure of a task, as thrown
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Callable<T> task : tasks) {
        running.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : running) {
        try {
          results.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
