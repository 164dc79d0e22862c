package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.lint.FormLint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Numbers with a unit before or after the input, as GOV.UK Frontend's input prefix and suffix. */
class UnitsTest {
  static final String FORM = """
      {"id": "bulky", "version": 1, "title": {"en": "Bulky waste", "cy": "Gwastraff swmpus"},
       "pages": [{"id": "weight", "questions": [
         {"id": "weight", "type": "decimal", "label": {"en": "Weight, in kilograms", "cy": "Pwysau, mewn cilogramau"},
          "errorNoun": {"en": "the weight", "cy": "y pwysau"},
          "suffix": {"en": "kg", "cy": "kg"}},
         {"id": "rent", "type": "money", "label": {"en": "Rent, in pounds per week", "cy": "Rhent, mewn punnoedd yr wythnos"},
          "errorNoun": {"en": "your rent", "cy": "eich rhent"},
          "suffix": {"en": "per week", "cy": "yr wythnos"}}]}],
       "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                 "body": {"en": "Thanks", "cy": "Diolch"}}]}
      """;

  @Test
  void unitsAreShownAroundTheInputInEachLanguage() {
    Form form = Forms.read(FORM);
    assertThat(FormLint.check(form)).isEmpty();
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
    FormRenderer renderer = new FormRenderer("Bulky waste");
    Page page = form.page("weight").orElseThrow();
    Document en = Jsoup.parse(renderer.renderPage(page, Map.of(), List.of(), Locale.UK, FormOptions.NONE));
    assertThat(en.select("#weight ~ .govuk-input__suffix").text()).isEqualTo("kg");
    assertThat(en.select(".govuk-input__wrapper:has(#rent) .govuk-input__prefix").text()).isEqualTo("£");
    assertThat(en.select("#rent ~ .govuk-input__suffix").text()).isEqualTo("per week");
    assertThat(en.select(".govuk-input__suffix").eachAttr("aria-hidden")).containsOnly("true");
    Document cy = Jsoup.parse(renderer.renderPage(page, Map.of(), List.of(), Locale.forLanguageTag("cy"), FormOptions.NONE));
    assertThat(cy.select("#rent ~ .govuk-input__suffix").text()).isEqualTo("yr wythnos");
  }

  @Test
  void onlyNumbersHaveUnits() {
    assertThatThrownBy(() -> Question.builder("t", QuestionType.TEXT).label("T").errorNoun("t")
        .suffix(LocalisedText.english("kg")).build())
        .hasMessage("question 't': a prefix or suffix is for numbers and money, not text");
  }
}
