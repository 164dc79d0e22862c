package io.civickit.forms;

import static io.civickit.forms.FormJourneyTest.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** GOV.UK conditional reveal: a question shown under the option that reveals it, asked only when that option is chosen. */
public class RevealTest {
  static final Locale EN = Locale.UK;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/London"));
  static final FormRenderer RENDERER = new FormRenderer("Contact us");

  static final String FORM = """
      {"id": "contact", "version": 1, "title": {"en": "Contact us", "cy": "Cysylltu â ni"},
       "pages": [
        {"id": "how", "questions": [
          {"id": "contact_by", "type": "radios",
           "label": {"en": "How should we contact you?", "cy": "Sut dylen ni gysylltu â chi?"},
           "errorNoun": {"en": "how we should contact you", "cy": "sut dylen ni gysylltu â chi"},
           "options": [
             {"value": "email", "label": {"en": "Email", "cy": "E-bost"}, "reveals": ["email"]},
             {"value": "phone", "label": {"en": "Phone", "cy": "Ffôn"}, "reveals": ["phone"]},
             {"value": "post", "label": {"en": "Post", "cy": "Post"}}]},
          {"id": "email", "type": "email", "label": {"en": "Email address", "cy": "Cyfeiriad e-bost"},
           "errorNoun": {"en": "your email address", "cy": "eich cyfeiriad e-bost"}},
          {"id": "phone", "type": "phone", "label": {"en": "Phone number", "cy": "Rhif ffôn"},
           "errorNoun": {"en": "your phone number", "cy": "eich rhif ffôn"}}]},
        {"id": "needs", "questions": [
          {"id": "needs", "type": "checkboxes",
           "label": {"en": "What do you need?", "cy": "Beth sydd ei angen arnoch chi?"},
           "errorNoun": {"en": "what you need", "cy": "beth sydd ei angen arnoch chi"},
           "options": [
             {"value": "it's other", "label": {"en": "Something else", "cy": "Rhywbeth arall"}, "reveals": ["other"]},
             {"value": "braille", "label": {"en": "Braille", "cy": "Braille"}}]},
          {"id": "other", "type": "text", "label": {"en": "What else?", "cy": "Beth arall?"},
           "errorNoun": {"en": "what else you need", "cy": "beth arall sydd ei angen arnoch chi"}}]}],
       "ends": [{"id": "done", "outcome": "success", "title": {"en": "Sent", "cy": "Wedi anfon"},
                 "body": {"en": "Thanks", "cy": "Diolch"}}]}
      """;

  public static Form form() {
    return Forms.read(FORM);
  }

  Journeys journeys = Journeys.builder().definition(FormJourney.definition(form(), CLOCK))
      .store(ProgressStore.inMemory()).clock(CLOCK).build();

  SubmitResult submit(Journey j, String page, Map<String, List<String>> input) {
    return journeys.submit(j.id(), page, input, Actor.citizen(), EN);
  }

  @Test
  void revealedQuestionIsRenderedInsideItsOptionAndShownWithoutJavaScriptWhenChosen() {
    Page page = form().page("how").orElseThrow();
    Document d = Jsoup.parse(RENDERER.renderPage(page, Map.of(), Map.of(), EN));
    // one visible question, so its legend is the page heading
    assertThat(d.select("legend h1").text()).isEqualTo("How should we contact you?");
    assertThat(d.select("input#contact_by").attr("data-aria-controls")).isEqualTo("conditional-contact_by");
    assertThat(d.select("#conditional-contact_by.govuk-radios__conditional.govuk-radios__conditional--hidden input#email"))
        .hasSize(1);
    assertThat(d.select("#conditional-contact_by-2 input#phone")).hasSize(1);
    assertThat(d.select("input#contact_by-3").hasAttr("data-aria-controls")).isFalse();
    assertThat(d.select(".govuk-radios > .govuk-form-group, form > .govuk-form-group")).hasSize(1);

    Document chosen = Jsoup.parse(RENDERER.renderPage(page, in("contact_by", "phone", "phone", "0161"),
        List.of(new FieldError("phone", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")),
        EN, FormOptions.NONE));
    assertThat(chosen.select("#conditional-contact_by-2").hasClass("govuk-radios__conditional--hidden")).isFalse();
    assertThat(chosen.select("#conditional-contact_by").hasClass("govuk-radios__conditional--hidden")).isTrue();
    assertThat(chosen.select("#conditional-contact_by-2 .govuk-form-group--error input#phone").val()).isEqualTo("0161");
    assertThat(chosen.select(".govuk-error-summary a").attr("href")).isEqualTo("#phone");
  }

  @Test
  void revealedQuestionIsValidatedOnlyWhenItsOptionIsChosenAndClearedWhenItIsNot() {
    Journey j = journeys.start("contact");
    SubmitResult missing = submit(j, "how", in("contact_by", "email"));
    assertThat(missing).isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors())
        .containsExactly(new FieldError("email", "Enter your email address")));
    // the phone is not validated: its option was not chosen
    SubmitResult ok = submit(j, "how", in("contact_by", "email", "email", "sam@example.com", "phone", "not a phone"));
    assertThat(ok.journey().currentStep()).isEqualTo("needs");
    assertThat(ok.journey().answers()).containsOnlyKeys("contact_by", "email");
    // nothing chosen: only the choice is in error
    assertThat(submit(j, "how", Map.of())).isInstanceOfSatisfying(SubmitResult.Invalid.class,
        i -> assertThat(i.errors()).extracting(FieldError::field).containsExactly("contact_by"));
    // changing to post clears the email given before
    SubmitResult post = submit(j, "how", in("contact_by", "post", "email", "sam@example.com"));
    assertThat(post.journey().answers()).containsOnlyKeys("contact_by");
  }

  @Test
  void checkboxOptionRevealsWhenAmongTheChoicesWhateverItsValue() {
    Journey j = journeys.start("contact");
    submit(j, "how", in("contact_by", "post"));
    Map<String, List<String>> both = new LinkedHashMap<>();
    both.put("needs", List.of("braille", "it's other"));
    SubmitResult missing = submit(j, "needs", both);
    assertThat(missing).isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors())
        .containsExactly(new FieldError("other", "Enter what else you need")));
    both.put("other", List.of("Large print"));
    SubmitResult ok = submit(j, "needs", both);
    assertThat(ok.journey().answer("other").orElseThrow().value()).isEqualTo(Value.text("Large print"));
    SubmitResult braille = submit(j, "needs", in("needs", "braille", "other", "Large print"));
    assertThat(braille.journey().answers()).doesNotContainKey("other");
    Document d = Jsoup.parse(RENDERER.renderPage(form().page("needs").orElseThrow(), both, Map.of(), EN));
    assertThat(d.select("#conditional-needs.govuk-checkboxes__conditional").hasClass("govuk-checkboxes__conditional--hidden"))
        .isFalse();
  }

  @Test
  void yesNoCanRevealAndThenIsNotInline() {
    Question smoke = Question.builder("smoke", QuestionType.YES_NO).label("Do you smoke?").errorNoun("if you smoke")
        .option(Option.of("yes", LocalisedText.english("Yes")).revealing("how_many")).build();
    Question many = Question.builder("how_many", QuestionType.WHOLE_NUMBER).label("How many a day?")
        .errorNoun("how many you smoke a day").errorSubject("Cigarettes a day").build();
    Page page = Page.builder("smoking").question(smoke).question(many).build();
    Document d = Jsoup.parseBodyFragment(RENDERER.renderForm(page, Map.of(), Map.of(), EN, FormOptions.NONE));
    assertThat(d.select(".govuk-radios").hasClass("govuk-radios--inline")).isFalse();
    assertThat(d.select("#conditional-smoke input#how_many")).hasSize(1);
    Form form = Form.builder("smoking", 1).languages("en").title("Smoking").page(page)
        .end(new FormEnd("done", LocalisedText.english("Done"), LocalisedText.english("Thanks"),
            io.civickit.core.Outcome.SUCCESS)).build();
    Journeys js = Journeys.builder().definition(FormJourney.definition(form, CLOCK)).store(ProgressStore.inMemory())
        .clock(CLOCK).build();
    Journey j = js.start("smoking");
    assertThat(js.submit(j.id(), "smoking", in("smoke", "no", "how_many", "x"), Actor.citizen(), EN).journey()
        .currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(js.submit(j.id(), "smoking", in("smoke", "yes", "how_many", "x"), Actor.citizen(), EN))
        .isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors().get(0).message())
            .isEqualTo("Cigarettes a day must be a number, like 30"));
  }

  @Test
  void revealsMustNameALaterQuestionOfThePageOnceAndNotNest() {
    String bad = FORM.replace("\"reveals\": [\"phone\"]", "\"reveals\": [\"needs\"]");
    assertThatThrownBy(() -> Forms.read(bad)).isInstanceOf(FormFormatException.class).hasMessageContaining(
        "page 'how': option 'phone' of question 'contact_by' reveals 'needs', which is not a question on this page");
    assertThatThrownBy(() -> Forms.read(FORM.replace("\"reveals\": [\"phone\"]", "\"reveals\": [\"email\"]")))
        .hasMessageContaining("reveals 'email', which option 'email' of question 'contact_by' already reveals");
    Question text = Question.builder("first", QuestionType.TEXT).label("First").errorNoun("first").build();
    Question choice = Question.builder("choice", QuestionType.RADIOS).label("Choice").errorNoun("a choice")
        .option(Option.of("a", LocalisedText.english("A")).revealing("first")).build();
    assertThatThrownBy(() -> Page.builder("p").question(text).question(choice).build()).hasMessage(
        "page 'p': option 'a' of question 'choice' reveals 'first', which must come after 'choice' on the page");
    assertThatThrownBy(() -> Question.builder("s", QuestionType.SELECT).label("S").errorNoun("s")
        .option(Option.of("a", LocalisedText.english("A")).revealing("first")).build())
        .hasMessage("question 's': option 'a' reveals questions, which only radios, checkboxes and yes/no can do, "
            + "but the type is select");
  }

  @Test
  void revealsReadWriteAndBuildTheSame() {
    Form read = form();
    assertThat(Forms.read(Forms.write(read))).isEqualTo(read);
    assertThat(read.question("contact_by").orElseThrow().options().get(0).reveals()).containsExactly("email");
  }
}
