package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Get help, the agent console and back online, in headless Chromium: the person asks for help
 * part-way through; an adviser signs in (password and TOTP), sees the handoff with the answers
 * so far, and sends the "continue online" link; the person follows it from the file outbox and
 * finishes online. Also: repeated errors hand the person over by themselves, and the KPI page.
 */
class AgentConsoleBrowserTest extends BrowserTestBase {
  /** After the shared fresh visitor: start on the service's start page. */
  @BeforeEach
  void openStartPage() {
    browser.open(service.url("/"));
  }

  private String totpNow() {
    return service.app.runner().totp().generate(new Base32().decode(TestService.STAFF_TOTP), Instant.now());
  }

  private void signInWithoutTotp() {
    browser.open(service.url("/agent"));
    browser.type("username", TestService.SUPERVISOR);
    browser.type("password", TestService.STAFF_PASSWORD);
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/agent");
  }

  /** Signs in as the adviser with a TOTP secret (once per test run: a TOTP code is accepted once). */
  private void signIn(boolean checkPages) {
    browser.open(service.url("/agent"));
    assertThat(browser.path()).isEqualTo("/agent/login");
    if (checkPages) {
      browser.check("agent-login");
      browser.type("username", TestService.STAFF_USER);
      browser.type("password", "wrong password");
      browser.continueOn();
      assertThat(browser.all(".govuk-error-summary")).isNotEmpty();
      browser.check("agent-login-error");
    }
    browser.type("username", TestService.STAFF_USER);
    browser.type("password", TestService.STAFF_PASSWORD);
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/agent/login/code");
    if (checkPages) {
      browser.check("agent-totp");
    }
    browser.type("code", totpNow());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/agent");
  }

  @Test
  void getHelpThenAnAdviserSendsTheContinueOnlineLinkAndThePersonFinishesOnline() {
    startAndAnswerTwoPages();
    assertThat(browser.path()).isEqualTo("/apply/bins");
    browser.click("#get-help");
    assertThat(browser.path()).isEqualTo("/help");
    browser.check("en-help");
    browser.continueOn();
    assertThat(browser.all(".govuk-error-summary")).isNotEmpty();
    browser.check("en-help-error");
    browser.type("email", "helped@example.org");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/help/requested");
    String reference = browser.find("#reference").getText();
    browser.check("en-help-requested");

    // The adviser, in a session of their own.
    browser.clearCookies();
    signIn(true);
    browser.check("agent-queue");
    browser.click("#handoff-" + reference);
    String main = browser.find("main").getText();
    assertThat(main).contains(reference, "Asked for help", "bins", "1 Garden Row", "helped@example.org");
    browser.check("agent-handoff");
    browser.click("#accept");
    browser.click("#handback");
    assertThat(browser.find("#sent").getText()).isEqualTo("Continue-online link sent");
    browser.check("agent-handoff-sent");
    browser.open(service.url("/agent/kpis"));
    assertThat(browser.all("svg#funnel-chart rect")).isNotEmpty();
    assertThat(browser.all("svg#segments-chart")).hasSize(1);
    browser.check("agent-kpis");
    browser.click("#sign-out");
    assertThat(browser.path()).isEqualTo("/agent/login");
    browser.open(service.url("/agent"));
    assertThat(browser.path()).as("signed out").isEqualTo("/agent/login");

    // The person follows the link and finishes online, answers intact.
    browser.clearCookies();
    browser.open(service.awaitEmail("(http://[^\\s]+/resume\\?token=[A-Za-z0-9_%-]+)"));
    assertThat(browser.path()).as("opening the link only asks to confirm").isEqualTo("/resume");
    browser.check("en-resume-link-confirm");
    browser.click("#continue");
    assertThat(browser.path()).isEqualTo("/apply/bins");
    browser.type("number_of_bins", "1");
    browser.continueOn();
    browser.select("#assisted_collection-2");
    browser.continueOn();
    answerStartDateAndEmail(LocalDate.now().plusDays(20), "helped@example.org");
    assertThat(browser.find("main").getText()).contains("1 Garden Row");
    browser.click("#accept");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    assertThat(browser.find("#reference").getText()).isEqualTo(reference);
    browser.assertNoViolations();
  }

  @Test
  void repeatedErrorsOnOnePageHandThePersonToAnAdviser() {
    browser.click("#start");
    browser.select("#lives_in_area");
    browser.continueOn();
    browser.continueOn();
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/address");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/help/requested");
    String reference = browser.find("#reference").getText();
    browser.check("en-help-requested-after-errors");
    browser.click("#continue-now");
    assertThat(browser.path()).as("they can still carry on").isEqualTo("/apply/address");

    browser.clearCookies();
    signInWithoutTotp();
    browser.click("#handoff-" + reference);
    assertThat(browser.find("main").getText()).contains("Repeated errors", "address");
    browser.assertNoViolations();
  }

  @Test
  void helpPagesInWelsh() {
    browser.click("#language-cy");
    startAndAnswerTwoPages();
    browser.click("#get-help");
    browser.check("cy-help");
    browser.continueOn();
    browser.check("cy-help-error");
    browser.type("email", "cymraeg@example.org");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/help/requested");
    assertThat(browser.h1()).isEqualTo("Bydd cynghorydd yn eich helpu");
    browser.check("cy-help-requested");
    browser.assertNoViolations();
  }
}
