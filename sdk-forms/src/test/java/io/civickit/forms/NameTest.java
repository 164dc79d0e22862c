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

  static final Question PARTS = Question.builder("applicant", QuestionType.FIRST_AND_LAST_NAME)
      .label("What is your name?", "Beth yw eich enw?").errorNoun("your name", "eich enw").maxLength(35).build();

  static List<io.civickit.core.FieldError> errors(Map<String, List<String>> input, Locale locale) {
    return ((ValidationResult.Invalid) Validation.validate(PARTS, input, locale, TODAY)).errors();
  }

  @Test
  void firstAndLastNameAreTwoBoxesEachWithItsOwnMessage() {
    assertThat(errors(Map.of(), Locale.UK)).extracting(e -> e.field() + ": " + e.message())
        .containsExactly("applicant-first: Enter your first name", "applicant-last: Enter your last name");
    assertThat(errors(Map.of("applicant-first", List.of("Siân")), Locale.forLanguageTag("cy")))
        .extracting(e -> e.field() + ": " + e.message()).containsExactly("applicant-last: Rhowch eich cyfenw");
    assertThat(errors(Map.of("applicant-first", List.of("S"), "applicant-last", List.of("x".repeat(36))), Locale.UK))
        .extracting(e -> e.field() + ": " + e.message())
        .containsExactly("applicant-last: Last name must be 35 characters or less");
    ValidationResult ok = Validation.validate(PARTS, Map.of("applicant-first", List.of(" Siân "),
        "applicant-last", List.of("O'Brien")), Locale.UK, TODAY);
    assertThat(ok).isEqualTo(new ValidationResult.Valid(Optional.of(Value.fields(new java.util.LinkedHashMap<>(
        Map.of("first", Value.text("Siân"), "last", Value.text("O'Brien"))))), "Siân O'Brien"));
    assertThat(io.civickit.forms.validation.AnswerFormat.display(PARTS, ((ValidationResult.Valid) ok).value().get(),
        Locale.UK)).isEqualTo("Siân O'Brien");

    Page page = Page.builder("name").question(PARTS).build();
    Document d = Jsoup.parse(new FormRenderer("S").renderPage(page, Map.of("applicant-first", List.of("Siân")),
        errors(Map.of("applicant-first", List.of("Siân")), Locale.UK), Locale.UK, FormOptions.NONE));
    assertThat(d.select("fieldset legend h1").text()).isEqualTo("What is your name?");
    assertThat(d.select("input#applicant-first").attr("autocomplete")).isEqualTo("given-name");
    assertThat(d.select("input#applicant-last").attr("autocomplete")).isEqualTo("family-name");
    assertThat(d.select("input#applicant-first").val()).isEqualTo("Siân");
    assertThat(d.select("input.govuk-input--error")).extracting(e -> e.id()).containsExactly("applicant-last");
    assertThat(d.select(".govuk-error-summary a").attr("href")).isEqualTo("#applicant-last");
    Document cy = Jsoup.parse(new FormRenderer("S").renderPage(page, Map.of(), List.of(), Locale.forLanguageTag("cy"),
        FormOptions.NONE));
    assertThat(cy.select("label[for=applicant-first]").text()).isEqualTo("Enw cyntaf");
    assertThat(cy.select("label[for=applicant-last]").text()).isEqualTo("Cyfenw");
  }
}
