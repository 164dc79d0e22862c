package io.civickit.benchmarks.template;

import io.civickit.notify.RenderedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2. Rendering the application-receipt email (ten placeholders, a conditional, a list) to its
 * subject, plain text and HTML: CivicKit's Notify-compatible templates, Mustache.java, and string
 * building by hand. All three make byte-for-byte the same email ({@code TemplatesAgreeTest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TemplateBenchmark {
  private ReceiptRenderers.CivicKit civicKit;
  private ReceiptRenderers.MustacheJava mustache;
  private ReceiptRenderers.HandWritten handWritten;

  /** Compiles or registers each template once. */
  @Setup(Level.Trial)
  public void setUp() {
    civicKit = new ReceiptRenderers.CivicKit();
    mustache = new ReceiptRenderers.MustacheJava();
    handWritten = new ReceiptRenderers.HandWritten();
  }

  /** CivicKit {@code Templates.render}. */
  @Benchmark
  public RenderedMessage.Email civicKit() {
    return civicKit.render();
  }

  /** Mustache.java, three compiled templates. */
  @Benchmark
  public RenderedMessage.Email mustache() {
    return mustache.render();
  }

  /** String building by hand. */
  @Benchmark
  public RenderedMessage.Email handWritten() {
    return handWritten.render();
  }
}
