package io.civickit.benchmarks.template;

import io.civickit.notify.RenderedMessage;
import io.civickit.benchmarks.support.MicrosecondsPerOperation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * 2. Rendering the application-receipt email (ten placeholders, a conditional, a list) to its
 * subject, plain text and HTML: CivicKit's Notify-compatible templates, Mustache.java, and string
 * building by hand. All three make byte-for-byte the same email ({@code TemplatesAgreeTest}).
 */
public class TemplateBenchmark extends MicrosecondsPerOperation {
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
