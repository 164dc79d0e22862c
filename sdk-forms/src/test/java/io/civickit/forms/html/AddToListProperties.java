package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.RepeatingItems;
import io.civickit.forms.RepeatingSet;
import io.civickit.forms.validation.Messages;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * With generated items (any text typed, any number of items, fields missing or repeated),
 * checking items never throws, and the summary, removal page and cards render every generated
 * string as text: the same elements and attributes as with harmless text, the text intact.
 */
class AddToListProperties {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Provide
  Arbitrary<String> typed() {
    Arbitrary<String> fragments = Arbitraries.of("<", ">", "&", "\"", "'", "<script>alert(1)</script>", "\" onfocus=\"x",
        "<b>", "&amp;", "-->", "é", "ŵ", "😀", "\u202E", "javascript:", "0/", "/@child", "{label}", "{n}");
    return Arbitraries.oneOf(fragments.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l)),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(25))
        .filter(s -> !s.isBlank() && s.strip().equals(s) && !s.contains("  "));
  }

  static RepeatingSet set(String s) {
    Page first = Page.builder("child").title(s, s).question(Question.builder("child_name", QuestionType.TEXT)
        .label(s, s).errorNoun(s, s).build())
        .question(Question.builder("at_school", QuestionType.YES_NO).label(s, s).errorNoun(s, s).build()).build();
    Page second = Page.builder("school").showIf("answers.at_school = true").question(Question.builder("born",
        QuestionType.DATE).label(s, s).errorNoun(s, s).build()).build();
    return RepeatingSet.builder(LocalisedText.of(s, s), LocalisedText.of(s, s)).items(0, 5).page(first).page(second)
        .build();
  }

  static Map<String, List<String>> draft(String s, int items) {
    Map<String, List<String>> d = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      d.put(i + "/@child", List.of("1"));
      d.put(i + "/@school", List.of("1"));
      d.put(i + "/child_name", List.of(s));
      // the typed text with a character no yes/no answer or day number has: never valid, for any s
      d.put(i + "/at_school", List.of(i % 2 == 0 ? "yes" : s + "!"));
      d.put(i + "/born-day", List.of(i % 3 == 0 ? "1" : s + "x"));
      d.put(i + "/born-month", List.of("2"));
      d.put(i + "/born-year", List.of("2015"));
    }
    d.put(s, List.of(s));
    d.put("9/" + s, List.of(s, s));
    return d;
  }

  static List<RepeatingItems.Item> checkAll(RepeatingSet set, Map<String, List<String>> d, Locale l) {
    List<RepeatingItems.Item> out = new java.util.ArrayList<>();
    for (int i = 0; i < RepeatingItems.count(d); i++) {
      out.add(RepeatingItems.check(set, Map.of(), Map.of(), d, i, l, TODAY, Messages.defaults()));
    }
    return out;
  }

  static String skeleton(String html) {
    StringBuilder b = new StringBuilder();
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      b.append(e.tagName()).append(e.attributes().asList().stream().map(a -> a.getKey()).sorted()
          .collect(Collectors.joining(",", "[", "]"))).append('\n');
    }
    return b.toString();
  }

  static String all(String s, int items, Locale l) {
    RepeatingSet set = set(s);
    Map<String, List<String>> d = draft(s, items);
    List<RepeatingItems.Item> checked = checkAll(set, d, l);
    List<RepeatingItems.Item> done = checked.stream().filter(RepeatingItems.Item::complete).toList();
    return AddToList.summaryPage(set, done, l, i -> "/c/" + i, i -> "/r/" + i, Optional.of(s), Map.of("csrf", s))
        + AddToList.removePage(set, s, l, Optional.of(s), Map.of("csrf", s))
        + AddToList.cards(set, checked, l, (i, p) -> "/c/" + i + "/" + p);
  }

  @Property(tries = 300)
  void checkingNeverThrowsAndEverythingRendersAsText(@ForAll("typed") String s, @ForAll @IntRange(max = 7) int items,
      @ForAll boolean welsh) {
    Locale l = welsh ? Locale.forLanguageTag("cy") : Locale.UK;
    String html = all(s, items, l);
    assertThat(skeleton(html)).isEqualTo(skeleton(all("x", items, l)));
    assertThat(Jsoup.parseBodyFragment(html).body().text()).contains(s.replaceAll("\\s+", " "));
  }

  @Property(tries = 200)
  void anyDraftIsCheckedWithoutThrowing(@ForAll Map<@net.jqwik.api.constraints.StringLength(max = 12) String,
      List<@net.jqwik.api.constraints.StringLength(max = 12) String>> draft) {
    RepeatingSet set = set("child");
    List<RepeatingItems.Item> items = checkAll(set, draft, Locale.UK);
    assertThat(items).hasSize(RepeatingItems.count(draft));
    RepeatingItems.completeOnly(draft, items);
  }
}
