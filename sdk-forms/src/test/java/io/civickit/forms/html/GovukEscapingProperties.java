package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.internal.html.Govuk;
import io.civickit.forms.internal.html.Govuk.Field;
import io.civickit.forms.internal.html.Govuk.Option;
import io.civickit.forms.internal.html.Govuk.SummaryRow;
import io.civickit.forms.internal.html.Lang;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Any string used as an answer, label or hint renders as text, never as markup. */
class GovukEscapingProperties {

  private static final String SAFE = "x";

  @Provide
  Arbitrary<String> nasty() {
    Arbitrary<String> fragments = Arbitraries.of("<", ">", "&", "\"", "'", "`", "=", "/", " ",
        "<script>alert(1)</script>", "\" onfocus=\"x", "' a='", "<b>", "&amp;", "&#60;", "-->",
        "<!--", "]]>", "</textarea>", "</title>", "{{x}}", "\u00a0", "é", "ŵ");
    return Arbitraries.oneOf(
        fragments.list().ofMaxSize(8).map(l -> String.join("", l)),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
        Arbitraries.strings().alpha().numeric().withChars("<>&\"'/= ").ofMaxLength(30))
        .filter(s -> s.strip().equals(s) && !s.contains("  ") && !s.contains("\u00a0"));
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

  private static String inputPage(String label, String hint, String answer) {
    return Govuk.input(Field.of("q", label, hint, "Enter " + label), "text", answer, "name", null,
        null, false, Lang.EN);
  }

  @Property
  void textInputNeverGainsMarkup(@ForAll("nasty") String s) {
    // An empty answer has no value attribute at all, as GOV.UK Frontend makes it.
    Document safe = Jsoup.parseBodyFragment(inputPage(SAFE, SAFE, s.isEmpty() ? "" : SAFE));
    Document doc = Jsoup.parseBodyFragment(inputPage(s, s, s));
    assertThat(signature(doc)).isEqualTo(signature(safe));
    assertThat(doc.selectFirst("input#q").attr("value")).isEqualTo(s);
    assertThat(doc.selectFirst("label").text()).isEqualTo(s);
    assertThat(doc.selectFirst("#q-hint").text()).isEqualTo(s);
  }

  @Property
  void textareaAndChoicesNeverGainMarkup(@ForAll("nasty") String s) {
    String html = Govuk.textarea(Field.of("t", s, s, null), s, 100, 5, null, Lang.CY)
        + Govuk.radios(Field.of("r", s, s, s), List.of(new Option(s, s, s)), s, false, Lang.EN)
        + Govuk.select(Field.of("s", s, null, null), List.of(new Option(s, s, null)), s, Lang.EN)
        + Govuk.summaryList(List.of(new SummaryRow(s, List.of(s), "/c", s)), Lang.EN);
    String safeHtml = html.isEmpty() ? "" : Govuk.textarea(Field.of("t", SAFE, SAFE, null), SAFE, 100, 5, null, Lang.CY)
        + Govuk.radios(Field.of("r", SAFE, SAFE, SAFE), List.of(new Option(SAFE, SAFE, SAFE)), SAFE, false, Lang.EN)
        + Govuk.select(Field.of("s", SAFE, null, null), List.of(new Option(SAFE, SAFE, null)), SAFE, Lang.EN)
        + Govuk.summaryList(List.of(new SummaryRow(SAFE, List.of(SAFE), "/c", SAFE)), Lang.EN);
    Document doc = Jsoup.parseBodyFragment(html);
    assertThat(signature(doc)).isEqualTo(signature(Jsoup.parseBodyFragment(safeHtml)));
    assertThat(doc.selectFirst("textarea").wholeText()).isEqualTo(s);
    assertThat(doc.selectFirst("input#r").val()).isEqualTo(s);
    assertThat(doc.selectFirst("label[for=r]").text()).isEqualTo(s);
    assertThat(doc.selectFirst("option").val()).isEqualTo(s);
    assertThat(doc.selectFirst("dt").text()).isEqualTo(s);
    assertThat(doc.selectFirst("dd.govuk-summary-list__value").text()).isEqualTo(s);
  }

  @Property
  void pageTitleAndErrorSummaryNeverGainMarkup(@ForAll("nasty") String s) {
    String html = Govuk.page(s, "Service", true, Lang.EN,
        Govuk.errorSummary(List.of(new Govuk.ErrorLink("q", s)), Lang.EN));
    Document doc = Jsoup.parse(html);
    assertThat(doc.title())
        .isEqualTo(("Error: " + s + " – Service – GOV.UK").replaceAll("\\s+", " "));
    assertThat(doc.select(".govuk-error-summary__list a")).hasSize(1);
    assertThat(doc.selectFirst(".govuk-error-summary__list a").text()).isEqualTo(s);
    assertThat(doc.select("script")).isEmpty();
  }
}
