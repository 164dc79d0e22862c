package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.ProgressStore;
import io.civickit.pay.fee.Fee;
import io.civickit.pay.fee.FeeLine;
import io.civickit.pay.step.BeginResult;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.PaymentOutcome;
import io.civickit.pay.step.Payments;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.owasp.encoder.Encode;

/**
 * A person paying in headless Chromium: a minimal host service (three pages wired to
 * {@link Payments} the way a web runner would) in front of the fake GOV.UK Pay's card page.
 * Skipped without Chromium, failing on CI.
 */
class PaymentBrowserTest {
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  private static HttpServer server;
  private static WebDriver driver;
  private static Journeys journeys;
  private static Payments payments;
  private static final Map<String, JourneyId> SESSIONS = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void start() throws IOException {
    String chromium = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver));
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Chromium browser tests need " + chromium + " and " + chromedriver);
    }
    Assumptions.assumeTrue(present, "Chromium browser tests need " + chromium + " and " + chromedriver + ": skipping");
    journeys = PayFixture.journeys(ProgressStore.inMemory(), EventSink.none(), Clock.systemUTC());
    payments = PayFixture.payments(journeys, PayFixture.client(PAY, Clock.systemUTC()), PaymentLedger.inMemory(), false);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", PaymentBrowserTest::handle);
    server.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1000,1200", "--lang=en-GB");
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
        .usingAnyFreePort().build(), options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @BeforeEach
  void newVisitor() {
    driver.get(url("/none"));
    driver.manage().deleteAllCookies();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  // ---- the host service: what sdk-web will do ------------------------------------------------

  private static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/start")) {
        Journey j = PayFixture.atPayment(journeys, 2, true);
        String sid = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        SESSIONS.put(sid, j.id());
        ex.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
        redirect(ex, "/pay");
        return;
      }
      JourneyId id = session(ex);
      if (id == null) {
        page(ex, 404, "Not found", "<h1>Page not found</h1>");
        return;
      }
      if (path.equals("/pay") && ex.getRequestMethod().equals("POST")) {
        BeginResult r = payments.begin(id, URI.create(url("/return")), Locale.UK);
        if (r instanceof BeginResult.Redirect go) {
          redirect(ex, go.nextUrl().toString());
        } else {
          redirect(ex, "/return");
        }
      } else if (path.equals("/pay")) {
        PaymentOutcome now = payments.refresh(id);
        if (now instanceof PaymentOutcome.Paid) {
          redirect(ex, "/return");
          return;
        }
        Fee fee = payments.fee(journeys.find(id).orElseThrow());
        StringBuilder b = new StringBuilder("<h1>Pay for your permit</h1><dl>");
        for (FeeLine l : fee.lines()) {
          b.append("<dt>").append(Encode.forHtml(l.label())).append("</dt><dd>").append(Fee.pounds(l.amountPence()))
              .append("</dd>");
        }
        b.append("</dl><p id=\"total\">Total ").append(Fee.pounds(fee.totalPence())).append("</p>")
            .append("<form method=\"post\" action=\"/pay\"><button id=\"pay-now\" type=\"submit\">Pay now</button></form>");
        page(ex, 200, "Pay", b.toString());
      } else if (path.equals("/return")) {
        PaymentOutcome o = payments.onReturn(id);
        String heading = o instanceof PaymentOutcome.Paid ? "Payment successful"
            : o instanceof PaymentOutcome.Declined ? "Your payment has been declined"
            : o instanceof PaymentOutcome.CancelledByUser ? "You cancelled your payment"
            : o instanceof PaymentOutcome.Expired ? "Your payment session timed out"
            : o instanceof PaymentOutcome.StillInProgress ? "Your payment is being processed"
            : "Sorry, there is a problem with the service";
        StringBuilder b = new StringBuilder("<h1>" + heading + "</h1>");
        if (o.nextActions().contains(io.civickit.pay.step.NextAction.TRY_AGAIN)) {
          b.append("<form method=\"post\" action=\"/pay\"><button id=\"try-again\" type=\"submit\">Try again</button></form>");
        }
        if (o.nextActions().contains(io.civickit.pay.step.NextAction.GET_HELP)) {
          b.append("<p><a id=\"get-help\" href=\"/help\">Get help with your payment</a></p>");
        }
        page(ex, 200, heading, b.toString());
      } else if (path.equals("/help")) {
        page(ex, 200, "Get help", "<h1>Get help</h1><p>Call 01234 567890.</p>");
      } else {
        page(ex, 404, "Not found", "<h1>Page not found</h1>");
      }
    }
  }

  private static JourneyId session(HttpExchange ex) {
    String cookie = ex.getRequestHeaders().getFirst("Cookie");
    if (cookie == null) {
      return null;
    }
    for (String c : cookie.split(";\\s*")) {
      if (c.startsWith("sid=")) {
        return SESSIONS.get(c.substring(4));
      }
    }
    return null;
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().set("Location", to);
    ex.sendResponseHeaders(303, -1);
  }

  private static void page(HttpExchange ex, int status, String title, String main) throws IOException {
    byte[] b = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body><main>" + main + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  // ---- the tests -----------------------------------------------------------------------------

  private void waitFor(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains(text));
  }

  private String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  private void onTheFakePayPage() {
    waitFor("This is a TEST payment");
    assertThat(driver.getCurrentUrl()).startsWith(PAY.baseUri() + "/secure/");
  }

  @Test
  void paysSuccessfully() {
    int before = PAY.paymentCount();
    driver.get(url("/start"));
    assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("Total £45");
    click("pay-now");
    onTheFakePayPage();
    assertThat(driver.findElement(By.id("amount")).getText()).isEqualTo("£45.00");
    click("pay");
    waitFor("Payment successful");
    assertThat(h1()).isEqualTo("Payment successful");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void isDeclinedThenPaysWithASecondPayment() {
    int before = PAY.paymentCount();
    driver.get(url("/start"));
    click("pay-now");
    onTheFakePayPage();
    click("decline");
    waitFor("declined");
    assertThat(h1()).isEqualTo("Your payment has been declined");
    click("try-again");
    onTheFakePayPage();
    click("pay");
    waitFor("Payment successful");
    assertThat(PAY.paymentCount() - before).isEqualTo(2);
  }

  @Test
  void cancelsAndGetsHelp() {
    driver.get(url("/start"));
    click("pay-now");
    onTheFakePayPage();
    click("cancel");
    waitFor("You cancelled your payment");
    click("get-help");
    waitFor("Call 01234 567890");
  }

  @Test
  void closesTheBrowserOnThePayPageAfterPayingAndResumesToTheRightOutcome() {
    int before = PAY.paymentCount();
    driver.get(url("/start"));
    click("pay-now");
    onTheFakePayPage();
    String paymentId = PAY.paymentIds().get(PAY.paymentIds().size() - 1);
    // they pay and the tab is closed before GOV.UK Pay sends them back
    PAY.complete(paymentId, FakeGovUkPay.Action.PAY);
    driver.get(url("/none"));
    // later they come back to the service
    driver.get(url("/pay"));
    waitFor("Payment successful");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void doubleClickingPayNowMakesOnePayment() {
    int before = PAY.paymentCount();
    driver.get(url("/start"));
    new Actions(driver).doubleClick(driver.findElement(By.id("pay-now"))).perform();
    onTheFakePayPage();
    click("pay");
    waitFor("Payment successful");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void theTestCardPageHasNoAccessibilityViolations() {
    driver.get(url("/start"));
    click("pay-now");
    onTheFakePayPage();
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
        .analyze(driver);
    assertThat(results.getViolations()).as("axe violations on the test card page").isEmpty();
  }
}
