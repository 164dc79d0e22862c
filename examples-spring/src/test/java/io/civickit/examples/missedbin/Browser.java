package io.civickit.examples.missedbin;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and chromedriver (never a downloaded browser), with axe-core
 * checking each page against WCAG 2.2 AA and a screenshot of it under the build directory.
 */
final class Browser implements AutoCloseable {
  private static final String CHROME = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
  private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  /** Violations per page checked. */
  final Map<String, Integer> axe = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final Path screenshots = Path.of(System.getProperty("civickit.screenshots", "target/screenshots"));

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium; skips the test class without it, or fails it when CI=true. */
  static Browser start() {
    if (!Files.isExecutable(Path.of(CHROME)) || !Files.isExecutable(Path.of(DRIVER))) {
      String message = "browser tests need " + CHROME + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but " + message);
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1000,1300", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver);
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

  void select(String css) {
    find(css).click();
  }

  /** Clicks what loads a new page, and waits until the new page has loaded. */
  void click(String css) {
    WebElement old = find("html");
    find(css).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(d -> {
      try {
        old.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        // Chromium may answer, mid-navigation, that the node "does not belong to the document": gone too
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    });
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** The form's first button. */
  void continueOn() {
    click("main form button[type=submit]");
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Screenshots the page shown and runs axe on it, keeping its violations for {@link #assertNoViolations()}. */
  void check(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
        .analyze(driver);
    axe.put(name, results.getViolations().size());
    for (Rule r : results.getViolations()) {
      problems.add(name + " (" + path() + "): " + r.getId() + " – " + r.getHelp());
    }
    assertThat(driver.getTitle()).as("title of " + name).isNotBlank();
  }

  void assertNoViolations() {
    assertThat(problems).as("axe WCAG 2.2 AA violations").isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
