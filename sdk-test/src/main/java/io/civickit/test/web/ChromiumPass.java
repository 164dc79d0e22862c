package io.civickit.test.web;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the suite's browser pass: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (or {@code CHROME_BIN} / {@code CHROMEDRIVER}), never a
 * downloaded one; every page state checked is run through axe-core against WCAG 2.2 AA.
 */
final class ChromiumPass implements AutoCloseable {
  private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  final ChromeDriver driver;
  final List<String> problems = new ArrayList<>();
  int checked;

  private ChromiumPass(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium, or skips the test without it (fails it on CI). */
  static ChromiumPass start() {
    String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(chrome)) || !Files.isExecutable(Path.of(chromedriver))) {
      String message = "the browser pass needs " + chrome + " and " + chromedriver
          + " (Debian: apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but " + message);
      }
      Assumptions.abort(message + ": skipping");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chrome);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1000,1300", "--lang=en-GB", "--disable-extensions", "--no-first-run");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(chromedriver).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(Duration.ofSeconds(30));
    return new ChromiumPass(driver);
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks something that loads a new page, and waits for it. */
  void click(String css) {
    WebElement html = find("html");
    find(css).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> {
      try {
        html.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    });
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Clicks the first submit button in the page's main form. */
  void continueOn() {
    click("main form button[type=submit]");
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Runs axe on the page shown, keeping every violation found under {@code name}. */
  void check(String name) {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    Results results;
    try {
      results = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA).disableIframeTesting().analyze(driver);
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
      // A loaded machine: the renderer did not answer in time. Once more, then fail.
      results = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA).disableIframeTesting().analyze(driver);
    }
    checked++;
    for (Rule r : results.getViolations()) {
      problems.add(name + " (" + path() + "): " + r.getId() + " – " + r.getHelp());
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
