package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.address.Countries;
import io.civickit.forms.address.Country;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.internal.validation.QuestionValidator;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An address outside the UK: free lines, the country from a list, messages in English and Welsh. */
class InternationalAddressTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  static final Locale CY = Locale.forLanguageTag("cy");
  static final Question ABROAD = Question.builder("abroad", QuestionType.INTERNATIONAL_ADDRESS)
      .label("What is your address?", "Beth yw eich cyfeiriad?").errorNoun("your address", "eich cyfeiriad")
      .maxLength(35).build();

  static Map<String, List<String>> typed(String... partsAndValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < partsAndValues.length; i += 2) {
      m.put("abroad-" + partsAndValues[i], List.of(partsAndValues[i + 1]));
    }
    return m;
  }

  static List<String> errors(Question q, Map<String, List<String>> input, Locale locale) {
    ValidationResult r = Validation.validate(q, input, locale, TODAY);
    return ((ValidationResult.Invalid) r).errors().stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  @Test
  void anAddressWithLineOneAndACountryIsKeptWithTheCountrysCode() {
    ValidationResult r = Validation.validate(ABROAD, typed("line1", " 12 Rue de la Paix ", "town", "Paris",
        "postcode", "75002", "country", "FR"), Locale.UK, TODAY);
    Map<String, Value> parts = new LinkedHashMap<>();
    parts.put("line1", Value.text("12 Rue de la Paix"));
    parts.put("town", Value.text("Paris"));
    parts.put("postcode", Value.text("75002"));
    parts.put("country", Value.text("FR"));
    assertThat(r).isEqualTo(new ValidationResult.Valid(Optional.of(Value.fields(parts)),
        "12 Rue de la Paix\nParis\n75002\nFrance"));
    assertThat(AnswerFormat.display(ABROAD, Value.fields(parts), CY)).isEqualTo("12 Rue de la Paix\nParis\n75002\nFfrainc");
    // only line 1 and the country are needed: many countries have no postal code or region
    assertThat(Validation.validate(ABROAD, typed("line1", "Plot 7, Kololo", "country", "UG"), Locale.UK, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
  }

  @Test
  void eachPartInErrorHasItsOwnMessageInEnglishAndWelsh() {
    assertThat(errors(ABROAD, Map.of(), Locale.UK)).containsExactly("abroad-line1: Enter your address");
    assertThat(errors(ABROAD, Map.of(), CY)).containsExactly("abroad-line1: Rhowch eich cyfeiriad");
    assertThat(errors(ABROAD, typed("town", "Paris"), Locale.UK)).containsExactly(
        "abroad-line1: Enter address line 1", "abroad-country: Select the country");
    assertThat(errors(ABROAD, typed("town", "Paris"), CY)).containsExactly(
        "abroad-line1: Rhowch linell 1 y cyfeiriad", "abroad-country: Dewiswch y wlad");
    assertThat(errors(ABROAD, typed("line1", "1 Main Street", "country", "GB"), Locale.UK))
        .containsExactly("abroad-country: Select a country from the list");
    assertThat(errors(ABROAD, typed("line1", "1 Main Street", "country", "ZZ"), CY))
        .containsExactly("abroad-country: Dewiswch wlad o’r rhestr");
    assertThat(errors(ABROAD, typed("line1", "x".repeat(36), "line2", "x".repeat(36), "line3", "x".repeat(36),
        "town", "x".repeat(36), "region", "x".repeat(36), "postcode", "x".repeat(21), "country", "FR"), Locale.UK))
        .containsExactly("abroad-line1: Address line 1 must be 35 characters or less",
            "abroad-line2: Address line 2 must be 35 characters or less",
            "abroad-line3: Address line 3 must be 35 characters or less",
            "abroad-town: Town or city must be 35 characters or less",
            "abroad-region: State, province or region must be 35 characters or less",
            "abroad-postcode: Postal code or ZIP code must be 20 characters or less");
    assertThat(errors(ABROAD, typed("line1", "1", "line3", "x".repeat(36), "region", "x".repeat(36),
        "postcode", "x".repeat(21), "country", "FR"), CY))
        .containsExactly("abroad-line3: Rhaid i linell 3 y cyfeiriad fod yn 35 nod neu lai",
            "abroad-region: Rhaid i’r dalaith neu’r rhanbarth fod yn 35 nod neu lai",
            "abroad-postcode: Rhaid i’r cod post fod yn 20 nod neu lai");
    Question optional = Question.builder("abroad", QuestionType.INTERNATIONAL_ADDRESS).label("Address abroad")
        .errorNoun("your address abroad").optional().build();
    assertThat(Validation.validate(optional, Map.of(), Locale.UK, TODAY))
        .isEqualTo(new ValidationResult.Valid(Optional.empty(), ""));
  }

  @Test
  void theCountriesHaveEnglishAndWelshNamesAndLeaveOutTheUk() {
    assertThat(Countries.all()).hasSizeGreaterThan(240);
    assertThat(Countries.find("DE")).contains(new Country("DE", LocalisedText.of("Germany", "Yr Almaen")));
    assertThat(Countries.find("US").orElseThrow().name().cy()).isEqualTo("Yr Unol Daleithiau");
    assertThat(Countries.find("GB")).isEmpty();
    assertThat(Countries.find("AQ")).isEmpty();
    assertThat(Countries.all()).extracting(Country::code).doesNotHaveDuplicates();
    assertThat(Countries.all().get(0).name().en()).isEqualTo("Afghanistan");
    // sorted by the name in the page's language: Germany is under Y in Welsh
    List<String> welsh = Countries.sorted(CY).stream().map(c -> c.name().cy()).toList();
    assertThat(welsh.indexOf("Yr Almaen")).isGreaterThan(welsh.indexOf("Zambia") - 10).isGreaterThan(welsh.indexOf("Ffrainc"));
  }

  @Test
  void thePageHasTheLinesAndACountrySelectMarkedForTheAutocomplete() {
    FormRenderer renderer = new FormRenderer("Register to vote from abroad");
    Page page = Page.builder("address").question(ABROAD).build();
    Document d = Jsoup.parseBodyFragment(renderer.renderForm(page, typed("line1", "12 Rue de la Paix", "country", "FR"),
        Map.of(), Locale.UK, FormOptions.NONE));
    assertThat(d.select("fieldset legend h1").text()).isEqualTo("What is your address?");
    assertThat(d.select("input.govuk-input").eachAttr("id")).containsExactly("abroad-line1", "abroad-line2",
        "abroad-line3", "abroad-town", "abroad-region", "abroad-postcode");
    assertThat(d.select("input.govuk-input").eachAttr("autocomplete")).containsExactly("address-line1",
        "address-line2", "address-line3", "address-level2", "address-level1", "postal-code");
    assertThat(d.select("label[for=abroad-postcode]").text()).isEqualTo("Postal code or ZIP code (optional)");
    assertThat(d.selectFirst("input#abroad-line1").val()).isEqualTo("12 Rue de la Paix");
    assertThat(d.selectFirst("select#abroad-country").attr("data-module")).isEqualTo("civickit-autocomplete");
    assertThat(d.selectFirst("select#abroad-country option[selected]").text()).isEqualTo("France");
    assertThat(d.select("select#abroad-country option")).hasSize(Countries.all().size() + 1);
    assertThat(d.select("select#abroad-country option").eachAttr("value")).doesNotContain("GB");

    Document cy = Jsoup.parseBodyFragment(renderer.renderPage(page, typed("town", "Paris"),
        List.of(new FieldError("abroad-line1", "Rhowch linell 1 y cyfeiriad"), new FieldError("abroad-country", "Dewiswch y wlad")),
        CY, FormOptions.NONE));
    assertThat(cy.select("label[for=abroad-country]").text()).isEqualTo("Gwlad");
    assertThat(cy.select("label[for=abroad-town]").text()).isEqualTo("Tref neu ddinas (dewisol)");
    assertThat(cy.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#abroad-line1", "#abroad-country");
    assertThat(cy.select(".govuk-form-group--error")).isNotEmpty();
    assertThat(cy.selectFirst("#abroad-country-error").text()).isEqualTo("Gwall: Dewiswch y wlad");
    assertThat(cy.selectFirst("select#abroad-country").hasClass("govuk-select--error")).isTrue();
    assertThat(cy.select("select#abroad-country option").get(1).text()).isEqualTo(Countries.sorted(CY).get(0).name().cy());
    assertThat(cy.select("select#abroad-country option").eachText()).contains("Yr Almaen", "Ffrainc", "Iwerddon");
  }

  @Test
  void theFormatReadsAndWritesTheTypeAndLintKnowsItsParts() {
    String json = """
        {"id": "vote-abroad", "version": 1, "languages": ["en"], "title": {"en": "Register from abroad"},
         "pages": [{"id": "address", "questions": [
           {"id": "abroad", "type": "international-address", "label": {"en": "What is your address?"},
            "errorNoun": {"en": "your address"}}]},
           {"id": "france", "showIf": "abroad.country = 'FR' and abroad.county = 'x'", "questions": [
           {"id": "commune", "type": "text", "label": {"en": "Which commune?"}, "errorNoun": {"en": "the commune"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done"}, "body": {"en": "Thanks"}}]}
        """;
    Form form = Forms.read(json);
    assertThat(form.question("abroad").orElseThrow().type()).isEqualTo(QuestionType.INTERNATIONAL_ADDRESS);
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
    assertThat(FormLint.checkJson(json)).extracting(LintProblem::toString).containsExactly(
        "$.pages[1].showIf: question 'abroad' has no part 'county'; it has country, line1, line2, line3, postcode, "
            + "region, town");
  }

  // ------------------------------------------------------------------ properties

  @Provide
  Arbitrary<Map<String, List<String>>> inputs() {
    Arbitrary<String> names = Arbitraries.of("abroad-line1", "abroad-line2", "abroad-line3", "abroad-town",
        "abroad-region", "abroad-postcode", "abroad-country", "abroad", "other");
    Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("", " ", "FR", "GB", "fr", "ZZ", "<script>alert(1)</script>",
        "\"><b>", "&amp;", "\u0000", "\uD800", "😀", "Ŵ", "x".repeat(40), "\r\n"), Arbitraries.strings().ofMaxLength(50));
    return Arbitraries.maps(names, values.list().ofMinSize(1).ofMaxSize(2)).ofMaxSize(9).map(HashMap::new);
  }

  @Property(tries = 400)
  void validationNeverThrowsAndWhatIsTypedRendersAsText(@ForAll("inputs") Map<String, List<String>> in,
      @ForAll boolean welsh) {
    Locale locale = welsh ? CY : Locale.UK;
    ValidationResult r = new QuestionValidator(ABROAD, in, locale, TODAY, Messages.defaults()).validateWithoutSafetyNet();
    assertThat(Validation.validate(ABROAD, in, locale, TODAY)).isEqualTo(r);
    List<FieldError> errors = r instanceof ValidationResult.Invalid i ? i.errors() : List.of();
    errors.forEach(e -> assertThat(e.message()).isNotBlank().doesNotContain("{"));
    String html = new FormRenderer("S").renderForm(Page.builder("address").question(ABROAD).build(), in, errors, locale,
        FormOptions.NONE);
    Document d = Jsoup.parseBodyFragment(html);
    assertThat(d.select("script, b")).isEmpty();
    for (String part : List.of("line1", "line2", "line3", "town", "region", "postcode")) {
      List<String> sent = in.get("abroad-" + part);
      if (sent != null && "<script>alert(1)</script>".equals(sent.get(0))) {
        // what was typed comes back as the input's text, never as markup
        assertThat(d.selectFirst("#abroad-" + part).val()).isEqualTo("<script>alert(1)</script>");
      }
    }
    if (r instanceof ValidationResult.Valid v && v.value().isPresent()) {
      assertThat(v.display()).endsWith(Countries.find(
          ((Value.Text) ((Value.Fields) v.value().get()).values().get("country")).value()).orElseThrow().name().in(locale));
    }
  }
}
