package io.civickit.forms;

import static io.civickit.forms.FormJourneyTest.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Content pages, guidance above questions (Markdown, inset text, details, warning text), content by condition, declarations. */
public class ContentTest {
  static final Locale EN = Locale.UK;
  static final Locale CY = Locale.forLanguageTag("cy");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/London"));
  static final FormRenderer RENDERER = new FormRenderer("Apply for a permit");

  static final String FORM = """
      {"id": "permit", "version": 1, "title": {"en": "Apply for a permit", "cy": "Gwneud cais am drwydded"},
       "pages": [
        {"id": "before-you-start", "title": {"en": "Before you start", "cy": "Cyn i chi ddechrau"},
         "content": [
          {"type": "markdown", "text": {"en": "You'll need:\\n\\n- your bin number\\n- a [bank card](https://example.gov.uk/pay)",
                                        "cy": "Bydd angen:\\n\\n- rhif eich bin\\n- cerdyn banc"}},
          {"type": "inset", "text": {"en": "It takes up to 5 days.", "cy": "Mae'n cymryd hyd at 5 diwrnod."}}]},
        {"id": "kind", "questions": [
          {"id": "business", "type": "yes-no",
           "label": {"en": "Is the permit for a business?", "cy": "Ydy'r drwydded ar gyfer busnes?"},
           "errorNoun": {"en": "whether the permit is for a business", "cy": "a yw'r drwydded ar gyfer busnes"}}]},
        {"id": "declaration", "title": {"en": "Declaration", "cy": "Datganiad"},
         "content": [
          {"type": "warning", "text": {"en": "Businesses pay a higher fee.", "cy": "Mae busnesau'n talu ffi uwch."},
           "showIf": "business = true"},
          {"type": "details", "summary": {"en": "What happens if I give false information?", "cy": "Beth os rhoddaf wybodaeth ffug?"},
           "text": {"en": "We may **cancel** your permit.", "cy": "Efallai y byddwn yn **canslo** eich trwydded."}}],
         "questions": [
          {"id": "confirm", "type": "declaration",
           "label": {"en": "I confirm that the information I have given is correct",
                     "cy": "Rwy'n cadarnhau bod yr wybodaeth a roddais yn gywir"},
           "errorNoun": {"en": "that the information you have given is correct",
                         "cy": "bod yr wybodaeth a roddoch yn gywir"}}]}],
       "ends": [{"id": "done", "outcome": "success", "title": {"en": "Sent", "cy": "Wedi anfon"},
                 "body": {"en": "Thanks", "cy": "Diolch"}}]}
      """;

  public static Form form() {
    return Forms.read(FORM);
  }

  static Document render(Page page, Map<String, List<String>> raw, Map<String, String> errors, Locale locale) {
    return Jsoup.parse(RENDERER.renderPage(page, raw, errors, locale));
  }

  // ---------------------------------------------------------------- content

  @Test
  void contentPageShowsItsGuidanceUnderTheHeadingWithOnlyContinue() {
    Document d = render(form().page("before-you-start").orElseThrow(), Map.of(), Map.of(), EN);
    assertThat(d.select("h1.govuk-heading-l").text()).isEqualTo("Before you start");
    assertThat(d.select("form > p.govuk-body").first().text()).isEqualTo("You'll need:");
    assertThat(d.select("ul.govuk-list.govuk-list--bullet > li")).extracting(e -> e.text())
        .containsExactly("your bin number", "a bank card");
    assertThat(d.select("a.govuk-link").attr("href")).isEqualTo("https://example.gov.uk/pay");
    assertThat(d.select("div.govuk-inset-text > p.govuk-body").text()).isEqualTo("It takes up to 5 days.");
    assertThat(d.select("input:not([type=hidden])")).isEmpty();
    assertThat(d.select("button.govuk-button").text()).isEqualTo("Continue");
    Document cy = render(form().page("before-you-start").orElseThrow(), Map.of(), Map.of(), CY);
    assertThat(cy.select("ul.govuk-list > li").first().text()).isEqualTo("rhif eich bin");
    assertThat(cy.select("div.govuk-inset-text").text()).isEqualTo("Mae'n cymryd hyd at 5 diwrnod.");
  }

  @Test
  void rawHtmlInMarkdownShowsAsTextAndUnsafeLinksLoseTheirAddress() {
    Page p = Page.builder("guide").title("Guide")
        .content(Content.markdown(LocalisedText.english(
            "<script>alert(1)</script>\n\nClick [here](javascript:alert(1)) or ![a map](https://x.example/m.png)"
                + "\n\n<b>bold</b>\n\n# Big\n\n### Small")))
        .build();
    String html = RENDERER.renderForm(p, Map.of(), Map.of(), EN, FormOptions.NONE);
    Document d = Jsoup.parseBodyFragment(html);
    assertThat(d.select("script, b, img")).isEmpty();
    assertThat(d.text()).contains("<script>alert(1)</script>").contains("<b>bold</b>").contains("a map");
    assertThat(d.select("a").attr("href")).isEmpty();
    assertThat(d.select("h2.govuk-heading-m").text()).isEqualTo("Big");
    assertThat(d.select("h3.govuk-heading-s").text()).isEqualTo("Small");
    assertThat(d.select("h1")).extracting(e -> e.text()).containsExactly("Guide");
  }

  @Test
  void contentWithAConditionShowsOnlyOnceResolvedForTheJourneyAndWhenItHolds() {
    Page page = form().page("declaration").orElseThrow();
    // unresolved, the renderer leaves conditional content out rather than guess
    assertThat(render(page, Map.of(), Map.of(), EN).select(".govuk-warning-text")).isEmpty();
    Journeys journeys = journeys();
    Journey j = journeys.start("permit");
    journeys.submit(j.id(), "before-you-start", Map.of(), Actor.citizen(), EN);
    Journey business = journeys.submit(j.id(), "kind", in("business", "yes"), Actor.citizen(), EN).journey();
    Document shown = render(page.shownTo(business, TODAY), Map.of(), Map.of(), EN);
    assertThat(shown.select(".govuk-warning-text .govuk-warning-text__text").text())
        .isEqualTo("Warning Businesses pay a higher fee.");
    assertThat(shown.select(".govuk-warning-text__icon").attr("aria-hidden")).isEqualTo("true");
    Document cy = render(page.shownTo(business, TODAY), Map.of(), Map.of(), CY);
    assertThat(cy.select(".govuk-warning-text .govuk-visually-hidden").text()).isEqualTo("Rhybudd");
    Journey person = journeys.submit(j.id(), "kind", in("business", "no"), Actor.citizen(), EN).journey();
    assertThat(render(page.shownTo(person, TODAY), Map.of(), Map.of(), EN).select(".govuk-warning-text")).isEmpty();
    // details are always shown
    assertThat(render(page.shownTo(person, TODAY), Map.of(), Map.of(), EN)
        .select("details.govuk-details summary .govuk-details__summary-text").text())
        .isEqualTo("What happens if I give false information?");
  }

  @Test
  void contentPageIsAStepThatContinuesAndStaysPassedOnTheWayBackToCheckAnswers() {
    Journeys journeys = journeys();
    Journey j = journeys.start("permit");
    assertThat(j.currentStep()).isEqualTo("before-you-start");
    SubmitResult r = journeys.submit(j.id(), "before-you-start", Map.of("anything", List.of("ignored")),
        Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("kind");
    assertThat(r.journey().answers()).isEmpty();
    journeys.submit(j.id(), "kind", in("business", "no"), Actor.citizen(), EN);
    SubmitResult missing = journeys.submit(j.id(), "declaration", Map.of(), Actor.citizen(), EN);
    assertThat(missing).isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors().get(0).message())
        .isEqualTo("Confirm that the information you have given is correct"));
    SubmitResult done = journeys.submit(j.id(), "declaration", in("confirm", "yes"), Actor.citizen(), EN);
    assertThat(done.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(done.journey().answer("confirm").orElseThrow().value()).isEqualTo(Value.bool(true));
    // change the business answer from check your answers: back to check answers, not to the content page
    Journey changing = journeys.change(j.id(), "kind", Form.CHECK_ANSWERS);
    SubmitResult changed = journeys.submit(changing.id(), "kind", in("business", "yes"), Actor.citizen(), EN);
    assertThat(changed.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(CheckAnswers.rows(form(), changed.journey(), EN)).extracting(CheckAnswers.Row::questionId)
        .containsExactly("business", "confirm");
  }

  @Test
  void aPageWithContentNeedsATitleAndADetailsItsSummary() {
    assertThatThrownBy(() -> Page.builder("guide").content(Content.inset(LocalisedText.english("Note"))).build())
        .hasMessage("page 'guide' has content, so it needs a title (its heading, above the content)");
    assertThatThrownBy(() -> Page.builder("guide").title("Guide").build())
        .hasMessage("page 'guide' needs at least one question or some content");
    assertThatThrownBy(() -> new Content(Content.Kind.DETAILS, java.util.Optional.empty(),
        LocalisedText.english("More"), java.util.Optional.empty()))
        .hasMessage("details need a summary (the line that opens them); text: 'More'");
    FormFormatException e = org.junit.jupiter.api.Assertions.assertThrows(FormFormatException.class, () -> Forms.read(
        FORM.replace("\"type\": \"inset\"", "\"type\": \"aside\"").replace("\"type\": \"details\", ", "\"type\": \"details\", \"x\": 1, ")));
    assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).contains(
        "$.pages[0].content[1].type: unknown content type 'aside'; expected one of markdown, inset, details, warning",
        "$.pages[2].content[1].x: unknown field 'x'; expected one of showIf, summary, text, type");
  }

  @Test
  void contentReadsWritesAndBuildsTheSame() {
    Form read = form();
    assertThat(Forms.read(Forms.write(read))).isEqualTo(read);
    Page built = Page.builder("before-you-start").title("Before you start", "Cyn i chi ddechrau")
        .content(Content.markdown(LocalisedText.of(
            "You'll need:\n\n- your bin number\n- a [bank card](https://example.gov.uk/pay)",
            "Bydd angen:\n\n- rhif eich bin\n- cerdyn banc")))
        .content(Content.inset(LocalisedText.of("It takes up to 5 days.", "Mae'n cymryd hyd at 5 diwrnod.")))
        .build();
    assertThat(built).isEqualTo(read.pages().get(0));
    assertThat(Forms.write(read)).doesNotContain("\"questions\" : [ ]");
  }

  @Test
  void lintChecksContentInEveryLanguageAndItsConditions() {
    Form english = Forms.read(FORM.replace("\"cy\": \"Mae'n cymryd hyd at 5 diwrnod.\"",
        "\"cy\": \"It takes up to 5 days.\""));
    assertThat(FormLint.check(english)).contains(new io.civickit.forms.lint.LintProblem("$.pages[0].content[1].text.cy",
        "Welsh text is a copy of the English: 'It takes up to 5 days.'"));
    Form later = Forms.read(FORM.replace("\"showIf\": \"business = true\"", "\"showIf\": \"confirm = true\""));
    assertThat(FormLint.check(later)).anySatisfy(p -> assertThat(p.path()).isEqualTo("$.pages[2].content[0].showIf"));
    assertThatThrownBy(() -> Forms.read(FORM.replace("\"showIf\": \"business = true\"", "\"showIf\": \"business = \"")))
        .isInstanceOf(FormFormatException.class).hasMessageContaining("$.pages[2].content[0].showIf");
  }

  // ---------------------------------------------------------------- declaration

  @Test
  void declarationIsOneCheckboxThatMustBeTickedWithTheMessageInEnglishAndWelsh() {
    Question q = form().question("confirm").orElseThrow();
    assertThat(error(q, Map.of(), EN)).isEqualTo("Confirm that the information you have given is correct");
    assertThat(error(q, Map.of(), CY)).isEqualTo("Cadarnhewch bod yr wybodaeth a roddoch yn gywir");
    assertThat(error(q, in("confirm", "no"), EN)).isEqualTo("Confirm that the information you have given is correct");
    ValidationResult ok = Validation.validate(q, in("confirm", "yes"), EN, TODAY);
    assertThat(ok).isEqualTo(new ValidationResult.Valid(java.util.Optional.of(Value.bool(true)), "Yes"));
    assertThatThrownBy(() -> Question.builder("confirm", QuestionType.DECLARATION).label("I confirm")
        .errorNoun("that you confirm").required(false).build())
        .hasMessage("declaration 'confirm' must be required: it is there to be ticked");

    Page page = form().page("declaration").orElseThrow();
    Document d = render(page, Map.of(), Map.of("confirm", "Confirm that the information you have given is correct"), EN);
    assertThat(d.select("fieldset")).isEmpty();
    assertThat(d.select(".govuk-form-group--error .govuk-checkboxes__item input[type=checkbox]").attr("value"))
        .isEqualTo("yes");
    assertThat(d.select("input#confirm").attr("aria-describedby")).isEqualTo("confirm-error");
    assertThat(d.select("label[for=confirm]").text()).isEqualTo("I confirm that the information I have given is correct");
    assertThat(d.select(".govuk-error-summary a").attr("href")).isEqualTo("#confirm");
    assertThat(render(page, in("confirm", "yes"), Map.of(), EN).select("input#confirm").hasAttr("checked")).isTrue();
  }

  static String error(Question q, Map<String, List<String>> input, Locale locale) {
    return ((ValidationResult.Invalid) Validation.validate(q, input, locale, TODAY)).errors().get(0).message();
  }

  static Journeys journeys() {
    return Journeys.builder().definition(FormJourney.definition(form(), CLOCK)).store(ProgressStore.inMemory())
        .clock(CLOCK).build();
  }
}
