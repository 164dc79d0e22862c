package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.Content;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.internal.html.Markdown;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Whatever an author writes as Markdown, the HTML holds only the safe subset's elements, each with
 * only its GOV.UK class and (links) an http, https, mailto or relative address, and every piece
 * of content kind renders without throwing.
 */
class MarkdownProperties {

  /** Elements the subset may make, with the attributes each may carry. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("p", Set.of("class")), Map.entry("ul", Set.of("class")), Map.entry("ol", Set.of("class", "start")),
      Map.entry("li", Set.of()), Map.entry("a", Set.of("class", "href", "title", "rel")), Map.entry("em", Set.of()),
      Map.entry("strong", Set.of()), Map.entry("code", Set.of()), Map.entry("br", Set.of()),
      Map.entry("h2", Set.of("class")), Map.entry("h3", Set.of("class")), Map.entry("hr", Set.of("class")));

  @Provide
  Arbitrary<String> markdown() {
    Arbitrary<String> pieces = Arbitraries.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>",
        "</div>", "<!-- x -->", "[a](javascript:alert(1))", "[b](JAVASCRIPT:x)", "[c](data:text/html,x)",
        "[d](https://example.gov.uk/a?b=1&c=\"x\")", "[e](/relative)", "<https://auto.example>", "<javascript:x>",
        "![alt <i>](https://x.example/i.png)", "# ", "### ", "- ", "1. ", "3) ", "> ", "    ", "```\n", "***",
        "*", "_", "`", "\n", "\n\n", "&amp;", "&#60;", "&lt;", "\\", "[x]: javascript:y\n[x]", " onclick=\"x\"",
        "text", "Cymraeg ŵ ŷ", "\"", "'", "=", "|");
    return Arbitraries.oneOf(
        pieces.list().ofMaxSize(12).map(l -> String.join("", l)),
        Arbitraries.strings().withCharRange(' ', '~').withChars('\n').ofMaxLength(60));
  }

  @Property
  void markdownMakesOnlyTheSafeSubset(@ForAll("markdown") String source) {
    String html = Markdown.html(source);
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (e.tagName().equals("body")) {
        continue;
      }
      assertThat(ALLOWED).as("element <%s> from %s", e.tagName(), source).containsKey(e.tagName());
      e.attributes().forEach(a -> assertThat(ALLOWED.get(e.tagName())).as("attribute %s from %s", a.getKey(), source)
          .contains(a.getKey()));
      if (e.hasAttr("href")) {
        String href = e.attr("href").toLowerCase(Locale.ROOT);
        assertThat(href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:")
            || !href.matches("^[a-z][a-z0-9+.-]*:.*")).as("href %s from %s", href, source).isTrue();
      }
    }
  }

  @Property
  void everyKindOfContentRendersAsTextInBothLanguages(@ForAll("markdown") String source) {
    String text = source.isBlank() ? "x" : source;
    for (Content c : new Content[] {Content.markdown(LocalisedText.of(text, text)),
        Content.inset(LocalisedText.of(text, text)), Content.details(LocalisedText.of(text, text),
        LocalisedText.of(text, text)), Content.warning(LocalisedText.of(text, text))}) {
      for (Locale l : new Locale[] {Locale.UK, Locale.forLanguageTag("cy")}) {
        String html = FormRenderer.content(c, l);
        assertThat(Jsoup.parseBodyFragment(html).select("script, img, iframe, b, i")).isEmpty();
      }
    }
  }
}
