package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code /usr/bin/chromium} driven by
 * {@code /usr/bin/chromedriver} (or {@code CHROME_BIN} / {@code CHROMEDRIVER}), never a downloaded
 * browser. Every page checked is screenshotted under the build directory and run through axe-core
 * against WCAG 2.2 AA.
 */
final class Browser implements AutoCloseable {
  static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  final WebDriver driver;
  private final Path screenshots;
  /** Violations per page checked, in order; printed and asserted by the tests. */
  final Map<String, Integer> axeCounts = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private Browser(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  private static String chromeBinary() {
    return System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
  }

  private static String chromedriver() {
    return System.getProperty("webdriver.chrome.driver",
        System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
  }

  /** Skips the calling test class when Chromium is missing, or fails it on CI. */
  static void assumeChromium() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(chromeBinary()))) {
      missing.add(chromeBinary());
    }
    if (!Files.isExecutable(Path.of(chromedriver()))) {
      missing.add(chromedriver());
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "Chromium browser tests need " + String.join(" and ", missing)
        + " (Debian: apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true but " + message);
    }
    Assumptions.abort(message + ": skipping");
  }

  /** Starts headless Chromium. */
  static Browser start() {
    assumeChromium();
    System.setProperty("webdriver.chrome.driver", chromedriver());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromeBinary());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1000,1300", "--lang=en-GB", "--disable-extensions", "--no-first-run");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(chromedriver()).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(Duration.ofSeconds(30));
    Path dir = Path.of(System.getProperty("civickit.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Browser(driver, dir);
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks something that stays on the page (a radio, a checkbox). */
  void select(String css) {
    find(css).click();
  }

  /** Clicks something that loads a new page, and waits for the new page. */
  void click(String css) {
    navigate(find(css));
  }

  /** Clicks the form's Continue button (the first submit button in main), and waits for the next page. */
  void continueOn() {
    navigate(find("main form button[type=submit]"));
  }

  void navigate(WebElement target) {
    WebElement html = find("html");
    target.click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    // The old page is gone once its root element is stale. While Chromium swaps documents it may
    // also answer that the node "does not belong to the document": that is gone too.
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

  /** From the start page: starts an application and answers the first two pages; ends on the bins page. */
  void startAndAnswerTwoPages() {
    click("#start");
    select("#lives_in_area");
    continueOn();
    type("address-line1", "1 Garden Row");
    type("address-town", "Anytown");
    type("address-postcode", "SW1A 1AA");
    continueOn();
    assertThat(path()).isEqualTo("/apply/bins");
  }

  /** From the bins page: answers every page (no assisted collection); ends on check your answers. */
  void answerFromBins(int bins, boolean concession, java.time.LocalDate start, String email) {
    type("number_of_bins", String.valueOf(bins));
    continueOn();
    select(concession ? "#council_tax_reduction" : "#council_tax_reduction-2");
    continueOn();
    select("#assisted_collection-2");
    continueOn();
    type("start_date-day", String.valueOf(start.getDayOfMonth()));
    type("start_date-month", String.valueOf(start.getMonthValue()));
    type("start_date-year", String.valueOf(start.getYear()));
    continueOn();
    type("email", email);
    continueOn();
    assertThat(path()).isEqualTo("/apply/check-answers");
  }

  String h1() {
    return find("h1").getText();
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith("http") ? java.net.URI.create(url).getPath() : url.substring(0, Math.min(url.length(), 20));
  }

  /** Screenshot and accessibility check of the page now shown, under {@code name}. */
  void check(String name) {
    long t0 = System.nanoTime();
    try {
      Files.write(screenshots.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    long t1 = System.nanoTime();
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));   // only what is asserted: a much smaller answer
    Results results;
    try {
      results = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA).disableIframeTesting().analyze(driver);
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof org.openqa.selenium.TimeoutException)) {
        throw e;
      }
      // A loaded machine: Chromium's renderer did not answer in time. Once more, then fail.
      results = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA).disableIframeTesting().analyze(driver);
    }
    long t2 = System.nanoTime();
    List<Rule> violations = results.getViolations();
    axeCounts.put(name, violations.size());
    System.out.println("axe WCAG 2.2 AA: " + name + " (" + path() + "): " + violations.size() + " violations"
        + " [screenshot " + (t1 - t0) / 1_000_000 + " ms, axe " + (t2 - t1) / 1_000_000 + " ms]");
    boolean sanity = name.startsWith("sanity-");
    for (Rule r : violations) {
      if (sanity) {
        continue;
      }
      String line = name + ": " + r.getId() + " – " + r.getHelp() + " – "
          + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList();
      System.out.println("  " + line);
      problems.add(line);
    }
    if (!sanity) {
      assertThat(driver.getTitle()).as("page title of " + name).isNotBlank();
    }
  }

  /** Fails with every violation found so far. */
  void assertNoViolations() {
    assertThat(problems).as("axe-core WCAG 2.2 AA violations").isEmpty();
  }

  void clearCookies() {
    driver.manage().deleteAllCookies();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
