package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.test.pay.FakeGovUkPay;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.interactions.Actions;

/**
 * Paying for a garden waste permit in headless Chromium, on the example service in front of a
 * fake GOV.UK Pay the test can count payments on: the fee on check your answers and the payment
 * page (£45 a bin, half price with Council Tax Reduction), paying, a declined card then paying,
 * cancelling then getting help, closing the browser on the payment page and coming back, and a
 * double click on "Pay now": one payment each time. Every new page is checked with axe-core.
 */
class PaymentJourneyBrowserTest extends BrowserTestBase {
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  /** The base class's service again, on a fake GOV.UK Pay this test holds, so it can count payments. */
  @BeforeAll
  static void payOnTheTestsFake() {
    service.close();
    service = TestService.payingOn(dir, PAY, "browser-test-webhook-secret");
  }

  @BeforeEach
  void openStartPage() {
    browser.open(service.url("/"));
  }

  /** Answers every page (in the language already chosen) and stops on check your answers. */
  private void toCheckAnswers(int bins, boolean concession) {
    browser.startAndAnswerTwoPages();
    browser.answerFromBins(bins, concession, LocalDate.now().plusMonths(1),
        "browser-payer-" + PEOPLE.incrementAndGet() + "@example.org");
  }

  /** Sends the application and proves the email address: on the payment page. */
  private void toThePaymentPage(int bins, boolean concession) {
    toCheckAnswers(bins, concession);
    browser.click("#accept");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/pay");
  }

  private void onTheFakePayPage(String amount) {
    assertThat(browser.driver.getCurrentUrl()).startsWith(PAY.baseUri() + "/secure/");
    assertThat(browser.find("#amount").getText()).isEqualTo(amount);
  }

  @Test
  void paysForTwoBinsAtHalfPriceWithTheFeeOnCheckAnswersAndThePaymentPage() {
    int before = PAY.paymentCount();
    toCheckAnswers(2, true);
    assertThat(browser.find("#fee").getText()).contains("Garden waste bin permit × 2", "£90",
        "Council Tax Reduction (half price)", "−£45");
    assertThat(browser.find("#total").getText()).isEqualTo("£45");
    browser.check("en-pay-check-answers");
    browser.click("#accept");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/pay");
    assertThat(browser.h1()).isEqualTo("Pay for your application");
    assertThat(browser.find("#total").getText()).isEqualTo("£45");
    browser.check("en-pay");
    browser.click("#pay-now");
    onTheFakePayPage("£45.00");
    browser.click("#pay");
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    String reference = browser.find("#reference").getText();
    assertThat(service.awaitEmail("(Your reference number is " + reference + ")")).isNotEmpty();
    assertThat(PAY.paymentCount() - before).isEqualTo(1);

    // An adviser finds the payment and refunds part of it.
    browser.open(service.url("/agent/login"));
    browser.type("username", TestService.SUPERVISOR);
    browser.type("password", TestService.STAFF_PASSWORD);
    browser.click("#sign-in");
    browser.click("a[href='/agent/payments']");
    browser.type("reference", reference);
    browser.click("#find");
    assertThat(browser.find("main .govuk-summary-list").getText()).contains(reference, "£45", "success");
    browser.check("agent-payments");
    browser.type("amount", "10");
    browser.click("#refund");
    assertThat(browser.find("#refunded").getText()).isEqualTo("Refund sent to GOV.UK Pay");
    browser.check("agent-payments-refunded");
    browser.assertNoViolations();
  }

  @Test
  void inWelshIsDeclinedThenPaysWithASecondPayment() {
    browser.click("#language-cy");
    int before = PAY.paymentCount();
    toThePaymentPage(1, false);
    assertThat(browser.h1()).isEqualTo("Talu am eich cais");
    assertThat(browser.find("#total").getText()).isEqualTo("£45");
    browser.check("cy-pay");
    browser.click("#pay-now");
    onTheFakePayPage("£45.00");
    browser.click("#decline");
    assertThat(browser.path()).isEqualTo("/payment/return");
    assertThat(browser.h1()).isEqualTo("Mae eich taliad wedi cael ei wrthod");
    browser.check("cy-pay-declined");
    browser.click("#try-again");
    onTheFakePayPage("£45.00");
    browser.click("#pay");
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    assertThat(PAY.paymentCount() - before).isEqualTo(2);
    browser.assertNoViolations();
  }

  @Test
  void cancelsThenGetsHelp() {
    toThePaymentPage(3, false);
    assertThat(browser.find("#total").getText()).isEqualTo("£135");
    browser.click("#pay-now");
    onTheFakePayPage("£135.00");
    browser.click("#cancel");
    assertThat(browser.h1()).isEqualTo("You cancelled your payment");
    assertThat(browser.find("main").getText()).contains("No money has been taken from your account.");
    browser.check("en-pay-cancelled");
    browser.click("#get-help");
    assertThat(browser.path()).isEqualTo("/help");
    assertThat(browser.h1()).isEqualTo("Get help with your application");
    browser.assertNoViolations();
  }

  @Test
  void timesOutThenSeesTheGovUkPatternPage() {
    toThePaymentPage(1, true);
    browser.click("#pay-now");
    onTheFakePayPage("£22.50");
    browser.click("#expire");
    assertThat(browser.h1()).isEqualTo("Your payment session timed out");
    assertThat(browser.all("#try-again")).hasSize(1);
    assertThat(browser.all("#get-help")).isNotEmpty();
    browser.check("en-pay-expired");
    browser.assertNoViolations();
  }

  @Test
  void closesTheBrowserOnThePaymentPageAfterPayingAndComesBackToTheConfirmation() {
    int before = PAY.paymentCount();
    toThePaymentPage(2, false);
    browser.click("#pay-now");
    onTheFakePayPage("£90.00");
    List<String> ids = PAY.paymentIds();
    // They pay, and the tab is closed before GOV.UK Pay sends them back.
    PAY.complete(ids.get(ids.size() - 1), FakeGovUkPay.Action.PAY);
    browser.open(service.url("/"));
    browser.open(service.url("/apply/pay"));
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void doubleClickingPayNowMakesOnePayment() {
    int before = PAY.paymentCount();
    toThePaymentPage(1, false);
    new Actions(browser.driver).doubleClick(browser.find("#pay-now")).perform();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
        .until(d -> d.getCurrentUrl().startsWith(PAY.baseUri().toString()) && d.getPageSource().contains("id=\"amount\""));
    onTheFakePayPage("£45.00");
    browser.click("#pay");
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }
}
