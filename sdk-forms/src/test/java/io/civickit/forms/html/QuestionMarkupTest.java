package io.civickit.forms.html;

import static io.civickit.forms.validation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The GOV.UK Frontend markup of every question type, with and without errors. */
class QuestionMarkupTest {

  private static final FormRenderer RENDERER = new FormRenderer("Report a missed bin");

  static Page page(Question... qs) {
    Page.Builder b = Page.builder("p");
    for (Question q : qs) {
      b.question(q);
    }
    return b.build();
  }

  /** Validates the page's questions against the input and renders it with the resulting errors. */
  static Document render(Page page, Map<String, List<String>> in, Locale l) {
    List<FieldError> errors = new ArrayList<>();
    for (Question q : page.questions()) {
      if (Validation.validate(q, in, l, TODAY) instanceof ValidationResult.Invalid inv) {
        errors.addAll(inv.errors());
      }
    }
    Document doc = Jsoup.parse(RENDERER.renderPage(page, in, errors, l, Map.of("csrf", "t0k\"en")));
    assertWellFormed(doc);
    return doc;
  }

  static void assertWellFormed(Document doc) {
    assertThat(doc.selectFirst("form").hasAttr("novalidate")).isTrue();
    assertThat(doc.select("[required]")).isEmpty();
    assertThat(doc.selectFirst("form input[type=hidden][name=csrf]").val()).isEqualTo("t0k\"en");
    for (Element e : doc.select("[aria-describedby]")) {
      for (String id : e.attr("aria-describedby").split(" ")) {
        assertThat(doc.getElementById(id)).as("aria-describedby target %s", id).isNotNull();
      }
    }
    for (Element link : doc.select(".govuk-error-summary__list a")) {
      assertThat(doc.getElementById(link.attr("href").substring(1))).as(link.attr("href")).isNotNull();
    }
    for (Element label : doc.select("label[for]")) {
      assertThat(doc.getElementById(label.attr("for"))).as("label for %s", label.attr("for")).isNotNull();
    }
    List<String> ids = doc.select("[id]").eachAttr("id");
    assertThat(ids).doesNotHaveDuplicates();
  }

  static List<String> summaryTargets(Document doc) {
    return doc.select(".govuk-error-summary__list a").eachAttr("href");
  }

  @Test
  void textInputIsThePageHeadingAndKeepsWhatWasTyped() {
    Document doc = render(page(NAME), in("name", "x".repeat(21)), EN);
    assertThat(doc.title()).isEqualTo("Error: Label name – Report a missed bin – GOV.UK");
    assertThat(doc.selectFirst("h1.govuk-label-wrapper label[for=name]").text()).isEqualTo("Label name");
    Element input = doc.selectFirst("input#name");
    assertThat(input.val()).isEqualTo("x".repeat(21));
    assertThat(input.attr("type")).isEqualTo("text");
    assertThat(input.hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#name-error").text()).isEqualTo("Error: Full name must be 20 characters or less");
    assertThat(summaryTargets(doc)).containsExactly("#name");
  }

  @Test
  void textareaHasCharacterCount() {
    Document doc = render(page(MORE), in("more", "line 1\nline 2"), EN);
    Element group = doc.selectFirst("div.govuk-character-count");
    assertThat(group.attr("data-maxlength")).isEqualTo("10");
    assertThat(doc.selectFirst("textarea#more").wholeText()).isEqualTo("line 1\nline 2");
    assertThat(doc.selectFirst("textarea#more").attr("aria-describedby")).isEqualTo("more-info more-error");
    assertThat(doc.selectFirst("#more-info").text()).isEqualTo("You can enter up to 10 characters");
  }

  @Test
  void numbersAndMoneyUseTheRightKeyboardAndTheMoneyPrefix() {
    Document doc = render(page(BINS, WEIGHT, AMOUNT), in("bins", "2", "weight", "1.5", "amount", "12.50"), EN);
    assertThat(doc.selectFirst("input#bins").attr("inputmode")).isEqualTo("numeric");
    assertThat(doc.selectFirst("input#weight").attr("inputmode")).isEqualTo("decimal");
    Element money = doc.selectFirst("input#amount");
    assertThat(money.attr("inputmode")).isEqualTo("decimal");
    assertThat(money.attr("spellcheck")).isEqualTo("false");
    assertThat(money.parent().hasClass("govuk-input__wrapper")).isTrue();
    assertThat(money.parent().selectFirst(".govuk-input__prefix").text()).isEqualTo("£");
    assertThat(money.parent().selectFirst(".govuk-input__prefix").attr("aria-hidden")).isEqualTo("true");
    assertThat(money.val()).isEqualTo("12.50");
    assertThat(doc.select(".govuk-error-summary")).isEmpty();
    assertThat(doc.title()).doesNotStartWith("Error");
  }

  @Test
  void dateErrorLinksToTheFirstMissingPartAndHighlightsOnlyMissingParts() {
    Document doc = render(page(DOB), date("dob", "27", "", ""), EN);
    assertThat(summaryTargets(doc)).containsExactly("#dob-month");
    assertThat(doc.selectFirst(".govuk-error-summary__list a").text())
        .isEqualTo("Date of birth must include a month and year");
    assertThat(doc.selectFirst("#dob-day").hasClass("govuk-input--error")).isFalse();
    assertThat(doc.selectFirst("#dob-month").hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#dob-year").hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#dob-day").val()).isEqualTo("27");
    assertThat(doc.selectFirst("#dob-day").attr("autocomplete")).isEqualTo("bday-day");
    assertThat(doc.selectFirst("fieldset").attr("role")).isEqualTo("group");
    assertThat(doc.selectFirst("legend h1.govuk-fieldset__heading").text()).isEqualTo("Label dob");
  }

  @Test
  void wholeDateErrorsHighlightEveryPartAndLinkToTheDay() {
    Document doc = render(page(DOB), date("dob", "1", "1", "2030"), EN);
    assertThat(summaryTargets(doc)).containsExactly("#dob-day");
    assertThat(doc.select(".govuk-date-input__input.govuk-input--error")).hasSize(3);
  }

  @Test
  void contactInputsHaveTheirAutocompleteTypeAndSpellcheck() {
    Document doc = render(page(EMAIL, PHONE, MOBILE, POSTCODE, NINO), in(), EN);
    Element email = doc.selectFirst("input#email");
    assertThat(email.attr("type")).isEqualTo("email");
    assertThat(email.attr("autocomplete")).isEqualTo("email");
    assertThat(email.attr("spellcheck")).isEqualTo("false");
    for (String id : List.of("phone", "mobile")) {
      assertThat(doc.selectFirst("input#" + id).attr("type")).isEqualTo("tel");
      assertThat(doc.selectFirst("input#" + id).attr("autocomplete")).isEqualTo("tel");
    }
    assertThat(doc.selectFirst("input#postcode").attr("autocomplete")).isEqualTo("postal-code");
    Element nino = doc.selectFirst("input#nino");
    assertThat(nino.attr("spellcheck")).isEqualTo("false");
    assertThat(nino.classNames()).contains("govuk-input--width-10", "govuk-input--extra-letter-spacing");
    assertThat(summaryTargets(doc)).containsExactly("#email", "#phone", "#mobile", "#postcode", "#nino");
  }

  @Test
  void addressShowsEachLinesOwnErrorAndLinksToTheFirstBadLine() {
    Document doc = render(page(ADDRESS), in("address-line1", "1 High St", "address-postcode", "nope",
        "address-uprn", "123"), EN);
    assertThat(summaryTargets(doc)).containsExactly("#address-town", "#address-postcode");
    assertThat(doc.selectFirst("#address-town-error").text()).isEqualTo("Error: Enter town or city");
    assertThat(doc.selectFirst("#address-postcode-error").text()).isEqualTo("Error: Enter a full UK postcode");
    assertThat(doc.select("#address-line1-error")).isEmpty();
    assertThat(doc.selectFirst("#address-line1").val()).isEqualTo("1 High St");
    assertThat(doc.selectFirst("#address-line1").attr("autocomplete")).isEqualTo("address-line1");
    assertThat(doc.selectFirst("#address-line2").attr("autocomplete")).isEqualTo("address-line2");
    assertThat(doc.selectFirst("#address-town").attr("autocomplete")).isEqualTo("address-level2");
    assertThat(doc.selectFirst("#address-postcode").attr("autocomplete")).isEqualTo("postal-code");
    assertThat(doc.selectFirst("input[type=hidden][name=address-uprn]").val()).isEqualTo("123");
    assertThat(doc.selectFirst("legend h1").text()).isEqualTo("Label address");
    Document cy = render(page(ADDRESS), in(), CY);
    assertThat(cy.selectFirst("label[for=address-town]").text()).isEqualTo("Tref neu ddinas");
    assertThat(summaryTargets(cy)).containsExactly("#address-line1");
  }

  @Test
  void choicesKeepSelectionsAndLinkToTheFirstOption() {
    Document doc = render(page(BIN, WARD, LIVES, WASTE), in("bin", "food", "ward", "south", "waste", "glass"), EN);
    assertThat(doc.selectFirst("input#bin-2").hasAttr("checked")).isTrue();
    assertThat(doc.selectFirst("select#ward option[selected]").val()).isEqualTo("south");
    assertThat(doc.selectFirst("select#ward option").val()).isEmpty();
    assertThat(doc.selectFirst("div.govuk-radios--inline input#lives").val()).isEqualTo("yes");
    assertThat(doc.selectFirst("label[for=lives]").text()).isEqualTo("Yes");
    assertThat(doc.selectFirst("input#waste").hasAttr("checked")).isTrue();
    assertThat(summaryTargets(doc)).containsExactly("#lives", "#waste");
    Document cy = render(page(LIVES), in(), CY);
    assertThat(cy.select("label.govuk-radios__label").eachText()).containsExactly("Ie", "Na");
    assertThat(cy.selectFirst(".govuk-error-summary__title").text()).isEqualTo("Mae problem wedi codi");
    assertThat(cy.title()).startsWith("Gwall: ");
  }

  @Test
  void fileUploadMakesTheFormMultipart() {
    Document doc = render(page(PHOTO), in(), EN);
    Element file = doc.selectFirst("input#photo");
    assertThat(file.attr("type")).isEqualTo("file");
    assertThat(file.attr("accept")).isEqualTo("image/jpeg,image/png,application/pdf");
    assertThat(doc.selectFirst("form").attr("enctype")).isEqualTo("multipart/form-data");
    assertThat(doc.selectFirst("#photo-error").text()).isEqualTo("Error: Select a photo of the damage");
  }

  @Test
  void repeatingGroupShowsEachItemWithRemoveAndAnAddAnotherButton() {
    Map<String, List<String>> in = in("children-items", "2", "children[0].name", "Sam",
        "children[1].dob-day", "1", "children[1].dob-month", "1", "children[1].dob-year", "2030");
    Document doc = render(page(CHILDREN), in, EN);
    assertThat(doc.select("fieldset > legend.govuk-fieldset__legend--m").eachText()).contains("Item 1", "Item 2");
    assertThat(doc.selectFirst("input#children\\[0\\]\\.name").val()).isEqualTo("Sam");
    assertThat(doc.selectFirst("input[type=hidden][name=children-items]").val()).isEqualTo("2");
    assertThat(doc.select("button[name=children-action]").eachAttr("value"))
        .containsExactly("remove-0", "remove-1", "add");
    assertThat(doc.selectFirst("button[value=remove-1]").text()).isEqualTo("Remove Item 2");
    assertThat(doc.selectFirst("button[value=add]").text()).isEqualTo("Add another");
    assertThat(summaryTargets(doc)).containsExactly("#children[0].dob-day", "#children[1].name",
        "#children[1].dob-day");
    assertThat(doc.getElementById("children[1].dob-day").hasClass("govuk-input--error")).isTrue();
    Element firstButton = doc.selectFirst("form button");
    assertThat(firstButton.hasClass("govuk-visually-hidden")).isTrue();
    assertThat(firstButton.hasAttr("name")).isFalse();
  }

  @Test
  void repeatingGroupAtItsMaximumHasNoAddButtonAndGroupErrorsLinkToTheGroup() {
    Map<String, List<String>> in = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      in.putAll(in("children[" + i + "].name", "N" + i, "children[" + i + "].dob-day", "1",
          "children[" + i + "].dob-month", "1", "children[" + i + "].dob-year", "2020"));
    }
    Document doc = render(page(CHILDREN), in, EN);
    assertThat(doc.select("button[value=add]")).isEmpty();
    assertThat(doc.select("legend").eachText()).filteredOn(t -> t.startsWith("Item"))
        .containsExactly("Item 1", "Item 2", "Item 3", "Item 4");
    assertThat(summaryTargets(doc)).containsExactly("#children");
    assertThat(doc.selectFirst("#children-error").text()).isEqualTo("Error: You can add up to 3 entries for your children");
  }

  @Test
  void everyQuestionTypeRendersInWelsh() {
    Page all = page(all().toArray(new Question[0]));
    Document doc = render(all, in(), CY);
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(doc.selectFirst("label[for=dob-day]").text()).isEqualTo("Diwrnod");
    assertThat(doc.selectFirst("form > button.govuk-button:not(.govuk-visually-hidden)").text()).isEqualTo("Parhau");
    assertThat(doc.selectFirst("button[value=add]").text()).isEqualTo("Ychwanegu un arall");
    assertThat(doc.selectFirst("select#ward option").text()).isEqualTo("Dewiswch opsiwn");
    assertThat(summaryTargets(doc)).startsWith("#name", "#more", "#bins", "#weight", "#amount", "#dob-day");
  }

  @Test
  void mapErrorsByQuestionStillWork() {
    Page p = page(DOB, ADDRESS);
    Document doc = Jsoup.parse(RENDERER.renderPage(p, in(), Map.of("dob", "Enter your date of birth",
        "address", "Enter your address"), EN));
    assertThat(summaryTargets(doc)).containsExactly("#dob-day", "#address-line1");
  }
}
