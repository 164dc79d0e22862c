package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Value;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The Design System's names pattern: one box for the full name, any characters, autocomplete and no spellcheck. */
class NameTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Question NAME = Question.builder("full_name", QuestionType.NAME).label("What is your full name?",
      "Beth yw eich enw llawn?").errorNoun("your full name", "eich enw llawn").maxLength(100).build();

  static String message(String typed, Locale locale) {
    return ((ValidationResult.Invalid) Validation.validate(NAME, Map.of("full_name", List.of(typed)), locale, TODAY))
        .errors().get(0).message();
  }

  @Test
  void anyCharactersAreAcceptedAndTheMessagesAreTheTextInputs() {
    assertThat(Validation.validate(NAME, Map.of("full_name", List.of("  Siân O'Brien-Ng 李 ")), Locale.UK, TODAY))
        .isEqualTo(new ValidationResult.Valid(Optional.of(Value.text("Siân O'Brien-Ng 李")), "Siân O'Brien-Ng 李"));
    assertThat(message("", Locale.UK)).isEqualTo("Enter your full name");
    assertThat(message("", Locale.forLanguageTag("cy"))).isEqualTo("Rhowch eich enw llawn");
    assertThat(message("x".repeat(101), Locale.UK)).isEqualTo("Full name must be 100 characters or less");
  }

  @Test
  void theInputHasNameAutocompleteAndNoSpellcheck() {
    Document d = Jsoup.parseBodyFragment(new FormRenderer("S").renderForm(Page.builder("name").question(NAME).build(),
        Map.of(), Map.of(), Locale.UK, FormOptions.NONE));
    assertThat(d.select("input#full_name").attr("autocomplete")).isEqualTo("name");
    assertThat(d.select("input#full_name").attr("spellcheck")).isEqualTo("false");
    assertThat(d.select("input#full_name").attr("type")).isEqualTo("text");
    assertThat(d.select("h1 label[for=full_name]").text()).isEqualTo("What is your full name?");
  }
}
