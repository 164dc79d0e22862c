package io.civickit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.benchmarks.validation.BeanValidationSubmission;
import io.civickit.benchmarks.validation.CivicKitSubmission;
import io.civickit.benchmarks.validation.HandWrittenSubmission;
import io.civickit.benchmarks.validation.HousingForm;
import io.civickit.benchmarks.validation.JsonSchemaSubmission;
import io.civickit.benchmarks.validation.SubmissionValidator;
import io.civickit.core.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validation benchmark compares like with like only if every validator accepts and rejects
 * the same submissions. These tests hold them to that on the benchmark's own inputs and on one
 * mistake in every rule of the form.
 */
class CompetitorsAgreeTest {

  private static final List<SubmissionValidator> VALIDATORS = List.of(new CivicKitSubmission(),
      new JsonSchemaSubmission(), new BeanValidationSubmission(), new HandWrittenSubmission());

  private static Set<String> invalid(SubmissionValidator v, Map<String, List<String>> input) {
    return v.invalidQuestions(v.validate(input));
  }

  @Test
  void everyValidatorAcceptsTheBenchmarksValidSubmission() {
    for (SubmissionValidator v : VALIDATORS) {
      assertThat(invalid(v, HousingForm.valid())).as(v.name()).isEmpty();
    }
  }

  @Test
  void everyValidatorRejectsTheSameSevenQuestionsOfTheBenchmarksInvalidSubmission() {
    for (SubmissionValidator v : VALIDATORS) {
      assertThat(invalid(v, HousingForm.invalid())).as(v.name())
          .containsExactlyInAnyOrderElementsOf(HousingForm.INVALID_FIELDS);
    }
  }

  @Test
  void everyValidatorRejectsEachSingleMistakeOnTheSameQuestionAndNoOther() {
    for (HousingForm.Fault fault : HousingForm.faults()) {
      for (SubmissionValidator v : VALIDATORS) {
        assertThat(invalid(v, fault.apply())).as(v.name() + " on " + fault).containsExactly(fault.question());
      }
    }
  }

  @Test
  void civicKitAndHandWrittenReportEachErrorOnTheSameInputWithAMessage() {
    var civic = new CivicKitSubmission().validate(HousingForm.invalid());
    var hand = new HandWrittenSubmission().validate(HousingForm.invalid());
    assertThat(hand.errors()).extracting(FieldError::field)
        .containsExactlyElementsOf(civic.errors().stream().map(FieldError::field).toList());
    assertThat(hand.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }
}
