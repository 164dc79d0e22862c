package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CheckAnswersAndTaskListTest {

  private static final Locale CY = Locale.forLanguageTag("cy");

  @Test
  void checkAnswersRowsHaveChangeLinksWithVisuallyHiddenText() {
    Document doc = Jsoup.parseBodyFragment(FormRenderer.checkAnswers(List.of(
        new SummaryRow("name", "Full name", "Sam <Smith>", Optional.of("/name?return=check"), Optional.of("your full name")),
        new SummaryRow("address", "Address", "1 High Street\nCardiff\nCF10 1AA", Optional.of("/address"), Optional.empty()),
        new SummaryRow("ref", "Reference", "ABC", Optional.empty(), Optional.empty())), Locale.UK));
    List<Element> rows = doc.select("dl.govuk-summary-list > div.govuk-summary-list__row");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).selectFirst("dt.govuk-summary-list__key").text()).isEqualTo("Full name");
    assertThat(rows.get(0).selectFirst("dd.govuk-summary-list__value").text()).isEqualTo("Sam <Smith>");
    Element change = rows.get(0).selectFirst("dd.govuk-summary-list__actions a.govuk-link");
    assertThat(change.attr("href")).isEqualTo("/name?return=check");
    assertThat(change.ownText()).isEqualTo("Change");
    assertThat(change.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("your full name");
    assertThat(rows.get(1).select("dd.govuk-summary-list__value br")).hasSize(2);
    assertThat(rows.get(1).selectFirst("span.govuk-visually-hidden").text()).isEqualTo("Address");
    assertThat(rows.get(2).hasClass("govuk-summary-list__row--no-actions")).isTrue();
    assertThat(rows.get(2).select("a")).isEmpty();
    Document cy = Jsoup.parseBodyFragment(FormRenderer.checkAnswers(List.of(
        new SummaryRow("name", "Enw", "Sam", Optional.of("/name"), Optional.of("eich enw"))), CY));
    assertThat(cy.selectFirst("a.govuk-link").ownText()).isEqualTo("Newid");
  }

  @Test
  void taskListShowsEachStatusInEnglishAndWelsh() {
    List<TaskListItem> items = List.of(
        new TaskListItem("Check you can apply", Optional.of("/eligibility"), TaskListItem.Status.COMPLETED),
        new TaskListItem("Your collection", Optional.of("/bins"), TaskListItem.Status.IN_PROGRESS),
        new TaskListItem("Your contact details", Optional.of("/contact"), TaskListItem.Status.NOT_YET_STARTED),
        new TaskListItem("Pay", Optional.empty(), TaskListItem.Status.CANNOT_START_YET));
    Document doc = Jsoup.parseBodyFragment(FormRenderer.taskList(items, Locale.UK));
    List<Element> li = doc.select("ul.govuk-task-list > li.govuk-task-list__item");
    assertThat(li).hasSize(4);
    assertThat(li.get(0).selectFirst(".govuk-task-list__status").text()).isEqualTo("Completed");
    assertThat(li.get(1).selectFirst("strong.govuk-tag.govuk-tag--light-blue").text()).isEqualTo("In progress");
    assertThat(li.get(2).selectFirst("strong.govuk-tag.govuk-tag--blue").text()).isEqualTo("Not yet started");
    assertThat(li.get(3).selectFirst(".govuk-task-list__status--cannot-start-yet").text()).isEqualTo("Cannot start yet");
    assertThat(li.get(3).select("a")).isEmpty();
    assertThat(li.get(0).hasClass("govuk-task-list__item--with-link")).isTrue();
    Element link = li.get(1).selectFirst("a.govuk-link.govuk-task-list__link");
    assertThat(link.attr("href")).isEqualTo("/bins");
    assertThat(doc.getElementById(link.attr("aria-describedby"))).isNotNull();
    Document cy = Jsoup.parseBodyFragment(FormRenderer.taskList(items, CY));
    assertThat(cy.select(".govuk-task-list__status").eachText())
        .containsExactly("Wedi cwblhau", "Ar y gweill", "Heb ddechrau eto", "Methu dechrau eto");
  }

  @Test
  @SuppressWarnings("removal")
  void theDeprecatedConstructorsTakeNullAsNoLink() {
    String noLink = null;
    assertThat(new SummaryRow("ref", "Reference", "ABC", noLink, noLink))
        .isEqualTo(new SummaryRow("ref", "Reference", "ABC", Optional.empty(), Optional.empty()));
    assertThat(new SummaryRow("name", "Name", "Sam", "/name", noLink).changeHref()).contains("/name");
    assertThat(new TaskListItem("Pay", noLink, TaskListItem.Status.CANNOT_START_YET).href()).isEmpty();
    assertThat(new TaskListItem("Pay", "/pay", TaskListItem.Status.IN_PROGRESS).href()).contains("/pay");
  }
}
