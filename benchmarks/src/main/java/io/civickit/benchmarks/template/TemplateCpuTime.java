package io.civickit.benchmarks.template;

import io.civickit.notify.RenderedMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Benchmark 2 on a busy machine: the CPU time of the rendering thread, which other processes
 * disturb far less than wall time. Each sample is 20,000 renders by one side; the sides take
 * turns (CivicKit, hand-written, Mustache.java, again and again) in one JVM, and each side's
 * score is its median sample. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.civickit.benchmarks.template.TemplateCpuTime}.
 * JMH (wall time) stays the measure on a quiet machine.
 */
public final class TemplateCpuTime {
  private static final int RENDERS = 20_000;
  private static final int WARM_UP = 15;
  private static final int SAMPLES = 31;

  private TemplateCpuTime() {}

  /** Prints each side's median CPU time per render and the ratios. */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ReceiptRenderers.CivicKit civicKit = new ReceiptRenderers.CivicKit();
    ReceiptRenderers.HandWritten handWritten = new ReceiptRenderers.HandWritten();
    ReceiptRenderers.MustacheJava mustache = new ReceiptRenderers.MustacheJava();
    if (!civicKit.render().equals(handWritten.render()) || !civicKit.render().equals(mustache.render())) {
      throw new IllegalStateException("the three renderers do not make the same email");
    }
    @SuppressWarnings("unchecked")
    Supplier<RenderedMessage.Email>[] sides = new Supplier[] {civicKit::render, handWritten::render, mustache::render};
    long[][] samples = new long[sides.length][SAMPLES];
    for (int round = 0; round < WARM_UP + SAMPLES; round++) {
      for (int side = 0; side < sides.length; side++) {
        long start = threads.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < RENDERS; i++) {
          RenderedMessage.Email email = sides[side].get();
          sink += email.html().length() + email.plainText().length() + email.subject().length();
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        if (sink < 0) {
          System.out.print(""); // keeps the renders from being dropped
        }
        if (round >= WARM_UP) {
          samples[side][round - WARM_UP] = spent;
        }
      }
    }
    double[] median = new double[sides.length];
    for (int side = 0; side < sides.length; side++) {
      Arrays.sort(samples[side]);
      median[side] = samples[side][SAMPLES / 2] / 1000.0 / RENDERS;
    }
    System.out.printf(Locale.ROOT, "CPU time per render (median of %d samples of %,d): CivicKit %.3f us,"
        + " hand-written %.3f us, Mustache.java %.3f us%n", SAMPLES, RENDERS, median[0], median[1], median[2]);
    System.out.printf(Locale.ROOT, "CivicKit/hand-written %.2f, CivicKit/Mustache.java %.2f%n", median[0] / median[1],
        median[0] / median[2]);
  }
}
