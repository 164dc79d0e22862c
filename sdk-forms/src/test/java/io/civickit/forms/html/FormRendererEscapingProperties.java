package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * For every question type, any string used as a label, hint, option, answer, error message or
 * hidden field renders as text, never as markup: the page has exactly the elements and
 * attributes it has with harmless text, and the text comes back unchanged.
 */
class FormRendererEscapingProperties {

  private static final String SAFE = "x";

  @Provide
  Arbitrary<String> nasty() {
    Arbitrary<String> fragments = Arbitraries.of("<", ">", "&", "\"", "'", "`", "=", "/", " ",
        "<script>alert(1)</script>", "\" onfocus=\"x", "' a='", "<b>", "&amp;", "&#60;", "-->", "<!--", "]]>",
        "</textarea>", "</title>", "</option>", "<input>", "{{x}}", "${x}", "é", "ŵ", "😀", "\u202E", "javascript:");
    return Arbitraries.oneOf(
        fragments.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l)),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().alpha().numeric().withChars("<>&\"'/= ").ofMinLength(1).ofMaxLength(30))
        .filter(s -> !s.isBlank() && s.strip().equals(s) && !s.contains("  "));
  }

  private static Question question(QuestionType type, String s) {
    Question.Builder b = Question.builder("q", type).label(s, s).hint(s, s).errorNoun(s, s)
        .fileType("image/png").maxLength(10_000);
    if (type == QuestionType.RADIOS || type == QuestionType.CHECKBOXES || type == QuestionType.SELECT
        || type == QuestionType.YES_NO) {
      b.option(s, s, s).option(s + "2", s, s);
    }
    if (type == QuestionType.REPEATING_GROUP) {
      b.item(Question.builder("i", QuestionType.TEXT).label(s, s).hint(s, s).errorNoun(s, s).build());
      b.item(Question.builder("d", QuestionType.DATE).label(s, s).errorNoun(s, s).build());
    }
    return b.build();
  }

  private static Map<String, List<String>> raw(String s) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String name : List.of("q", "q-day", "q-month", "q-year", "q-line1", "q-line2", "q-town", "q-postcode",
        "q-uprn", "q[0].i", "q[0].d-day", "q[0].d-month", "q[0].d-year", "q[1].i")) {
      m.put(name, List.of(s));
    }
    m.put("q-items", List.of("2"));
    return m;
  }

  private static List<FieldError> errors(String s) {
    List<FieldError> e = new ArrayList<>();
    for (String f : List.of("q", "q-day", "q-month", "q-line1", "q-town", "q[0].i", "q[1].d-year")) {
      e.add(new FieldError(f, s));
    }
    return e;
  }

  private static String render(QuestionType type, String s, Locale l) {
    Page page = Page.builder("p").question(question(type, s)).build();
    return new FormRenderer("Service").renderPage(page, raw(s), errors(s), l, Map.of("csrf", s));
  }

  private static String signature(Document doc) {
    StringBuilder b = new StringBuilder();
    for (Element e : doc.getAllElements()) {
      b.append(e.tagName()).append('[');
      e.attributes().forEach(a -> b.append(a.getKey()).append(','));
      b.append(']');
    }
    return b.toString();
  }

  @Property(tries = 150)
  void everyQuestionTypeRendersAnyTextAsText(@ForAll("nasty") String s, @ForAll boolean welsh) {
    Locale l = welsh ? Locale.forLanguageTag("cy") : Locale.UK;
    for (QuestionType type : QuestionType.values()) {
      Document doc = Jsoup.parse(render(type, s, l));
      Document safe = Jsoup.parse(render(type, SAFE, l));
      assertThat(signature(doc)).as(type.name()).isEqualTo(signature(safe));
      assertThat(doc.select("script")).isEmpty();
      assertThat(doc.title()).isEqualTo((welsh ? "Gwall: " : "Error: ") + s + " – Service – GOV.UK");
      assertThat(doc.selectFirst("input[type=hidden][name=csrf]").val()).isEqualTo(s);
      assertThat(doc.select(".govuk-error-summary__list a").eachText()).isNotEmpty().allMatch(s::equals);
      // a declaration's label is its checkbox's, never a heading
      Element heading = type == QuestionType.DECLARATION ? doc.selectFirst("label[for=q]") : doc.selectFirst("h1");
      assertThat(heading.text()).as(type.name()).isEqualTo(s);
      switch (type) {
        case TEXTAREA:
          assertThat(doc.selectFirst("textarea#q").wholeText()).isEqualTo(s);
          break;
        case DATE:
          assertThat(doc.selectFirst("#q-day").val()).isEqualTo(s);
          break;
        case FIRST_AND_LAST_NAME:
          assertThat(doc.selectFirst("#q-first").attr("autocomplete")).isEqualTo("given-name");
          break;
        case MONTH_YEAR:
          assertThat(doc.selectFirst("#q-month").val()).isEqualTo(s);
          assertThat(doc.select("#q-day")).isEmpty();
          break;
        case ADDRESS:
          assertThat(doc.selectFirst("#q-town").val()).isEqualTo(s);
          break;
        case INTERNATIONAL_ADDRESS:
          assertThat(doc.selectFirst("#q-town").val()).isEqualTo(s);
          assertThat(doc.selectFirst("#q-line1").val()).isEqualTo(s);
          assertThat(doc.selectFirst("#q-line1-error").text()).endsWith(s);
          break;
        case REPEATING_GROUP:
          assertThat(doc.getElementById("q[1].i").val()).isEqualTo(s);
          break;
        case RADIOS:
        case CHECKBOXES:
          assertThat(doc.selectFirst("input#q").val()).isEqualTo(s);
          assertThat(doc.selectFirst("input#q").hasAttr("checked")).isTrue();
          assertThat(doc.selectFirst("label[for=q]").text()).isEqualTo(s);
          break;
        case SELECT:
          assertThat(doc.selectFirst("option[selected]").val()).isEqualTo(s);
          break;
        case YES_NO:
        case FILE:
          break;
        case DECLARATION:
          // its one checkbox's value is always "yes", whatever was sent
          assertThat(doc.selectFirst("input#q").val()).isEqualTo("yes");
          assertThat(doc.selectFirst("#q-hint").text()).isEqualTo(s);
          break;
        default:
          assertThat(doc.selectFirst("input#q").val()).isEqualTo(s);
          assertThat(doc.selectFirst("#q-hint").text()).isEqualTo(s);
          break;
      }
    }
  }

  @Property(tries = 150)
  void checkAnswersAndTaskListRenderAnyTextAsText(@ForAll("nasty") String s) {
    String html = FormRenderer.checkAnswers(List.of(new SummaryRow(s, s, s + "\n" + s, Optional.of(s), Optional.of(s))), Locale.UK)
        + FormRenderer.taskList(List.of(new TaskListItem(s, Optional.of(s), TaskListItem.Status.IN_PROGRESS),
            new TaskListItem(s, Optional.empty(), TaskListItem.Status.CANNOT_START_YET)), Locale.UK);
    String safeHtml = FormRenderer.checkAnswers(List.of(new SummaryRow(SAFE, SAFE, SAFE + "\n" + SAFE, Optional.of(SAFE), Optional.of(SAFE))),
        Locale.UK) + FormRenderer.taskList(List.of(new TaskListItem(SAFE, Optional.of(SAFE), TaskListItem.Status.IN_PROGRESS),
            new TaskListItem(SAFE, Optional.empty(), TaskListItem.Status.CANNOT_START_YET)), Locale.UK);
    Document doc = Jsoup.parseBodyFragment(html);
    assertThat(signature(doc)).isEqualTo(signature(Jsoup.parseBodyFragment(safeHtml)));
    assertThat(doc.selectFirst("dt").text()).isEqualTo(s);
    assertThat(doc.selectFirst("dd.govuk-summary-list__value").wholeText()).isEqualTo(s + "\n" + s);
    assertThat(doc.selectFirst(".govuk-summary-list__actions a").attr("href")).isEqualTo(s);
    assertThat(doc.selectFirst(".govuk-summary-list__actions .govuk-visually-hidden").text()).isEqualTo(s);
    assertThat(doc.selectFirst("a.govuk-task-list__link").text()).isEqualTo(s);
  }
}
