package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.html.AddToList;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import io.civickit.forms.validation.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatingSetTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("Europe/London"));
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final Locale WELSH = Locale.forLanguageTag("cy");

  /** A form whose children are asked on two pages each, the second only for a child at school. */
  static String json(String repeatExtra, String afterPageShowIf) {
    return """
        {"id": "school-help", "version": 1, "title": {"en": "School help", "cy": "Help ysgol"},
         "pages": [
          {"id": "you", "questions": [{"id": "your_name", "type": "text", "label": {"en": "Your name", "cy": "Eich enw"},
            "errorNoun": {"en": "your name", "cy": "eich enw"}}]},
          {"id": "children", "repeat": {
             "itemName": {"en": "child", "cy": "plentyn"}, "itemsName": {"en": "children", "cy": "plant"},
             %s
             "pages": [
               {"id": "child", "title": {"en": "About the child", "cy": "Am y plentyn"}, "questions": [
                 {"id": "child_name", "type": "text", "label": {"en": "Child's name", "cy": "Enw'r plentyn"},
                  "errorNoun": {"en": "the child's name", "cy": "enw'r plentyn"}},
                 {"id": "at_school", "type": "yes-no", "label": {"en": "Is the child at school?", "cy": "Ydy'r plentyn yn yr ysgol?"},
                  "errorNoun": {"en": "whether the child is at school", "cy": "a yw'r plentyn yn yr ysgol"}}]},
               {"id": "school", "showIf": "answers.at_school = true", "questions": [
                 {"id": "school_name", "type": "text", "label": {"en": "Name of the school", "cy": "Enw'r ysgol"},
                  "errorNoun": {"en": "the name of the school", "cy": "enw'r ysgol"}}]}]}},
          {"id": "contact", %s "questions": [{"id": "phone", "type": "text", "label": {"en": "Phone", "cy": "Ffôn"},
            "errorNoun": {"en": "your phone number", "cy": "eich rhif ffôn"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Sent", "cy": "Wedi anfon"},
                   "body": {"en": "Thanks", "cy": "Diolch"}}]}
        """.formatted(repeatExtra, afterPageShowIf);
  }

  static final Form FORM = Forms.read(json("\"minItems\": 1, \"maxItems\": 2,", ""));
  static final RepeatingSet SET = FORM.page("children").orElseThrow().repeat().orElseThrow();

  static Map<String, List<String>> in(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], List.of(kv[i + 1]));
    }
    return m;
  }

  @Test
  void jsonReadsTheSetAndWritesItBackUnchanged() {
    assertThat(SET.minItems()).isEqualTo(1);
    assertThat(SET.maxItems()).isEqualTo(2);
    assertThat(SET.pages()).extracting(Page::id).containsExactly("child", "school");
    assertThat(SET.itemName().cy()).isEqualTo("plentyn");
    assertThat(Forms.read(Forms.write(FORM))).isEqualTo(FORM);
  }

  @Test
  void builderMakesTheSameSetAsJson() {
    RepeatingSet built = RepeatingSet.builder(LocalisedText.of("child", "plentyn"), LocalisedText.of("children", "plant"))
        .items(1, 2)
        .page(SET.pages().get(0)).page(SET.pages().get(1)).build();
    assertThat(built).isEqualTo(SET);
    assertThat(Page.builder("children").repeat(built).build()).isEqualTo(FORM.page("children").orElseThrow());
  }

  @Test
  void badSetsAreRefusedWithClearMessages() {
    Page p = SET.pages().get(0);
    assertThatThrownBy(() -> RepeatingSet.builder("child", "children").build())
        .hasMessage("repeating set for 'child' has no pages; it needs at least one");
    assertThatThrownBy(() -> RepeatingSet.builder("child", "children").items(3, 2).page(p).build())
        .hasMessage("repeating set for 'child': minItems 3 is more than maxItems 2");
    assertThatThrownBy(() -> RepeatingSet.builder("child", "children").items(0, 0).page(p).build())
        .hasMessage("repeating set for 'child': maxItems must be between 1 and 100, but was 0");
    assertThatThrownBy(() -> Page.builder("kids").repeat(SET).question(p.questions().get(0)).build())
        .hasMessage("page 'kids' has a repeating set, so it cannot ask questions of its own; put them on the set's pages");
  }

  @Test
  void lintNamesASetWithNoPagesAMinimumAboveTheMaximumAndAConditionReachingIntoAnItem() {
    String noPages = """
        {"id": "kids", "version": 1, "title": {"en": "Kids", "cy": "Plant"}, "languages": ["en"],
         "pages": [{"id": "children", "repeat": {"itemName": {"en": "child"}, "itemsName": {"en": "children"},
           "pages": []}}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Sent"}, "body": {"en": "Thanks"}}]}
        """;
    assertThat(FormLint.checkJson(noPages)).containsExactly(new LintProblem("$.pages[0].repeat.pages",
        "must not be empty"));
    assertThat(FormLint.checkJson(json("\"minItems\": 3, \"maxItems\": 2,", "")))
        .containsExactly(new LintProblem("$.pages[1].repeat",
            "repeating set for 'child': minItems 3 is more than maxItems 2"));
    assertThat(FormLint.checkJson(json("", "\"showIf\": \"answers.at_school = true\",")))
        .containsExactly(new LintProblem("$.pages[2].showIf", "condition refers to question 'at_school', which is asked "
            + "for each item of repeating set 'children'; only that set's pages and questions can refer to it"));
    assertThat(FormLint.checkJson(json("", ""))).isEmpty();
  }

  final Journeys journeys = Journeys.builder().definition(FormJourney.definition(FORM, CLOCK))
      .store(ProgressStore.inMemory()).clock(CLOCK).build();

  Journey atSet() {
    Journey j = journeys.start(FORM.id());
    SubmitResult r = journeys.submit(j.id(), "you", in("your_name", "Sam"), Actor.citizen(), Locale.UK);
    assertThat(r.journey().currentStep()).isEqualTo("children");
    return r.journey();
  }

  @Test
  void itemsAreStoredAsFieldsPerItemAndShowIfReadsTheItemsOwnAnswers() {
    Journey j = atSet();
    Page child = SET.pages().get(0);
    Page school = SET.pages().get(1);
    Map<String, List<String>> draft = RepeatingItems.withPage(Map.of(), 0, child,
        in("child_name", "Alex", "at_school", "yes", "csrf", "ignored"));
    RepeatingItems.Item first = RepeatingItems.check(SET, j.values(), Map.of(), draft, 0, Locale.UK, TODAY,
        Messages.defaults());
    assertThat(first.shownPages()).containsExactly("child", "school");
    assertThat(first.nextPage()).contains("school");
    draft = RepeatingItems.withPage(draft, 0, school, in("school_name", "Ysgol Gymraeg"));
    draft = RepeatingItems.withPage(draft, 1, child, in("child_name", "Bo", "at_school", "no"));
    List<RepeatingItems.Item> items = RepeatingItems.checkAll(SET, j, draft, Locale.UK, TODAY, Messages.defaults());
    assertThat(items).allMatch(RepeatingItems.Item::complete);
    assertThat(items.get(1).shownPages()).containsExactly("child");
    assertThat(draft).doesNotContainKey("0/csrf");

    SubmitResult r = journeys.submit(j.id(), "children", draft, Actor.citizen(), Locale.UK);
    assertThat(r.journey().currentStep()).isEqualTo("contact");
    assertThat(r.journey().answers().get("children").value()).isEqualTo(Value.items(List.of(
        Value.fields(Map.of("child_name", Value.text("Alex"), "at_school", Value.bool(true),
            "school_name", Value.text("Ysgol Gymraeg"))),
        Value.fields(Map.of("child_name", Value.text("Bo"), "at_school", Value.bool(false))))));
    assertThat(RepeatingItems.of(FORM.page("children").orElseThrow(), r.journey())).isEqualTo(draft);
  }

  @Test
  void tooFewItemsIsRefusedWithTheExactMessageInEnglishAndWelsh() {
    Journey j = atSet();
    SubmitResult en = journeys.submit(j.id(), "children", in("add-another", "no"), Actor.citizen(), Locale.UK);
    assertThat(en).isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors())
        .extracting(e -> e.field() + ": " + e.message()).containsExactly("add-another: You must add at least 1 child"));
    SubmitResult cy = journeys.submit(j.id(), "children", in("add-another", "no"), Actor.citizen(), WELSH);
    assertThat(cy).isInstanceOfSatisfying(SubmitResult.Invalid.class, i -> assertThat(i.errors())
        .extracting(e -> e.message()).containsExactly("Mae’n rhaid i chi ychwanegu o leiaf 1 plentyn"));
  }

  @Test
  void removingAnItemMovesTheLaterOnesUp() {
    Page child = SET.pages().get(0);
    Map<String, List<String>> d = RepeatingItems.withPage(Map.of(), 0, child, in("child_name", "A", "at_school", "no"));
    d = RepeatingItems.withPage(d, 1, child, in("child_name", "B", "at_school", "no"));
    d = RepeatingItems.withPage(d, 2, child, in("child_name", "C", "at_school", "no"));
    Map<String, List<String>> out = RepeatingItems.without(d, 1);
    assertThat(RepeatingItems.count(out)).isEqualTo(2);
    assertThat(RepeatingItems.item(out, 1)).containsEntry("child_name", List.of("C"));
  }

  @Test
  void summaryPageSpeaksEnglishAndWelshAndSaysWhenTheMaximumIsReached() {
    Journey j = atSet();
    Page child = SET.pages().get(0);
    Map<String, List<String>> d = RepeatingItems.withPage(Map.of(), 0, child, in("child_name", "Alex <b>", "at_school", "no"));
    List<RepeatingItems.Item> one = RepeatingItems.checkAll(SET, j, d, Locale.UK, TODAY, Messages.defaults());
    String en = AddToList.summaryPage(SET, one, Locale.UK, i -> "/c/" + i, i -> "/r/" + i,
        Optional.of(AddToList.message("error.question", SET, "", Locale.UK)), Map.of("csrf", "t"));
    assertThat(en).contains("<h1 class=\"govuk-heading-l\">You have added 1 child</h1>")
        .contains("Alex &lt;b&gt;").doesNotContain("Alex <b>")
        .contains("<a class=\"govuk-link\" href=\"/r/0\">Remove<span class=\"govuk-visually-hidden\"> Alex &lt;b&gt;</span></a>")
        .contains("Do you need to add another child?")
        .contains("Select yes if you need to add another child")
        .contains("<a href=\"#add-another\">");
    d = RepeatingItems.withPage(d, 1, child, in("child_name", "Bo", "at_school", "no"));
    List<RepeatingItems.Item> two = RepeatingItems.checkAll(SET, j, d, WELSH, TODAY, Messages.defaults());
    String cy = AddToList.summaryPage(SET, two, WELSH, i -> "/c/" + i, i -> "/r/" + i, Optional.empty(), Map.of());
    assertThat(cy).contains("Rydych wedi ychwanegu 2 plant")
        .contains("Ni allwch ychwanegu rhagor o plant. Y mwyaf y gallwch ei ychwanegu yw 2.")
        .doesNotContain("add-another").contains(">Newid<").contains(">Tynnu<");
    assertThat(AddToList.summaryPage(SET, two, Locale.UK, i -> "", i -> "", Optional.empty(), Map.of()))
        .contains("You cannot add any more children. The most you can add is 2.");
  }

  @Test
  void removalPageAsksAboutTheItemByName() {
    String en = AddToList.removePage(SET, "Alex", Locale.UK,
        Optional.of(AddToList.message("remove.error", SET, "Alex", Locale.UK)), Map.of("csrf", "t"));
    assertThat(en).contains("Are you sure you want to remove Alex?").contains("Select yes if you want to remove Alex")
        .contains("govuk-fieldset__legend--l").contains("name=\"confirm-remove\"");
    assertThat(AddToList.removePage(SET, "Alex", WELSH, Optional.empty(), Map.of()))
        .contains("Ydych chi’n siŵr eich bod am dynnu Alex?").contains(">Ydw<").contains(">Nac ydw<");
  }

  @Test
  void checkAnswersShowsASummaryCardPerItem() {
    Journey j = atSet();
    Page child = SET.pages().get(0);
    Map<String, List<String>> d = RepeatingItems.withPage(Map.of(), 0, child, in("child_name", "Alex", "at_school", "yes"));
    d = RepeatingItems.withPage(d, 0, SET.pages().get(1), in("school_name", "Ysgol"));
    String html = AddToList.cards(SET, RepeatingItems.checkAll(SET, j, d, Locale.UK, TODAY, Messages.defaults()),
        Locale.UK, (i, p) -> "/change/children/" + i + "/" + p);
    assertThat(html).startsWith("<div class=\"govuk-summary-card\">")
        .contains("<h2 class=\"govuk-summary-card__title\">Child 1</h2>")
        .contains("<dt class=\"govuk-summary-list__key\">Name of the school</dt><dd class=\"govuk-summary-list__value\">"
            + "Ysgol</dd>")
        .contains("href=\"/change/children/0/school\">Change<span class=\"govuk-visually-hidden\"> name of the school "
            + "(Child 1)</span>");
  }
}
