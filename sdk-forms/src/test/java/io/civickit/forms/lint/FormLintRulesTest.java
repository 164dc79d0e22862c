package io.civickit.forms.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Outcome;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormLintRulesTest {

  static Question q(String id, QuestionType type) {
    Question.Builder b = Question.builder(id, type).label("Question " + id, "Cwestiwn " + id)
        .errorNoun("the " + id, "y " + id);
    if (type == QuestionType.RADIOS) {
      b.option("red", "Red", "Coch").option("blue", "Blue", "Glas");
    }
    return b.build();
  }

  static Form.Builder form() {
    return Form.builder("lint", 1).title("Lint", "Lint Cymraeg")
        .end(new FormEnd("done", LocalisedText.of("Done", "Wedi gorffen"), LocalisedText.of("Thanks", "Diolch"),
            Outcome.SUCCESS));
  }

  static List<String> lint(Form f) {
    return FormLint.check(f).stream().map(LintProblem::toString).toList();
  }

  @Test
  void conditionOnAQuestionAskedLaterIsReported() {
    Form f = form().page(Page.builder("a").question(q("colour", QuestionType.RADIOS))
            .question(Question.builder("why", QuestionType.TEXT).label("Why", "Pam").errorNoun("why", "pam")
                .errorSubject("Reason", "y rheswm").showIf("size > 2").build()).build())
        .page(Page.builder("b").question(q("size", QuestionType.WHOLE_NUMBER)).build()).build();
    assertThat(lint(f)).containsExactly("$.pages[0].questions[1].showIf: condition refers to question 'size', "
        + "which is asked later (on page 'b'), so it has no answer when the show-if is decided");
  }

  @Test
  void dateComparedWithNumberIsReported() {
    Form f = form().page(Page.builder("a").question(q("start", QuestionType.DATE)).build())
        .page(Page.builder("b").showIf("start > 3").question(q("size", QuestionType.WHOLE_NUMBER)).build()).build();
    assertThat(lint(f)).singleElement().asString().startsWith("$.pages[1].showIf: 'start > 3' compares date with number");
  }

  @Test
  void choiceTestedAgainstAValueThatIsNotAnOptionIsReported() {
    Form f = form().page(Page.builder("a").question(q("colour", QuestionType.RADIOS)).build())
        .page(Page.builder("b").showIf("colour in ['red', 'green']").question(q("size", QuestionType.TEXT)).build())
        .build();
    assertThat(lint(f)).containsExactly(
        "$.pages[1].showIf: 'green' is not an option of question 'colour' (options: red, blue)");
  }

  @Test
  void alwaysTrueRouteMakesLaterPagesUnreachable() {
    Form f = form().page(Page.builder("a").question(q("one", QuestionType.TEXT)).build())
        .page(Page.builder("b").question(q("two", QuestionType.TEXT)).build())
        .page(Page.builder("c").question(q("three", QuestionType.TEXT)).build())
        .route("a", "1 = 1", "c").build();
    assertThat(lint(f)).containsExactly("$.pages[1]: no route reaches page 'b'",
        "$.routes[0].condition: condition '1 = 1' is always true");
  }

  @Test
  void endThatNothingLeadsToIsReported() {
    Form f = form().page(Page.builder("a").question(q("one", QuestionType.TEXT)).build())
        .end(new FormEnd("refused", LocalisedText.of("Refused", "Wedi gwrthod"), LocalisedText.of("No", "Na"),
            Outcome.INELIGIBLE)).build();
    assertThat(lint(f)).containsExactly("$.ends[1]: nothing leads to end 'refused'");
  }

  @Test
  void firstPageWithShowIfIsReported() {
    Form f = form().page(Page.builder("a").showIf("journey.channel = 'ONLINE'").question(q("one", QuestionType.TEXT))
        .build()).build();
    assertThat(lint(f)).containsExactly("$.pages[0].showIf: the first page cannot have a show-if: every journey starts there");
  }

  @Test
  void welshPlaceholderAndLowerCasedLabelAreReported() {
    Question nino = Question.builder("nino", QuestionType.NATIONAL_INSURANCE_NUMBER)
        .label("National Insurance number", "TODO").errorNoun("national insurance number", "rhif Yswiriant Gwladol")
        .build();
    assertThat(lint(form().page(Page.builder("a").question(nino).build()).build())).containsExactly(
        "$.pages[0].questions[0].label.cy: Welsh text is a placeholder: 'TODO'",
        "$.pages[0].questions[0].errorNoun.en: error noun 'national insurance number' is the label in lower case, "
            + "losing its capitals; write it as it reads in a message, such as 'National Insurance number'");
  }

  @Test
  void addressPartsAreKnownToConditions() {
    Form ok = form().page(Page.builder("a").question(q("home", QuestionType.ADDRESS)).build())
        .page(Page.builder("b").showIf("home.postcode = 'CF10 1AA'").question(q("two", QuestionType.TEXT)).build())
        .build();
    assertThat(lint(ok)).isEmpty();
    Form bad = form().page(Page.builder("a").question(q("home", QuestionType.ADDRESS)).build())
        .page(Page.builder("b").showIf("home.county = 'Gwent'").question(q("two", QuestionType.TEXT)).build())
        .build();
    assertThat(lint(bad)).containsExactly(
        "$.pages[1].showIf: question 'home' has no part 'county'; it has line1, line2, postcode, town, uprn");
  }

  @Test
  void questionNamedAfterAKeywordIsReported() {
    Form f = form().page(Page.builder("a").question(q("today", QuestionType.DATE)).build()).build();
    assertThat(lint(f)).singleElement().asString().startsWith("$.pages[0].questions[0].id: question id 'today'");
  }

  @Test
  void formMessagesThatBreakContentRulesAreReported() {
    String json = """
        {"id": "bins", "version": 1, "title": {"en": "Bins", "cy": "Biniau"},
         "messages": {
           "postcode.invalid": {"en": "Please enter a valid postcode!", "cy": "Rhowch god post"},
           "required": {"en": "Enter {nown}", "cy": "Rhowch {noun_soft}"}},
         "pages": [{"id": "first", "questions": [
           {"id": "age", "type": "whole-number", "label": {"en": "Your age", "cy": "Eich oedran"},
            "errorNoun": {"en": "your age", "cy": "eich oedran"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                   "body": {"en": "Thanks", "cy": "Diolch"}}]}
        """;
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.messages['postcode.invalid'].en: error message 'Please enter a valid postcode!': "
            + "do not say 'please' in an error message",
        "$.messages['postcode.invalid'].en: error message 'Please enter a valid postcode!': "
            + "say what is wrong instead of 'valid'",
        "$.messages['postcode.invalid'].en: error message 'Please enter a valid postcode!': "
            + "do not use exclamation marks",
        "$.messages.required.en: unknown placeholder {nown}; use {Noun}, {Subject}, {date}, {example}, {i_noun}, "
            + "{i_subject}, {max}, {min}, {none}, {noun}, {noun_soft}, {size}, {subject}, {types}");
  }

  @Test
  void formMessagesWithUnknownKeysOrNoWelshAreStructuralProblems() {
    String json = """
        {"id": "bins", "version": 1, "title": {"en": "Bins", "cy": "Biniau"},
         "messages": {"postcode.wrong": {"en": "Enter a postcode", "cy": "Rhowch god post"},
                      "required": {"en": "Enter {noun}"}},
         "pages": [{"id": "first", "questions": [
           {"id": "age", "type": "whole-number", "label": {"en": "Your age", "cy": "Eich oedran"},
            "errorNoun": {"en": "your age", "cy": "eich oedran"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                   "body": {"en": "Thanks", "cy": "Diolch"}}]}
        """;
    List<String> problems = FormLint.checkJson(json).stream().map(LintProblem::toString).toList();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("$.messages['postcode.wrong']: unknown message key 'postcode.wrong'");
    assertThat(problems.get(1)).isEqualTo("$.messages.required.cy: missing Welsh text");
  }

  @Test
  void jsonLintListsEveryStructuralProblem() {
    String json = """
        {"id": "bins", "version": 0, "title": {"en": "Bins"},
         "pages": [{"id": "First", "questions": []}],
         "ends": []}
        """;
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.version: version 0 is not between 1 and 2147483647",
        "$.title.cy: missing Welsh text",
        "$.pages[0].id: id 'First' must match [a-z][a-z0-9-]{0,63} (lower-case letters, digits and hyphens)",
        "$.pages[0].questions: must not be empty",
        "$.ends: must not be empty");
  }

  @Test
  void sampleFormIsCleanAsJson() throws Exception {
    try (var in = FormLintRulesTest.class.getResourceAsStream("/forms/garden-waste-permit.json")) {
      assertThat(FormLint.checkJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }
  }
}
