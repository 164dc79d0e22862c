package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.internal.html.Govuk;
import io.civickit.forms.internal.html.Govuk.ErrorLink;
import io.civickit.forms.internal.html.Govuk.Field;
import io.civickit.forms.internal.html.Govuk.Option;
import io.civickit.forms.internal.html.Govuk.SummaryRow;
import io.civickit.forms.internal.html.Govuk.Task;
import io.civickit.forms.internal.html.Govuk.TaskStatus;
import io.civickit.forms.internal.html.Lang;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class GovukMarkupTest {

  private static Document parse(String html) {
    return Jsoup.parse(html);
  }

  private static void assertDescribedByIdsExist(Document doc) {
    for (Element e : doc.select("[aria-describedby]")) {
      for (String id : e.attr("aria-describedby").split(" ")) {
        assertThat(doc.getElementById(id)).as("described-by target %s", id).isNotNull();
      }
    }
  }

  @Test
  void textInputInErrorHasErrorClassesMessageAndDescribedBy() {
    Field f = Field.of("email", "Email address", "We will only use this to reply", "Enter an email address");
    Document doc = parse(Govuk.input(f, "email", "bob@", "email", null, null, true, Lang.EN));
    assertThat(doc.select("div.govuk-form-group.govuk-form-group--error")).hasSize(1);
    Element input = doc.selectFirst("input#email");
    assertThat(input.classNames()).contains("govuk-input", "govuk-input--error");
    assertThat(input.attr("value")).isEqualTo("bob@");
    assertThat(input.attr("autocomplete")).isEqualTo("email");
    assertThat(input.attr("spellcheck")).isEqualTo("false");
    assertThat(input.hasAttr("required")).isFalse();
    assertThat(input.attr("aria-describedby")).isEqualTo("email-hint email-error");
    assertThat(doc.selectFirst("p#email-error.govuk-error-message").text())
        .isEqualTo("Error: Enter an email address");
    assertThat(doc.selectFirst("p#email-error span.govuk-visually-hidden").text()).isEqualTo("Error:");
    assertThat(doc.selectFirst("label.govuk-label").attr("for")).isEqualTo("email");
    assertDescribedByIdsExist(doc);
  }

  @Test
  void inputWithoutHintOrErrorHasNoDescribedBy() {
    Document doc = parse(Govuk.input(Field.of("name", "Name", null, null), "text", null,
        "name", null, null, false, Lang.EN));
    Element input = doc.selectFirst("input#name");
    assertThat(input.hasAttr("aria-describedby")).isFalse();
    assertThat(input.attr("value")).isEmpty();
    assertThat(doc.select(".govuk-form-group--error")).isEmpty();
  }

  @Test
  void welshErrorPrefixIsGwall() {
    Document doc = parse(Govuk.input(Field.of("a", "A", null, "Rhowch enw"), "text", "", null,
        null, null, false, Lang.CY));
    assertThat(doc.selectFirst("p#a-error").text()).isEqualTo("Gwall: Rhowch enw");
  }

  @Test
  void textareaWithCharacterCountDescribesInfo() {
    Document doc = parse(Govuk.textarea(Field.of("more", "More detail", "Do not include personal details", null),
        "line1\nline2 <b>", 500, 5, null, Lang.EN));
    Element group = doc.selectFirst("div.govuk-character-count");
    assertThat(group.attr("data-module")).isEqualTo("govuk-character-count");
    assertThat(group.attr("data-maxlength")).isEqualTo("500");
    Element ta = doc.selectFirst("textarea#more");
    assertThat(ta.classNames()).contains("govuk-textarea", "govuk-js-character-count");
    assertThat(ta.attr("aria-describedby")).isEqualTo("more-info more-hint"); // GOV.UK Frontend's order
    assertThat(ta.wholeText()).isEqualTo("line1\nline2 <b>");
    assertThat(doc.selectFirst("#more-info").text()).isEqualTo("You can enter up to 500 characters");
    assertDescribedByIdsExist(doc);
  }

  @Test
  void dateInputHighlightsOnlyErroneousPartsAndKeepsValues() {
    Field f = new Field("dob", "dob", "What is your date of birth?", "For example, 27 3 2007",
        "Date of birth must include a month", true);
    Document doc = parse(Govuk.dateInput(f, "27", "", "2007", List.of("month"), "bday", Lang.EN));
    assertThat(doc.select("fieldset.govuk-fieldset")).hasSize(1);
    assertThat(doc.selectFirst("legend.govuk-fieldset__legend h1.govuk-fieldset__heading").text())
        .isEqualTo("What is your date of birth?");
    assertThat(doc.select("div.govuk-date-input#dob .govuk-date-input__item")).hasSize(3);
    assertThat(doc.selectFirst("#dob-day").attr("value")).isEqualTo("27");
    assertThat(doc.selectFirst("#dob-day").hasClass("govuk-input--error")).isFalse();
    assertThat(doc.selectFirst("#dob-month").hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#dob-year").hasClass("govuk-input--width-4")).isTrue();
    assertThat(doc.selectFirst("#dob-year").attr("autocomplete")).isEqualTo("bday-year");
    assertThat(doc.selectFirst("#dob-day").attr("inputmode")).isEqualTo("numeric");
    assertThat(doc.selectFirst("#dob-month").attr("name")).isEqualTo("dob-month");
    assertThat(doc.selectFirst("fieldset").attr("aria-describedby")).isEqualTo("dob-hint dob-error");
    assertThat(Govuk.dateErrorTarget("dob", List.of("month", "year"))).isEqualTo("dob-month");
    assertDescribedByIdsExist(doc);
  }

  @Test
  void radiosFirstItemTakesFieldIdAndKeepSelection() {
    Field f = Field.of("contact", "How should we contact you?", null, "Select how to contact you");
    Document doc = parse(Govuk.radios(f, List.of(new Option("email", "Email", null),
        new Option("phone", "Phone", "Weekdays only")), "phone", false, Lang.EN));
    assertThat(doc.selectFirst("div.govuk-radios").attr("data-module")).isEqualTo("govuk-radios");
    assertThat(doc.select("input.govuk-radios__input")).extracting(e -> e.id())
        .containsExactly("contact", "contact-2");
    assertThat(doc.selectFirst("#contact-2").hasAttr("checked")).isTrue();
    assertThat(doc.selectFirst("#contact").hasAttr("checked")).isFalse();
    assertThat(doc.selectFirst("label[for=contact-2]").text()).isEqualTo("Phone");
    assertDescribedByIdsExist(doc);
  }

  @Test
  void checkboxesKeepEverySelection() {
    Document doc = parse(Govuk.checkboxes(Field.of("bins", "Which bins?", null, null),
        List.of(new Option("g", "General", null), new Option("r", "Recycling", null),
            new Option("f", "Food", null)), List.of("g", "f"), Lang.EN));
    assertThat(doc.select("input.govuk-checkboxes__input[checked]")).extracting(e -> e.val())
        .containsExactly("g", "f");
    assertThat(doc.select("input[type=checkbox]")).hasSize(3);
  }

  @Test
  void selectMarksSelectedOptionAndErrorClass() {
    Document doc = parse(Govuk.select(Field.of("ward", "Ward", null, "Select a ward"),
        List.of(new Option("", "Choose", null), new Option("n", "North", null)), "n", Lang.EN));
    Element select = doc.selectFirst("select#ward");
    assertThat(select.classNames()).contains("govuk-select", "govuk-select--error");
    assertThat(select.selectFirst("option[selected]").val()).isEqualTo("n");
  }

  @Test
  void fileUploadHasErrorClass() {
    Document doc = parse(Govuk.fileUpload(Field.of("photo", "Upload a photo", null, "Select a file"),
        "image/*", Lang.EN));
    Element in = doc.selectFirst("input#photo");
    assertThat(in.attr("type")).isEqualTo("file");
    assertThat(in.classNames()).contains("govuk-file-upload", "govuk-file-upload--error");
  }

  @Test
  void errorSummaryLinksPointAtFieldsOnThePage() {
    Field a = Field.of("name", "Name", null, "Enter your name");
    Field d = new Field("dob", "dob", "Date of birth", null, "Date of birth must be a real date", false);
    String fields = Govuk.input(a, "text", "", "name", null, null, false, Lang.EN)
        + Govuk.dateInput(d, "31", "2", "2000", List.of(), null, Lang.EN);
    String summary = Govuk.errorSummary(List.of(new ErrorLink("name", "Enter your name"),
        new ErrorLink(Govuk.dateErrorTarget("dob", List.of()), "Date of birth must be a real date")),
        Lang.EN);
    Document doc = parse(Govuk.page("Your details", "Report a missed bin", true, Lang.EN,
        summary + Govuk.form(null, fields, Lang.EN)));
    assertThat(doc.title()).isEqualTo("Error: Your details – Report a missed bin – GOV.UK");
    Element es = doc.selectFirst("div.govuk-error-summary");
    assertThat(es.attr("data-module")).isEqualTo("govuk-error-summary");
    assertThat(es.selectFirst("[role=alert] h2.govuk-error-summary__title").text())
        .isEqualTo("There is a problem");
    for (Element link : es.select("ul.govuk-list.govuk-error-summary__list a")) {
      String target = link.attr("href");
      assertThat(target).startsWith("#");
      assertThat(doc.getElementById(target.substring(1))).as(target).isNotNull();
    }
    assertThat(doc.selectFirst("form").hasAttr("novalidate")).isTrue();
    assertThat(doc.select("[required]")).isEmpty();
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
    assertDescribedByIdsExist(doc);
  }

  @Test
  void noErrorsMeansNoSummaryAndNoTitlePrefix() {
    assertThat(Govuk.errorSummary(List.of(), Lang.EN)).isEmpty();
    Document doc = parse(Govuk.page("Your details", "Service", false, Lang.CY, ""));
    assertThat(doc.title()).isEqualTo("Your details – Service – GOV.UK");
    assertThat(Govuk.title("Eich manylion", "Gwasanaeth", true, Lang.CY)).startsWith("Gwall: ");
  }

  @Test
  void summaryListHasChangeLinksWithVisuallyHiddenText() {
    Document doc = parse(Govuk.summaryList(List.of(
        new SummaryRow("Name", List.of("Sam Smith"), "/name?change=1", "name"),
        new SummaryRow("Address", List.of("1 High Street", "Town"), null, "address")), Lang.EN));
    Element row = doc.select("div.govuk-summary-list__row").get(0);
    assertThat(row.selectFirst("dt.govuk-summary-list__key").text()).isEqualTo("Name");
    Element link = row.selectFirst("dd.govuk-summary-list__actions a.govuk-link");
    assertThat(link.attr("href")).isEqualTo("/name?change=1");
    assertThat(link.text()).isEqualTo("Change name");
    assertThat(link.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("name");
    Element second = doc.select("div.govuk-summary-list__row").get(1);
    assertThat(second.hasClass("govuk-summary-list__row--no-actions")).isTrue();
    assertThat(second.select("dd.govuk-summary-list__value br")).hasSize(1);
  }

  @Test
  void taskListShowsStatusesAndDescribesLinks() {
    Document doc = parse(Govuk.taskList(List.of(
        new Task("details", "Your details", null, "/details", TaskStatus.COMPLETED),
        new Task("evidence", "Evidence", "Photos of the bin", "/evidence", TaskStatus.NOT_YET_STARTED),
        new Task("submit", "Submit", null, null, TaskStatus.CANNOT_START_YET)), Lang.EN));
    assertThat(doc.select("ul.govuk-task-list > li.govuk-task-list__item")).hasSize(3);
    assertThat(doc.selectFirst("#details-status").text()).isEqualTo("Completed");
    assertThat(doc.selectFirst("#evidence-status strong.govuk-tag.govuk-tag--blue").text())
        .isEqualTo("Not yet started");
    assertThat(doc.selectFirst("#submit-status").hasClass("govuk-task-list__status--cannot-start-yet"))
        .isTrue();
    assertThat(doc.select("a.govuk-task-list__link")).hasSize(2);
    assertDescribedByIdsExist(doc);
  }

  @Test
  void addAnotherListsItemsWithRemoveLinksAndAYesNoQuestion() {
    Document doc = parse(Govuk.addAnother("You have added 1 person", List.of(
        new SummaryRow("Sam", List.of(), "/people/1", "Sam")), List.of("/people/1/remove"),
        "add-another", null, Lang.EN));
    assertThat(doc.select("a[href=/people/1/remove]").text()).isEqualTo("Remove Sam");
    assertThat(doc.select("input[name=add-another][type=radio]")).extracting(e -> e.val())
        .containsExactly("yes", "no");
    assertThat(doc.selectFirst("div.govuk-radios").hasClass("govuk-radios--inline")).isTrue();
  }
}
