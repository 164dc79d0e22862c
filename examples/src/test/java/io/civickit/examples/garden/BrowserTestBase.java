package io.civickit.examples.garden;

import java.nio.file.Path;
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

  @BeforeEach
  void freshVisitor() {
    browser.open(service.url("/"));
    browser.clearCookies();
  }
}
