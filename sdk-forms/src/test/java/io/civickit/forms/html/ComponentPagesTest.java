package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.forms.Form;
import io.civickit.forms.Forms;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Writes a static page for each new component state, in English and Welsh, to
 * {@code target/component-pages/}, which sdk-test's {@code ComponentPagesAxeTest} checks with axe in headless Chromium.
 */
class ComponentPagesTest {
  static final Path OUT = Path.of("target", "component-pages");
  static final FormRenderer RENDERER = new FormRenderer("Report fly-tipping");

  static Form flyTipping() throws IOException {
    try (InputStream in = ComponentPagesTest.class.getResourceAsStream("/forms/report-fly-tipping.json")) {
      return Forms.read(in);
    }
  }

  static void write(String name, String html) throws IOException {
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve(name + ".html"), html, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).as(name).isEmpty();
    assertThat(doc.select("[id]").eachAttr("id")).as(name + ": ids are unique").doesNotHaveDuplicates();
    for (String described : doc.select("[aria-describedby]").eachAttr("aria-describedby")) {
      for (String id : described.split(" ")) {
        assertThat(doc.getElementById(id)).as(name + ": aria-describedby names #" + id).isNotNull();
      }
    }
  }

  @Test
  void everyNewComponentStateHasAPageInEnglishAndWelsh() throws IOException {
    Form form = flyTipping();
    Page what = form.page("what").orElseThrow();
    Question.Builder area = Question.builder("area", QuestionType.SELECT).label("Which area is it in?", "Ym mha ardal mae e?")
        .errorNoun("the area", "yr ardal");
    for (int i = 1; i <= 25; i++) {
      area.option("a" + i, "Ward " + i, "Ward " + i);
    }
    Page select = Page.builder("area").question(area.accessibleAutocomplete().build()).build();
    for (Locale locale : List.of(Locale.UK, Locale.forLanguageTag("cy"))) {
      String lang = locale.getLanguage();
      write("checkboxes-none-divider-hints-" + lang, RENDERER.renderPage(what, Map.of(), List.of(), locale, FormOptions.NONE));
      write("checkboxes-none-error-" + lang, RENDERER.renderPage(what, Map.of("waste_types", List.of("garden", "unsure")),
          List.of(new FieldError("waste_types", "Select what has been dumped, or select ‘I do not know’")), locale, FormOptions.NONE));
      write("radios-shared-list-" + lang, RENDERER.renderPage(form.page("how-much").orElseThrow(), Map.of(), List.of(),
          locale, FormOptions.NONE));
      write("select-autocomplete-hook-" + lang, RENDERER.renderPage(select, Map.of(), List.of(), locale, FormOptions.NONE));
      write("date-month-error-" + lang, RENDERER.renderPage(form.page("when").orElseThrow(),
          Map.of("seen_on-day", List.of("1"), "seen_on-month", List.of("13"), "seen_on-year", List.of("2026")),
          List.of(new FieldError("seen_on-month", "The date you saw it must be a real date")), locale, FormOptions.NONE));
    }
    Form content = io.civickit.forms.ContentTest.form();
    Form reveal = io.civickit.forms.RevealTest.form();
    for (Locale locale : List.of(Locale.UK, Locale.forLanguageTag("cy"))) {
      String lang = locale.getLanguage();
      write("content-page-markdown-inset-" + lang, RENDERER.renderPage(content.page("before-you-start").orElseThrow(),
          Map.of(), List.of(), locale, FormOptions.NONE));
      Page declaration = content.page("declaration").orElseThrow();
      Page resolved = new Page(declaration.id(), declaration.title(), declaration.section(), declaration.questions(),
          declaration.showIf(), declaration.content().stream().map(c -> new io.civickit.forms.Content(c.kind(),
              c.summary(), c.text(), java.util.Optional.empty())).toList());
      write("declaration-warning-details-error-" + lang, RENDERER.renderPage(resolved, Map.of(),
          List.of(new FieldError("confirm", "Confirm that the information you have given is correct")), locale,
          FormOptions.NONE));
      write("radios-conditional-reveal-error-" + lang, RENDERER.renderPage(reveal.page("how").orElseThrow(),
          Map.of("contact_by", List.of("phone")), List.of(new FieldError("phone", "Enter your phone number")), locale,
          FormOptions.NONE));
      write("checkboxes-conditional-reveal-" + lang, RENDERER.renderPage(reveal.page("needs").orElseThrow(),
          Map.of("needs", List.of("it's other")), List.of(), locale, FormOptions.NONE));
      write("month-year-error-" + lang, RENDERER.renderPage(Page.builder("moved").question(io.civickit.forms.MonthYearTest.MOVED)
          .build(), Map.of("moved_in-year", List.of("2024")),
          List.of(new FieldError("moved_in-month", "The date you moved in must include a month")), locale, FormOptions.NONE));
      write("textarea-word-count-" + lang, RENDERER.renderPage(Page.builder("summary")
          .question(io.civickit.forms.WordCountTest.SUMMARY).build(), Map.of(), List.of(), locale, FormOptions.NONE));
    }
    addToListPages();
    try (var files = Files.list(OUT)) {
      assertThat(files.count()).isGreaterThanOrEqualTo(30);
    }
    Document month = Jsoup.parse(Files.readString(OUT.resolve("date-month-error-en.html")));
    assertThat(month.select(".govuk-input--error").eachAttr("id")).containsExactly("seen_on-month");
    assertThat(month.selectFirst(".govuk-error-summary a").attr("href")).isEqualTo("#seen_on-month");
  }

  /** The add-to-a-list pages of a repeating set: the summary (with and without its error), removal, and the cards. */
  static void addToListPages() throws IOException {
    io.civickit.forms.RepeatingSet set = AddToListProperties.set("Child");
    Map<String, List<String>> draft = AddToListProperties.draft("Alex", 2);
    for (Locale locale : List.of(Locale.UK, Locale.forLanguageTag("cy"))) {
      String lang = locale.getLanguage();
      io.civickit.forms.internal.html.Lang l = io.civickit.forms.internal.html.Lang.of(locale);
      List<io.civickit.forms.RepeatingItems.Item> items = AddToListProperties.checkAll(set, draft, locale);
      List<io.civickit.forms.RepeatingItems.Item> done = items.stream()
          .filter(io.civickit.forms.RepeatingItems.Item::complete).toList();
      String title = AddToList.summaryTitle(set, done.size(), locale);
      Map<String, String> hidden = Map.of("csrf", "token");
      write("add-to-list-summary-" + lang, io.civickit.forms.internal.html.Govuk.page(title, "Report fly-tipping", false, l,
          AddToList.summaryPage(set, done, locale, i -> "/apply/children/" + i + "/child",
              i -> "/apply/children/" + i + "/remove", java.util.Optional.empty(), hidden)));
      write("add-to-list-summary-error-" + lang, io.civickit.forms.internal.html.Govuk.page(title, "Report fly-tipping",
          true, l, AddToList.summaryPage(set, done, locale, i -> "/apply/children/" + i + "/child",
              i -> "/apply/children/" + i + "/remove",
              java.util.Optional.of(AddToList.message("error.question", set, "", locale)), hidden)));
      write("add-to-list-remove-" + lang, io.civickit.forms.internal.html.Govuk.page(
          AddToList.removeTitle(set, "Alex", locale), "Report fly-tipping", false, l,
          AddToList.removePage(set, "Alex", locale, java.util.Optional.empty(), hidden)));
      write("add-to-list-cards-" + lang, io.civickit.forms.internal.html.Govuk.page("Check your answers",
          "Report fly-tipping", false, l, "<h1 class=\"govuk-heading-l\">Check your answers</h1>"
              + AddToList.cards(set, items, locale, (i, page) -> "/change/children/" + i + "/" + page)));
    }
  }
}
