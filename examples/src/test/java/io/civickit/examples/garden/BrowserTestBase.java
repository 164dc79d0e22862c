package io.civickit.examples.garden;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser test class shares: one service in a temporary folder and one headless
 * Chromium for the class (skipped without Chromium, failing on CI), the axe summary printed at
 * the end, and a visitor with no cookies before each test.
 */
abstract class BrowserTestBase {
  @TempDir static Path dir;
  static TestService service;
  static Browser browser;

  @BeforeAll
  static void startServiceAndBrowser() {
    Browser.assumeChromium();
    service = TestService.start(dir);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.axeCounts.forEach((page, n) -> System.out.println("axe summary: " + page + " = " + n));
      browser.close();
      browser = null;
    }
    if (service != null) {
      service.close();
      service = null;
    }
  }

  /** The example's team inbox folder, where the delivery worker drops each submission. */
  Path teamInbox() {
    return service.dir.resolve("data").resolve("team-inbox");
  }

  /** Waits (polling) for the delivery worker to drop a file. */
  static Path awaitFile(Path file, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (!Files.exists(file)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + file + " within " + within.toSeconds() + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return file;
  }

  /** Starts an application and answers the first two pages; ends on the bins page. */
  void startAndAnswerTwoPages() {
    browser.click("#start");
    browser.select("#lives_in_area");
    browser.continueOn();
    browser.type("address-line1", "1 Garden Row");
    browser.type("address-town", "Anytown");
    browser.type("address-postcode", "SW1A 1AA");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/bins");
  }

  /** On the start date page: answers it and the contact page; ends on check your answers. */
  void answerStartDateAndEmail(LocalDate start, String email) {
    browser.type("start_date-day", String.valueOf(start.getDayOfMonth()));
    browser.type("start_date-month", String.valueOf(start.getMonthValue()));
    browser.type("start_date-year", String.valueOf(start.getYear()));
    browser.continueOn();
    browser.type("email", email);
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/check-answers");
  }

  @BeforeEach
  void freshVisitor() {
    browser.open(service.url("/"));
    browser.clearCookies();
  }
}
