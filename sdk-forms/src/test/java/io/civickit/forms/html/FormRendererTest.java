package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FormRendererTest {

  private static final Locale CY = Locale.forLanguageTag("cy");

  private final FormRenderer renderer = new FormRenderer("Report a missed bin");

  private static Page page() {
    return Page.builder("details").title("Your details", "Eich manylion")
        .question(Question.builder("email", QuestionType.EMAIL)
            .label("Email address", "Cyfeiriad e-bost").hint("For replies", "Ar gyfer atebion")
            .errorNoun("your email address", "eich cyfeiriad e-bost").build())
        .question(Question.builder("dob", QuestionType.DATE)
            .label("Date of birth", "Dyddiad geni")
            .errorNoun("your date of birth", "eich dyddiad geni").build())
        .question(Question.builder("bin", QuestionType.RADIOS).label("Which bin?", "Pa fin?")
            .errorNoun("which bin", "pa fin")
            .option("general", "General waste", "Gwastraff cyffredinol")
            .option("food", "Food waste", "Gwastraff bwyd").build())
        .build();
  }

  @Test
  void pageWithErrorsHasPrefixedTitleAndSummaryLinksToExistingIds() {
    Document doc = Jsoup.parse(renderer.renderPage(page(),
        Map.of("email", List.of("sam@"), "dob-day", List.of("31"), "bin", List.of("food")),
        Map.of("email", "Enter an email address in the correct format",
            "dob", "Date of birth must be a real date"), Locale.UK));
    assertThat(doc.title()).isEqualTo("Error: Your details – Report a missed bin – GOV.UK");
    List<Element> links = doc.select(".govuk-error-summary__list a");
    assertThat(links).extracting(e -> e.attr("href")).containsExactly("#email", "#dob-day");
    for (Element link : links) {
      assertThat(doc.getElementById(link.attr("href").substring(1))).isNotNull();
    }
    assertThat(doc.selectFirst("input#email").attr("type")).isEqualTo("email");
    assertThat(doc.selectFirst("input#email").attr("autocomplete")).isEqualTo("email");
    assertThat(doc.selectFirst("input#email").val()).isEqualTo("sam@");
    assertThat(doc.selectFirst("#dob-day").val()).isEqualTo("31");
    assertThat(doc.selectFirst("input[value=food]").hasAttr("checked")).isTrue();
    assertThat(doc.selectFirst("form").hasAttr("novalidate")).isTrue();
    assertThat(doc.select("[required]")).isEmpty();
    for (Element e : doc.select("[aria-describedby]")) {
      for (String id : e.attr("aria-describedby").split(" ")) {
        assertThat(doc.getElementById(id)).as(id).isNotNull();
      }
    }
  }

  @Test
  void welshPageUsesWelshTextAndNoErrorPrefixWithoutErrors() {
    Document doc = Jsoup.parse(renderer.renderPage(page(), Map.of(), Map.of(), CY));
    assertThat(doc.title()).isEqualTo("Eich manylion – Report a missed bin – GOV.UK");
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(doc.selectFirst("label[for=email]").text()).isEqualTo("Cyfeiriad e-bost");
    assertThat(doc.selectFirst("label[for=dob-day]").text()).isEqualTo("Diwrnod");
    assertThat(doc.select(".govuk-error-summary")).isEmpty();
  }
}
