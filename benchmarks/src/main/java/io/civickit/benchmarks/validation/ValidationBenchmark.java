package io.civickit.benchmarks.validation;

import java.util.List;
import java.util.Map;
import io.civickit.benchmarks.support.MicrosecondsPerOperation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * 1. Validating the 25-question housing form's submission, from the posted fields to typed values
 * (or errors with messages): CivicKit, networknt JSON Schema, Hibernate Validator and hand-written
 * code, on the same valid submission and the same submission with seven mistakes.
 */
public class ValidationBenchmark extends MicrosecondsPerOperation {

  /** Which submission: {@code valid} or {@code invalid} (seven mistakes). */
  @Param({"valid", "invalid"})
  public String submission;

  private Map<String, List<String>> input;
  private CivicKitSubmission civicKit;
  private JsonSchemaSubmission jsonSchema;
  private BeanValidationSubmission hibernate;
  private HandWrittenSubmission handWritten;

  /** Builds every validator once, as an application does at start-up. */
  @Setup(Level.Trial)
  public void setUp() {
    input = "valid".equals(submission) ? HousingForm.valid() : HousingForm.invalid();
    civicKit = new CivicKitSubmission();
    jsonSchema = new JsonSchemaSubmission();
    hibernate = new BeanValidationSubmission();
    handWritten = new HandWrittenSubmission();
  }

  /** CivicKit {@code Validation.validate} over the page's questions. */
  @Benchmark
  public Object civicKit() {
    return civicKit.validate(input);
  }

  /** networknt json-schema-validator on the equivalent schema (binding to JSON included). */
  @Benchmark
  public Object jsonSchema() {
    return jsonSchema.validate(input);
  }

  /** Hibernate Validator on the equivalent annotated bean (binding included). */
  @Benchmark
  public Object hibernateValidator() {
    return hibernate.validate(input);
  }

  /** Hand-written validation of exactly this form. */
  @Benchmark
  public Object handWritten() {
    return handWritten.validate(input);
  }
}
