package io.civickit.benchmarks.growth;

import io.civickit.benchmarks.validation.CivicKitSubmission;
import io.civickit.benchmarks.validation.HousingForm;
import io.civickit.forms.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.civickit.benchmarks.support.MicrosecondsPerOperation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * 7a. Validation time as the number of questions grows: copies of the housing form's 25
 * questions (renamed), cut to {@code questions}, validated against one valid submission. The
 * report divides by the number of questions: a flat time per question means linear growth.
 */
public class ValidationGrowthBenchmark extends MicrosecondsPerOperation {

  /** How many questions. */
  @Param({"10", "100", "1000"})
  public int questions;

  private CivicKitSubmission validator;
  private Map<String, List<String>> input;

  /** Builds the questions and the submission. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Question> all = new ArrayList<>();
    input = new HashMap<>();
    for (int copy = 0; all.size() < questions; copy++) {
      String suffix = "_" + copy;
      all.addAll(HousingForm.questions(suffix));
      input.putAll(HousingForm.valid(suffix));
    }
    validator = new CivicKitSubmission(all.subList(0, questions));
  }

  /** Validates every question. */
  @Benchmark
  public Object validate() {
    return validator.validate(input);
  }
}
