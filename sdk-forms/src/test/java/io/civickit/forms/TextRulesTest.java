package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A minimum length and a pattern with an authored message, as the Design System's text input words them. */
class TextRulesTest {
  static final Locale EN = Locale.UK;
  static final Locale CY = Locale.forLanguageTag("cy");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  static final Question NAME = Question.builder("name", QuestionType.TEXT).label("Full name", "Enw llawn")
      .errorNoun("your full name", "eich enw llawn").minLength(2).maxLength(35).build();
  static final Question PERMIT = Question.builder("permit", QuestionType.TEXT).label("Permit number", "Rhif trwydded")
      .errorNoun("your permit number", "rhif eich trwydded").errorSubject("Permit number", "rhif eich trwydded")
      .pattern("[A-Z]{2}[0-9]{6}", "Permit number must be 2 letters then 6 numbers, like AB123456",
          "Rhaid i rif eich trwydded fod yn 2 lythyren ac yna 6 rhif, fel AB123456")
      .build();

  static String error(Question q, String typed, Locale locale) {
    ValidationResult r = Validation.validate(q, Map.of(q.id(), List.of(typed)), locale, TODAY);
    return ((ValidationResult.Invalid) r).errors().get(0).message();
  }

  @Test
  void tooShortIsWordedAsTheDesignSystemDoes() {
    Question minimumOnly = Question.builder("name", QuestionType.TEXT).label("Full name", "Enw llawn")
        .errorNoun("your full name", "eich enw llawn").minLength(2).build();
    assertThat(error(minimumOnly, "A", EN)).isEqualTo("Full name must be 2 characters or more");
    assertThat(error(minimumOnly, "A", CY)).isEqualTo("Rhaid i’ch enw llawn fod yn 2 nod neu fwy");
    // both an authored minimum and maximum: "between", too short or too long
    assertThat(error(NAME, "A", EN)).isEqualTo("Full name must be between 2 and 35 characters");
    assertThat(error(NAME, "A", CY)).isEqualTo("Rhaid i’ch enw llawn fod rhwng 2 a 35 nod");
    assertThat(error(NAME, "A".repeat(36), EN)).isEqualTo("Full name must be between 2 and 35 characters");
    assertThat(Validation.validate(NAME, Map.of("name", List.of("Al")), EN, TODAY)).isInstanceOf(ValidationResult.Valid.class);
  }

  @Test
  void aPatternIsCheckedOnTheWholeAnswerWithTheAuthoredMessage() {
    assertThat(error(PERMIT, "AB12345", EN)).isEqualTo("Permit number must be 2 letters then 6 numbers, like AB123456");
    assertThat(error(PERMIT, "xAB123456", CY)).isEqualTo("Rhaid i rif eich trwydded fod yn 2 lythyren ac yna 6 rhif, fel AB123456");
    assertThat(Validation.validate(PERMIT, Map.of("permit", List.of(" AB123456 ")), EN, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
  }

  @Test
  void aPatternNeedsItsMessageAndMustCompile() {
    assertThatThrownBy(() -> Question.builder("p", QuestionType.TEXT).label("P").errorNoun("p").pattern("[a-", "P", "")
        .build()).hasMessageStartingWith("question 'p': pattern '[a-' is not a regular expression: ");
    String json = """
        {"id": "p", "version": 1, "languages": ["en"], "title": {"en": "P"},
         "pages": [{"id": "first", "questions": [
           {"id": "permit", "type": "text", "label": {"en": "Permit"}, "errorNoun": {"en": "your permit number"},
            "pattern": "[A-Z]{2}[0-9]{6}", "minLength": 8}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done"}, "body": {"en": "Thanks"}}]}
        """;
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[0].pattern: a pattern needs the question's own message 'pattern.invalid' saying what "
            + "the answer must look like, such as \"Permit number must be 2 letters then 6 numbers, like AB123456\"");
    String withMessage = json.replace("\"minLength\": 8", "\"minLength\": 8, \"messages\": {\"pattern.invalid\": "
        + "{\"en\": \"Permit number must be 2 letters then 6 numbers, like AB123456\"}}");
    assertThat(FormLint.checkJson(withMessage)).isEmpty();
    Form form = Forms.read(withMessage);
    assertThat(form.question("permit").orElseThrow().pattern()).contains("[A-Z]{2}[0-9]{6}");
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }

  @Test
  void lintRefusesTextRulesOnOtherTypes() {
    Question q = Question.builder("n", QuestionType.WHOLE_NUMBER).label("N").errorNoun("the number").minLength(2).build();
    Form f = Form.builder("x", 1).title("X").languages("en").page(Page.builder("p").question(q).build())
        .end(new FormEnd("done", LocalisedText.english("Done"), LocalisedText.english("Thanks"),
            io.civickit.core.Outcome.SUCCESS)).build();
    assertThat(FormLint.check(f)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[0].minLength: only text and textarea questions check a minimum length, not whole-number");
  }
}
