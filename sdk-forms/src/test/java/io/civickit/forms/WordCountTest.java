package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Value;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.internal.validation.Input;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A textarea with a word limit: the character count counting words, and its message in English and Welsh. */
public class WordCountTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Locale CY = Locale.forLanguageTag("cy");

  public static final Question SUMMARY = Question.builder("summary", QuestionType.TEXTAREA)
      .label("Describe the problem", "Disgrifiwch y broblem")
      .errorNoun("a summary of the problem", "crynodeb o'r broblem")
      .errorSubject("Summary", "y crynodeb").maxWords(5).build();

  static ValidationResult validate(String text, Locale locale) {
    return Validation.validate(SUMMARY, Map.of("summary", List.of(text)), locale, TODAY);
  }

  @Test
  void moreWordsThanTheLimitIsRefusedWithTheDesignSystemsWording() {
    assertThat(validate("one two  three\nfour five", Locale.UK))
        .isEqualTo(new ValidationResult.Valid(java.util.Optional.of(Value.text("one two  three\nfour five")),
            "one two  three\nfour five"));
    assertThat(((ValidationResult.Invalid) validate("one two three four five six", Locale.UK)).errors().get(0).message())
        .isEqualTo("Summary must be 5 words or less");
    assertThat(((ValidationResult.Invalid) validate("un dau tri pedwar pump chwech", CY)).errors().get(0).message())
        .isEqualTo("Rhaid i’r crynodeb fod yn 5 gair neu lai");
  }

  @Test
  void characterCountCountsWordsAndTheCharacterLimitNeverBitesFirst() {
    assertThat(SUMMARY.maxLength()).isEqualTo(100);
    Page page = Page.builder("p").question(SUMMARY).build();
    Document d = Jsoup.parseBodyFragment(new FormRenderer("S").renderForm(page, Map.of(), Map.of(), Locale.UK,
        FormOptions.NONE));
    assertThat(d.select(".govuk-character-count").attr("data-maxwords")).isEqualTo("5");
    assertThat(d.select(".govuk-character-count").hasAttr("data-maxlength")).isFalse();
    assertThat(d.select("#summary-info").text()).isEqualTo("You can enter up to 5 words");
    Document cy = Jsoup.parseBodyFragment(new FormRenderer("S").renderForm(page, Map.of(), Map.of(), CY,
        FormOptions.NONE));
    assertThat(cy.select("#summary-info").text()).isEqualTo("Gallwch roi hyd at 5 gair");
    assertThatThrownBy(() -> Question.builder("x", QuestionType.TEXT).label("X").errorNoun("x").maxWords(3).build())
        .hasMessage("question 'x': a word limit is for textareas, not text");
    Form form = Form.builder("f", 1).title("F", "F").page(page).end(new FormEnd("done", LocalisedText.of("Done", "Wedi"),
        LocalisedText.of("Thanks", "Diolch"), io.civickit.core.Outcome.SUCCESS)).build();
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
    assertThat(Forms.write(form)).containsPattern("\"maxWords\"\\s*:\\s*5");
  }

  /** As GOV.UK Frontend's script counts: {@code (text.match(/\S+/g) || []).length}. */
  @Property
  void wordsAreCountedAsGovukFrontendCountsThem(@ForAll String text) {
    long expected = java.util.regex.Pattern.compile(
        "[^\\t\\n\\x0B\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+")
        .matcher(text).results().count();
    assertThat(Input.words(text)).isEqualTo((int) expected);
  }
}
