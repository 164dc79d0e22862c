package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Save and return in headless Chromium: "save and come back later" emails a link; the server is
 * restarted; the link from the file outbox brings the person back to the page they left with what
 * they had typed. The reference number and an emailed code also resume. English and Welsh, every
 * page with and without errors checked with axe-core.
 */
class SaveAndReturnBrowserTest extends BrowserTestBase {
  /** After the shared fresh visitor: start on the service's start page. */
  @BeforeEach
  void openStartPage() {
    browser.open(service.url("/"));
  }

  private void switchTo(String lang) {
    if (lang.equals("cy")) {
      browser.click("#language-cy");
    }
  }

  /** On the bins page: types 2 without sending it, saves with an email address; returns the reference. */
  private String saveForLater(String lang, String email, boolean checkPages) {
    browser.type("number_of_bins", "2");
    browser.click("#main-content button[name=action][value=save]");
    assertThat(browser.path()).isEqualTo("/save");
    if (checkPages) {
      browser.check(lang + "-save");
      browser.type("email", "");
      browser.continueOn();
      assertThat(browser.all(".govuk-error-summary")).isNotEmpty();
      browser.check(lang + "-save-error");
    }
    browser.type("email", email);
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/saved");
    if (checkPages) {
      browser.check(lang + "-saved");
    }
    return browser.find("#reference").getText();
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "cy"})
  void saveRestartTheServerAndResumeFromTheEmailedLink(String lang) {
    switchTo(lang);
    startAndAnswerTwoPages();
    saveForLater(lang, "link-" + lang + "@example.org", true);
    String link = service.awaitEmail("(http://[^\\s]+/resume\\?token=[A-Za-z0-9_%-]+)");

    service.restart();
    browser.clearCookies();
    browser.open(link);
    assertThat(browser.path()).as("opening the link only asks to confirm").isEqualTo("/resume");
    browser.check(lang + "-resume-link-confirm");
    browser.click("#continue");

    assertThat(browser.path()).as("back where they left off").isEqualTo("/apply/bins");
    assertThat(browser.find("html").getAttribute("lang")).as("in their language").isEqualTo(lang);
    assertThat(browser.find("#number_of_bins").getAttribute("value")).as("what they had typed").isEqualTo("2");
    browser.click(".govuk-back-link");
    assertThat(browser.path()).isEqualTo("/apply/address");
    assertThat(browser.find("#address-line1").getAttribute("value")).as("answers kept").isEqualTo("1 Garden Row");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/bins");

    // The link works once: opened again in another browser session, it lets nobody in.
    browser.clearCookies();
    browser.open(link);
    assertThat(browser.all("#continue")).as("a used link offers no way in").isEmpty();
    assertThat(browser.find("#resume-by-reference").isDisplayed()).isTrue();
    browser.check(lang + "-link-used");
    browser.assertNoViolations();
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "cy"})
  void resumeWithTheReferenceNumberAndACodeSentByEmail(String lang) {
    switchTo(lang);
    startAndAnswerTwoPages();
    String email = "code-" + lang + "@example.org";
    String reference = saveForLater(lang, email, false);
    service.awaitEmail("(resume\\?token=)");   // the link email, not used here

    browser.clearCookies();
    browser.open(service.url("/"));
    switchTo(lang);
    browser.click("#resume-link");
    assertThat(browser.path()).isEqualTo("/resume");
    browser.check(lang + "-resume");
    browser.continueOn();
    assertThat(browser.all(".govuk-error-summary a")).hasSize(2);
    browser.check(lang + "-resume-error");
    browser.type("reference", reference.toLowerCase());
    browser.type("email", email.toUpperCase());
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/resume/code");
    browser.check(lang + "-resume-code");
    browser.type("code", "12");
    browser.continueOn();
    assertThat(browser.all(".govuk-error-summary")).isNotEmpty();
    browser.check(lang + "-resume-code-error");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/bins");
    assertThat(browser.find("#number_of_bins").getAttribute("value")).isEqualTo("2");
    browser.assertNoViolations();
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "cy"})
  void otherPagesAreAccessibleToo(String lang) {
    switchTo(lang);
    browser.open(service.url("/help"));
    browser.check(lang + "-help-without-application");
    browser.open(service.url("/resume?token=not-a-token"));
    assertThat(browser.find("#resume-by-reference").isDisplayed()).isTrue();
    browser.check(lang + "-link-unknown");
    browser.open(service.url("/no-such-page"));
    browser.check(lang + "-not-found");
    browser.open(service.url("/accessibility"));
    browser.check(lang + "-accessibility");
    browser.open(service.url("/privacy"));
    browser.check(lang + "-privacy");
    browser.assertNoViolations();
  }

  @Test
  void axeReallyReportsViolations() {
    browser.open("data:text/html,<html><body><img src='x.png'><input type='text'></body></html>");
    browser.check("sanity-broken-page");
    assertThat(browser.axeCounts.get("sanity-broken-page")).as("axe finds the missing alt, label and lang").isGreaterThan(0);
    browser.axeCounts.remove("sanity-broken-page");
  }
}
