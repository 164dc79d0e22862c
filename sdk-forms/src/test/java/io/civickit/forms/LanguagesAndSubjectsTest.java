package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Outcome;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form's declared languages, and the two names the Design System's messages use for a question. */
class LanguagesAndSubjectsTest {
  static final Locale EN = Locale.UK;
  static final Locale CY = Locale.forLanguageTag("cy");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  static final String ENGLISH_ONLY = """
      {"id": "hours", "version": 1, "languages": ["en"], "title": {"en": "Claim support"},
       "pages": [{"id": "work", "questions": [
         {"id": "hours", "type": "whole-number", "label": {"en": "How many hours do you work a week?"},
          "errorNoun": {"en": "how many hours you work a week"},
          "errorSubject": {"en": "Hours worked a week"}, "min": 16, "max": 99}]}],
       "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done"}, "body": {"en": "Thanks"}}]}
      """;

  static String error(Question q, Map<String, List<String>> input, Locale locale) {
    ValidationResult r = Validation.validate(q, input, locale, TODAY);
    return ((ValidationResult.Invalid) r).errors().get(0).message();
  }

  @Test
  void anEnglishOnlyFormNeedsNoWelshAndReadsBackEqual() {
    Form form = Forms.read(ENGLISH_ONLY);
    assertThat(form.languages()).containsExactly("en");
    assertThat(form.welsh()).isFalse();
    assertThat(form.title().hasWelsh()).isFalse();
    assertThat(form.title().in(CY)).isEqualTo("Claim support");
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
    assertThat(Forms.write(form)).contains("\"languages\"").doesNotContain("\"cy\"");
    assertThat(FormLint.checkJson(ENGLISH_ONLY)).isEmpty();
  }

  @Test
  void aFormWithoutLanguagesIsInEnglishAndWelshAndNeedsWelshEverywhere() {
    String json = ENGLISH_ONLY.replace("\"languages\": [\"en\"], ", "");
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).contains(
        "$.title.cy: missing Welsh text",
        "$.pages[0].questions[0].errorSubject.cy: missing Welsh text",
        "$.ends[0].body.cy: missing Welsh text");
    String declared = ENGLISH_ONLY.replace("[\"en\"]", "[\"en\", \"cy\"]");
    assertThat(FormLint.checkJson(declared)).extracting(LintProblem::toString).contains("$.title.cy: missing Welsh text");
  }

  @Test
  void unknownLanguagesAreRejectedWithTheValue() {
    assertThat(FormLint.checkJson(ENGLISH_ONLY.replace("[\"en\"]", "[\"cy\", \"en\"]")))
        .extracting(LintProblem::toString)
        .containsExactly("$.languages: languages must be [\"en\"] or [\"en\", \"cy\"] but found [cy, en]");
    assertThatThrownBy(() -> Form.builder("x", 1).title("X").languages("en", "fr")
        .page(Page.builder("p").question(Question.builder("a", QuestionType.TEXT).label("A").errorNoun("a").build())
            .build())
        .end(new FormEnd("done", LocalisedText.english("Done"), LocalisedText.english("Thanks"), Outcome.SUCCESS))
        .build())
        .hasMessage("form 'x': languages [en, fr] must be [\"en\"] or [\"en\", \"cy\"]");
  }

  @Test
  void builderFormInWelshNamesTheFirstTextWithoutWelsh() {
    Question name = Question.builder("name", QuestionType.TEXT).label("Full name", "Enw llawn")
        .errorNoun("your full name").build();
    assertThatThrownBy(() -> Form.builder("x", 1).title("X", "Y").page(Page.builder("p").question(name).build())
        .end(new FormEnd("done", LocalisedText.of("Done", "Wedi gorffen"), LocalisedText.of("Thanks", "Diolch"),
            Outcome.SUCCESS)).build())
        .hasMessage("form 'x' declares Welsh but its question 'name' errorNoun has no Welsh (English: 'your full name')");
    Form english = Form.builder("x", 1).title("X").languages("en").page(Page.builder("p").question(name).build())
        .end(new FormEnd("done", LocalisedText.english("Done"), LocalisedText.english("Thanks"), Outcome.SUCCESS))
        .build();
    assertThat(english.languages()).containsExactly("en");
    assertThat(FormLint.check(english)).isEmpty();
  }

  @Test
  void lintStillFlagsWelshCopiedFromEnglishInAWelshFormOnly() {
    String copied = """
        {"id": "bins", "version": 1, "title": {"en": "Order bins", "cy": "Order bins"},
         "pages": [{"id": "first", "questions": [
           {"id": "age", "type": "text", "label": {"en": "Your name", "cy": "Eich enw"},
            "errorNoun": {"en": "your name", "cy": "eich enw"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                   "body": {"en": "Thanks", "cy": "Diolch"}}]}
        """;
    assertThat(FormLint.checkJson(copied)).extracting(LintProblem::toString)
        .containsExactly("$.title.cy: Welsh text is a copy of the English: 'Order bins'");
  }

  @Test
  void messagesUseTheNounAfterAVerbAndTheSubjectAtTheStart() {
    Question hours = Forms.read(ENGLISH_ONLY).question("hours").orElseThrow();
    assertThat(error(hours, Map.of(), EN)).isEqualTo("Enter how many hours you work a week");
    assertThat(error(hours, Map.of("hours", List.of("lots")), EN)).isEqualTo("Hours worked a week must be a number, like 30");
    assertThat(error(hours, Map.of("hours", List.of("7.5")), EN))
        .isEqualTo("Hours worked a week must be a whole number, like 30");
    assertThat(error(hours, Map.of("hours", List.of("100")), EN)).isEqualTo("Hours worked a week must be between 16 and 99");
    // An English-only form asked in Welsh shows its English text; the built-in frame stays Welsh.
    assertThat(error(hours, Map.of("hours", List.of("lots")), CY))
        .isEqualTo("Rhaid i oriau worked a week fod yn rhif, fel 30".replace("oriau worked", "Hours worked"));
  }

  @Test
  void theDefaultSubjectDropsYourAndStartsWithACapital() {
    Question dob = Question.builder("dob", QuestionType.DATE).label("Date of birth", "Dyddiad geni")
        .errorNoun("your date of birth", "eich dyddiad geni").build();
    assertThat(dob.subject(EN)).isEqualTo("Date of birth");
    assertThat(dob.subject(CY)).isEqualTo("eich dyddiad geni");
    assertThat(error(dob, Map.of("dob-day", List.of("1"), "dob-year", List.of("1990")), EN))
        .isEqualTo("Date of birth must include a month");
    assertThat(error(dob, Map.of("dob-day", List.of("1"), "dob-year", List.of("1990")), CY))
        .isEqualTo("Rhaid i’ch dyddiad geni gynnwys mis");
    assertThat(error(dob, Map.of(), EN)).isEqualTo("Enter your date of birth");
  }

  @Test
  void aQuestionsOwnMessageReplacesTheFormsAndTheBuiltInOne() {
    Question bins = Question.builder("bins", QuestionType.WHOLE_NUMBER).label("Bins", "Biniau")
        .errorNoun("how many bins you need", "faint o finiau sydd eu hangen arnoch")
        .errorSubject("Number of bins", "nifer y biniau")
        .message("number.invalid", "{Subject} must be a number, like 2", "Rhaid {i_subject} fod yn rhif, fel 2")
        .build();
    assertThat(error(bins, Map.of("bins", List.of("two")), EN)).isEqualTo("Number of bins must be a number, like 2");
    assertThat(error(bins, Map.of("bins", List.of("two")), CY)).isEqualTo("Rhaid i nifer y biniau fod yn rhif, fel 2");
    Messages council = Messages.defaults().with(EN, Map.of("number.invalid", "{Subject} must be digits"));
    assertThat(((ValidationResult.Invalid) Validation.validate(bins, Map.of("bins", List.of("two")), EN, TODAY, council))
        .errors().get(0).message()).isEqualTo("Number of bins must be a number, like 2");
    assertThat(error(bins, Map.of("bins", List.of("1.5")), EN)).isEqualTo("Number of bins must be a whole number, like 30");
    assertThatThrownBy(() -> Question.builder("x", QuestionType.TEXT).label("X").errorNoun("x").message("nope", "Nope")
        .build()).hasMessageStartingWith("question 'x': unknown message key 'nope'; the keys are [");
  }

  @Test
  void lintAsksForASubjectWhenTheNounIsAClause() {
    String json = ENGLISH_ONLY.replace("\"errorSubject\": {\"en\": \"Hours worked a week\"}, ", "");
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[0].errorNoun.en: error noun 'how many hours you work a week' reads wrongly at the start "
            + "of a sentence ('How many hours you work a week must be ...'); add an errorSubject, a name such as "
            + "'Hours worked a week'");
  }

  @Test
  void questionMessagesAreLintedLikeFormMessages() {
    String json = ENGLISH_ONLY.replace("\"min\": 16", "\"messages\": {\"number.min\": {\"en\": \"Please enter {subjct}\"}}, \"min\": 16");
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).contains(
        "$.pages[0].questions[0].messages['number.min'].en: error message 'Please enter {subjct}': "
            + "do not say 'please' in an error message");
  }
}
