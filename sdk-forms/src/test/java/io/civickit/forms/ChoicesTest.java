package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.FieldError;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Exclusive "None of these", hints on options, "or" dividers, shared option lists, the autocomplete hook. */
class ChoicesTest {
  static final Locale EN = Locale.UK;
  static final Locale CY = Locale.forLanguageTag("cy");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  static final String FORM = """
      {"id": "waste", "version": 1, "title": {"en": "Carry waste", "cy": "Cludo gwastraff"},
       "optionLists": {"councils": [
         {"value": "north", "label": {"en": "North Bryncoed", "cy": "Gogledd Bryncoed"}},
         {"value": "south", "label": {"en": "South Bryncoed", "cy": "De Bryncoed"}}]},
       "pages": [{"id": "first", "questions": [
         {"id": "kinds", "type": "checkboxes",
          "label": {"en": "Which types of waste do you carry?", "cy": "Pa fathau o wastraff ydych chi'n eu cludo?"},
          "errorNoun": {"en": "the types of waste you carry", "cy": "y mathau o wastraff rydych chi'n eu cludo"},
          "options": [
            {"value": "animal", "label": {"en": "Animal carcasses", "cy": "Carcasau anifeiliaid"},
             "hint": {"en": "From farms or abattoirs", "cy": "O ffermydd neu ladd-dai"}},
            {"value": "mines", "label": {"en": "Mines or quarries", "cy": "Mwyngloddiau neu chwareli"}},
            {"value": "none", "label": {"en": "None of these", "cy": "Dim un o'r rhain"},
             "dividerBefore": true, "exclusive": true}]},
         {"id": "home", "type": "radios", "optionList": "councils",
          "label": {"en": "Where do you live?", "cy": "Ble ydych chi'n byw?"},
          "errorNoun": {"en": "where you live", "cy": "ble rydych chi'n byw"}},
         {"id": "work", "type": "select", "optionList": "councils",
          "label": {"en": "Where do you work?", "cy": "Ble ydych chi'n gweithio?"},
          "errorNoun": {"en": "where you work", "cy": "ble rydych chi'n gweithio"}}]}],
       "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                 "body": {"en": "Thanks", "cy": "Diolch"}}]}
      """;

  static final FormRenderer RENDERER = new FormRenderer("Carry waste");

  static Form form() {
    return Forms.read(FORM);
  }

  static String error(Question q, Map<String, List<String>> input, Locale locale) {
    return ((ValidationResult.Invalid) Validation.validate(q, input, locale, TODAY)).errors().get(0).message();
  }

  @Test
  void sharedOptionListsAreCopiedIntoEachQuestionAndTheFormLintsClean() {
    Form f = form();
    assertThat(f.question("home").orElseThrow().options()).isEqualTo(f.question("work").orElseThrow().options());
    assertThat(f.question("home").orElseThrow().options()).extracting(Option::value).containsExactly("north", "south");
    assertThat(FormLint.check(f)).isEmpty();
    assertThat(FormLint.checkJson(FORM)).isEmpty();
    assertThat(Forms.read(Forms.write(f))).isEqualTo(f);
  }

  @Test
  void anUnknownOptionListIsNamed() {
    assertThat(FormLint.checkJson(FORM.replace("\"type\": \"radios\", \"optionList\": \"councils\"",
        "\"type\": \"radios\", \"optionList\": \"counsils\"")))
        .extracting(LintProblem::toString)
        .containsExactly("$.pages[0].questions[1].optionList: no option list is named 'counsils'; the form's "
            + "optionLists are [councils]");
  }

  @Test
  void noneOfTheseCannotBeChosenWithAnotherOptionEvenWithoutJavaScript() {
    Question kinds = form().question("kinds").orElseThrow();
    assertThat(error(kinds, Map.of("kinds", List.of("animal", "none")), EN))
        .isEqualTo("Select the types of waste you carry, or select ‘None of these’");
    assertThat(error(kinds, Map.of("kinds", List.of("animal", "none")), CY))
        .isEqualTo("Dewiswch y mathau o wastraff rydych chi'n eu cludo, neu dewiswch ‘Dim un o'r rhain’");
    assertThat(error(kinds, Map.of(), EN)).isEqualTo("Select the types of waste you carry, or select ‘None of these’");
    ValidationResult none = Validation.validate(kinds, Map.of("kinds", List.of("none")), EN, TODAY);
    assertThat(none).isInstanceOf(ValidationResult.Valid.class);
    assertThat(Validation.validate(kinds, Map.of("kinds", List.of("animal", "mines")), EN, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
  }

  @Test
  void checkboxesRenderHintsTheDividerAndTheExclusiveBehaviour() {
    Page page = form().page("first").orElseThrow();
    Document doc = Jsoup.parse(RENDERER.renderPage(page, Map.of("kinds", List.of("none")), Map.<String, String>of(), EN));
    assertThat(doc.select("input[name=kinds]")).extracting(e -> e.id()).containsExactly("kinds", "kinds-2", "kinds-4");
    assertThat(doc.selectFirst("#kinds").attr("aria-describedby")).isEqualTo("kinds-item-hint");
    assertThat(doc.selectFirst("#kinds-item-hint").text()).isEqualTo("From farms or abattoirs");
    assertThat(doc.selectFirst(".govuk-checkboxes__divider").text()).isEqualTo("or");
    assertThat(doc.selectFirst("#kinds-4").attr("data-behaviour")).isEqualTo("exclusive");
    assertThat(doc.selectFirst("#kinds-4").hasAttr("checked")).isTrue();
    Document cy = Jsoup.parse(RENDERER.renderPage(page, Map.of(), Map.<String, String>of(), CY));
    assertThat(cy.selectFirst(".govuk-checkboxes__divider").text()).isEqualTo("neu");
    assertThat(cy.selectFirst("#kinds-item-hint").text()).isEqualTo("O ffermydd neu ladd-dai");
  }

  @Test
  void aSelectMarkedForTheAccessibleAutocompleteCarriesTheHookAndAPlainOneDoesNot() {
    Question.Builder b = Question.builder("area", QuestionType.SELECT).label("Area", "Ardal").errorNoun("your area", "eich ardal");
    for (int i = 1; i <= 20; i++) {
      b.option("a" + i, "Area " + i, "Ardal " + i);
    }
    Page plain = Page.builder("p").question(b.build()).build();
    Document doc = Jsoup.parse(RENDERER.renderPage(plain, Map.of(), Map.<String, String>of(), EN));
    assertThat(doc.selectFirst("select#area").hasAttr("data-module")).isFalse();
    Page marked = Page.builder("p").question(b.accessibleAutocomplete().build()).build();
    doc = Jsoup.parse(RENDERER.renderPage(marked, Map.of("area", List.of("a7")), Map.<String, String>of(), EN));
    assertThat(doc.selectFirst("select#area").attr("data-module")).isEqualTo("civickit-autocomplete");
    assertThat(doc.selectFirst("select#area option[selected]").text()).isEqualTo("Area 7");
    assertThat(doc.selectFirst("select#area option").attr("value")).isEmpty();
    assertThat(doc.select("script")).isEmpty();
    Document small = Jsoup.parse(RENDERER.renderPage(form().page("first").orElseThrow(), Map.of(), Map.<String, String>of(), EN));
    assertThat(small.selectFirst("select#work").hasAttr("data-module")).isFalse();
  }

  @Test
  void theAccessibleAutocompleteReadsWritesAndIsOnlyForASelect() {
    String json = FORM.replace("\"type\": \"select\", \"optionList\": \"councils\"",
        "\"type\": \"select\", \"accessibleAutocomplete\": true, \"optionList\": \"councils\"");
    Form form = Forms.read(json);
    Question work = form.question("work").orElseThrow();
    assertThat(work.accessibleAutocomplete()).isTrue();
    assertThat(Forms.write(form)).contains("\"accessibleAutocomplete\": true");
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
    assertThatThrownBy(() -> Question.builder("kinds", QuestionType.RADIOS).label("Kinds").errorNoun("kinds")
        .option("a", "A").accessibleAutocomplete().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question 'kinds': the accessible autocomplete is for a select, not radios");
  }

  @Test
  void lintKeepsTheAccessibleAutocompleteForLongListsAndSuggestsItForALongSelect() {
    String marked = FORM.replace("\"type\": \"select\", \"optionList\": \"councils\"",
        "\"type\": \"select\", \"accessibleAutocomplete\": true, \"optionList\": \"councils\"");
    assertThat(FormLint.checkJson(marked)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[2].accessibleAutocomplete: a list of 2 options is quicker to answer as radios than by "
            + "typing; keep the accessible autocomplete for long lists such as countries");
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 31; i++) {
      many.append(i > 1 ? ", " : "").append("{\"value\": \"w").append(i).append("\", \"label\": {\"en\": \"Ward ")
          .append(i).append("\", \"cy\": \"Ward ").append(i).append(" (cy)\"}}");
    }
    String longSelect = FORM.replace("\"type\": \"select\", \"optionList\": \"councils\"",
        "\"type\": \"select\", \"options\": [" + many + "]");
    assertThat(FormLint.checkJson(longSelect)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[2].options: a select of 31 options is hard to scroll; add \"accessibleAutocomplete\": "
            + "true so people can type to filter it");
    assertThat(FormLint.checkJson(longSelect.replace("\"type\": \"select\", \"options\"",
        "\"type\": \"select\", \"accessibleAutocomplete\": true, \"options\""))).isEmpty();
  }

  @Test
  void lintPutsNoneOfTheseLastAfterADividerAndRefusesHintsOnASelect() {
    String json = FORM.replace("\"dividerBefore\": true, \"exclusive\": true", "\"exclusive\": true")
        .replace("\"type\": \"select\", \"optionList\": \"councils\"", "\"type\": \"select\", \"options\": "
            + "[{\"value\": \"x\", \"label\": {\"en\": \"X\", \"cy\": \"Y\"}, \"hint\": {\"en\": \"Hint\", \"cy\": \"Awgrym\"}}]");
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.pages[0].questions[0].options[2].exclusive: an exclusive option such as 'None of these' goes last, after an "
            + "'or' divider, as the Design System shows it",
        "$.pages[0].questions[2].options[0].hint: a select cannot show hints on its options; use radios");
  }

  @Test
  void onlyCheckboxesHaveAnExclusiveOption() {
    assertThatThrownBy(() -> Question.builder("r", QuestionType.RADIOS).label("R").errorNoun("r")
        .option(Option.of("none", LocalisedText.english("None")).asExclusive()).build())
        .hasMessage("question 'r': option 'none' is exclusive, which only checkboxes can have, but the type is radios");
  }
}
