package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * The whole journey in headless Chromium, in English and in Welsh: every question page first
 * sent empty (the error summary and its links), then answered; check your answers with a Change
 * link; the email code; paying on the fake GOV.UK Pay; the confirmation with its reference and email. Every page, with and
 * without errors, is screenshotted and checked with axe-core against WCAG 2.2 AA.
 */
class GardenWasteJourneyBrowserTest extends BrowserTestBase {
  private void switchTo(String lang) {
    if (lang.equals("cy")) {
      browser.click("#language-cy");
      assertThat(browser.find("html").getAttribute("lang")).isEqualTo("cy");
    }
  }

  /** Sends the page empty, checks the error summary links to the field, then checks the page. */
  private void emptyThenError(String name, String expectedTarget) {
    browser.continueOn();
    assertThat(browser.all(".govuk-error-summary")).as("error summary on %s: %s", browser.path(),
        browser.find("main").getText()).isNotEmpty();
    WebElement summary = browser.find(".govuk-error-summary");
    assertThat(summary.isDisplayed()).isTrue();
    assertThat(browser.driver.getTitle()).matches("^(Error|Gwall): .*");
    WebElement link = browser.find(".govuk-error-summary__list a");
    assertThat(link.getAttribute("href")).endsWith("#" + expectedTarget);
    browser.check(name + "-error");
    link.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5)).until(
        d -> expectedTarget.equals(d.switchTo().activeElement().getAttribute("id")));
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo(expectedTarget);
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "cy"})
  void wholeJourneyToConfirmationWithErrorsChangeAndEmailCode(String lang) {
    browser.open(service.url("/"));
    switchTo(lang);
    browser.check(lang + "-start");
    browser.click("#start");

    assertThat(browser.path()).isEqualTo("/apply/lives-in-area");
    browser.check(lang + "-lives-in-area");
    emptyThenError(lang + "-lives-in-area", "lives_in_area");
    browser.select("#lives_in_area");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/address");
    browser.check(lang + "-address");
    emptyThenError(lang + "-address", "address-line1");
    browser.type("address-line1", "1 Garden Row");
    browser.type("address-town", "Anytown");
    browser.type("address-postcode", "sw1a1aa");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/bins");
    browser.check(lang + "-bins");
    emptyThenError(lang + "-bins", "number_of_bins");
    browser.type("number_of_bins", "2");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/concession");
    browser.check(lang + "-concession");
    emptyThenError(lang + "-concession", "council_tax_reduction");
    browser.select("#council_tax_reduction-2");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/assisted-collection");
    browser.check(lang + "-assisted-collection");
    emptyThenError(lang + "-assisted-collection", "assisted_collection");
    browser.select("#assisted_collection");
    browser.type("bin_location", "By the side gate");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/bin-photos");
    browser.check(lang + "-bin-photos-no-scanner");
    assertThat(browser.find(".govuk-warning-text").getText()).as("no clamd configured: files are refused, said so")
        .contains(lang.equals("cy") ? "sganio am feirysau" : "virus scanning is not set up");
    assertThat(browser.all("input[type=file]")).isEmpty();
    browser.click("#continue");

    assertThat(browser.path()).isEqualTo("/apply/start-date");
    browser.check(lang + "-start-date");
    emptyThenError(lang + "-start-date", "start_date-day");
    LocalDate start = LocalDate.now().plusMonths(2);
    browser.type("start_date-day", String.valueOf(start.getDayOfMonth()));
    browser.type("start_date-month", String.valueOf(start.getMonthValue()));
    browser.type("start_date-year", String.valueOf(start.getYear()));
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/contact");
    browser.check(lang + "-contact");
    emptyThenError(lang + "-contact", "email");
    String email = "journey-" + lang + "@example.org";
    browser.type("email", email);
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/check-answers");
    browser.check(lang + "-check-answers");
    assertThat(browser.find("main .govuk-summary-list").getText()).contains("1 Garden Row", "SW1A 1AA", "2", email);
    browser.click("a[href='/change/bins']");
    assertThat(browser.path()).as("a Change link shows the page; only sending it changes anything")
        .isEqualTo("/change/bins");
    browser.type("number_of_bins", "3");
    browser.continueOn();
    assertThat(browser.path()).as("a change returns to check your answers").isEqualTo("/apply/check-answers");
    assertThat(browser.find("main .govuk-summary-list").getText()).contains("3");
    browser.click("#accept");

    assertThat(browser.path()).isEqualTo("/apply/confirm-email");
    assertThat(browser.find("main").getText()).contains(email);
    browser.check(lang + "-confirm-email");
    String code = service.awaitCode();
    browser.type("code", code.equals("000000") ? "111111" : "000000");
    browser.continueOn();
    assertThat(browser.find(".govuk-error-summary").isDisplayed()).isTrue();
    browser.check(lang + "-confirm-email-error");
    browser.type("code", code);
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/pay");
    assertThat(browser.find("#total").getText()).as("3 bins at £45").isEqualTo("£135");
    browser.check(lang + "-pay");
    browser.click("#pay-now");
    assertThat(browser.find("#amount").getText()).isEqualTo("£135.00");
    browser.click("#pay");

    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    String reference = browser.find("#reference").getText();
    assertThat(reference).matches("[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}");
    browser.check(lang + "-confirmation");
    assertThat(service.awaitEmail("((?:Your reference number is|Eich cyfeirnod yw) " + reference + ")")).isNotEmpty();
    browser.assertNoViolations();
  }

  @Test
  void someoneOutsideTheAreaIsToldTheyCannotApply() {
    browser.open(service.url("/"));
    browser.click("#start");
    browser.select("#lives_in_area-2");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/not-eligible");
    assertThat(browser.h1()).isEqualTo("You cannot apply for a garden waste permit");
    browser.check("en-not-eligible");
    browser.click("#language-cy");
    assertThat(browser.h1()).isEqualTo("Ni allwch wneud cais am drwydded gwastraff gardd");
    browser.check("cy-not-eligible");
    browser.assertNoViolations();
  }
}
