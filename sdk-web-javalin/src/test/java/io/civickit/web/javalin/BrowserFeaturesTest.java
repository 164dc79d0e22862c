package io.civickit.web.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Forms;
import io.civickit.notify.NotificationId;
import io.civickit.web.JourneyRunner;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The runner's pages that need a browser, in headless Chromium through the Javalin adapter: the
 * accessible autocomplete on a long select and an international address's country (with JavaScript
 * on and off), in English and Welsh,
 * with axe-core against WCAG 2.2 AA on each state. Skipped without Chromium, failing on CI.
 */
class BrowserFeaturesTest {
  private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final String CHROME = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

  @TempDir static Path dir;
  private static JourneyRunner runner;
  private static Javalin app;
  private static String base;
  private final List<String> violations = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(Path.of(CHROME)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true but the browser tests need " + CHROME + " and " + CHROMEDRIVER);
    }
    Assumptions.assumeTrue(present, "the browser tests need " + CHROME + " and " + CHROMEDRIVER + ": skipping");
    runner = runner("browser-features.json", b -> { });
    app = serve(runner);
    base = "http://localhost:" + app.port();
  }

  static JourneyRunner runner(String form, Consumer<JourneyRunner.Builder> more) throws Exception {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(form + System.nanoTime()).toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    return runner(form, ds, more);
  }

  static JourneyRunner runner(String form, javax.sql.DataSource ds, Consumer<JourneyRunner.Builder> more)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (InputStream in = BrowserFeaturesTest.class.getResourceAsStream(form)) {
      JourneyRunner.Builder b = JourneyRunner.builder().form(Forms.read(in)).dataSource(ds)
          .keyRing(KeyRing.generate("k1")).serverKey(key)
          .notifier(r -> new NotificationId(java.util.UUID.randomUUID().toString()))
          .publicUrl(URI.create("http://localhost:" + port)).emailCheck(false)
          .purges(Duration.ZERO, Duration.ofDays(90));
      more.accept(b);
      return b.build();
    }
  }

  static Javalin serve(JourneyRunner runner) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      config.registerPlugin(new JourneyRunnerPlugin(runner));
    }).start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
    if (runner != null) {
      runner.close();
    }
  }

  static ChromeDriver chromium(boolean javascript) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1000,1300", "--lang=en-GB", "--disable-extensions", "--no-first-run");
    if (!javascript) {
      options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static WebDriverWait waitFor(WebDriver d) {
    return new WebDriverWait(d, Duration.ofSeconds(20));
  }

  /** Clicks something that loads a new page, and waits for the new one. */
  static void clickAndLoad(WebDriver d, String css) {
    WebElement html = d.findElement(By.tagName("html"));
    d.findElement(By.cssSelector(css)).click();
    waitFor(d).until(x -> {
      try {
        html.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      }
    });
    waitFor(d).until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState")));
  }

  void axe(WebDriver d, String name) {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    Results results = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA).disableIframeTesting().analyze(d);
    for (Rule r : results.getViolations()) {
      violations.add(name + ": " + r.getId() + " – " + r.getHelp() + " " + r.getNodes().stream()
          .map(n -> n.getHtml()).toList());
    }
  }

  static List<String> cspErrors(ChromeDriver d) {
    return d.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
  }

  @Test
  void typingFiltersTheLongListAndChoosingSubmitsItsValueInEnglishAndWelsh() {
    ChromeDriver d = chromium(true);
    try {
      for (String lang : List.of("en", "cy")) {
        d.manage().deleteAllCookies();
        d.get(base + "/");
        if (lang.equals("cy")) {
          clickAndLoad(d, "#language-cy");
        }
        clickAndLoad(d, "#start");
        // the library replaces the select with a text box of the select's id; the select is hidden
        WebElement input = waitFor(d).until(x -> x.findElements(By.cssSelector("input#council.autocomplete__input"))
            .stream().findFirst().orElse(null));
        assertThat(d.findElement(By.id("council-select")).isDisplayed()).isFalse();
        assertThat(d.findElement(By.cssSelector("label[for=council]")).getText())
            .isEqualTo(lang.equals("en") ? "Which council area do you live in?" : "Ym mha ardal cyngor ydych chi'n byw?");
        axe(d, lang + "-autocomplete");
        input.sendKeys(lang.equals("en") ? "car" : "caer");
        List<String> shown = waitFor(d).until(x -> {
          List<String> texts = x.findElements(By.cssSelector("#council__listbox li.autocomplete__option")).stream()
              .map(WebElement::getText).toList();
          return texts.isEmpty() ? null : texts;
        });
        assertThat(shown).containsExactly(lang.equals("en")
            ? new String[] {"Cardiff", "Carmarthenshire"} : new String[] {"Caerffili", "Caerdydd"});
        String expected = lang.equals("en") ? "2 results are available" : "2 canlyniad ar gael";
        waitFor(d).until(x -> x.findElements(By.cssSelector("[id^=council__status]")).stream()
            .anyMatch(e -> e.getAttribute("textContent").contains(expected)));
        // chosen with the keyboard: the first match is highlighted, the arrow moves down, Enter chooses
        if (lang.equals("cy")) {
          d.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        d.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(input.getAttribute("value")).isEqualTo(lang.equals("en") ? "Cardiff" : "Caerdydd");
        assertThat(new Select(d.findElement(By.id("council-select"))).getFirstSelectedOption().getAttribute("value"))
            .isEqualTo("cardiff");
        clickAndLoad(d, "main form button[type=submit]");
        // an international address: its country list is the same autocomplete
        assertThat(d.getCurrentUrl()).endsWith("/apply/abroad");
        clickAndLoad(d, "main form button[type=submit]");
        assertThat(d.findElement(By.cssSelector(".govuk-error-summary")).getText())
            .contains(lang.equals("en") ? "Enter your address abroad" : "Rhowch eich cyfeiriad dramor");
        axe(d, lang + "-international-address-error");
        d.findElement(By.id("abroad-line1")).sendKeys("12 Rue de la Paix");
        d.findElement(By.id("abroad-town")).sendKeys("Paris");
        WebElement country = waitFor(d).until(x -> x.findElements(By.cssSelector("input#abroad-country.autocomplete__input"))
            .stream().findFirst().orElse(null));
        country.sendKeys(lang.equals("en") ? "Fran" : "Ffra");
        List<String> countries = waitFor(d).until(x -> {
          List<String> texts = x.findElements(By.cssSelector("#abroad-country__listbox li.autocomplete__option")).stream()
              .map(WebElement::getText).toList();
          return texts.isEmpty() ? null : texts;
        });
        assertThat(countries).containsExactly(lang.equals("en") ? new String[] {"France"}
            : new String[] {"Ffrainc", "Tiroedd Deheuol ac Antarctig Ffrainc"});
        country.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(new Select(d.findElement(By.id("abroad-country-select"))).getFirstSelectedOption().getAttribute("value"))
            .isEqualTo("FR");
        axe(d, lang + "-international-address");
        clickAndLoad(d, "main form button[type=submit]");
        assertThat(d.getCurrentUrl()).endsWith("/apply/check-answers");
        assertThat(d.findElements(By.cssSelector(".govuk-summary-list__value")).stream().map(WebElement::getText).toList())
            .containsExactly(lang.equals("en") ? "Cardiff" : "Caerdydd",
                "12 Rue de la Paix\nParis\n" + (lang.equals("en") ? "France" : "Ffrainc"));
        axe(d, lang + "-check-answers");
        // back on the page, the box starts with the saved answer
        d.get(base + "/apply/council");
        WebElement again = waitFor(d).until(x -> x.findElements(By.cssSelector("input#council.autocomplete__input"))
            .stream().findFirst().orElse(null));
        assertThat(again.getAttribute("value")).isEqualTo(lang.equals("en") ? "Cardiff" : "Caerdydd");
        // emptied, the select is emptied too, and the server asks for an answer
        again.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        d.findElement(By.tagName("h1")).click();
        clickAndLoad(d, "main form button[type=submit]");
        assertThat(d.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains(lang.equals("en")
            ? "Select the council area you live in" : "Dewiswch yr ardal cyngor rydych chi'n byw ynddi");
        WebElement inError = waitFor(d).until(x -> x.findElements(By.cssSelector("input#council.autocomplete__input"))
            .stream().findFirst().orElse(null));
        axe(d, lang + "-autocomplete-error");
        inError.sendKeys("ca");
        waitFor(d).until(x -> x.findElement(By.id("council__listbox")).getAttribute("class")
            .contains("autocomplete__menu--visible"));
        axe(d, lang + "-autocomplete-open");
      }
      assertThat(cspErrors(d)).as("nothing refused by the Content-Security-Policy").isEmpty();
      assertThat(violations).as("axe-core WCAG 2.2 AA violations").isEmpty();
    } finally {
      d.quit();
    }
  }

  static long sessionExpiry(javax.sql.DataSource ds) throws Exception {
    try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery("SELECT MAX(expires_at) FROM civickit_web_sessions")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theTimeoutWarningOpensStaySignedInKeepsTheSessionAndTheEndLeadsToTheSignedOutPage() throws Exception {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("timeout").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    // a session of one minute, the warning 55 seconds before its end: the dialog opens after 5 seconds
    JourneyRunner shortRunner = runner("browser-features.json", ds,
        b -> b.sessionTimeout(Duration.ofMinutes(1)).sessionWarning(Duration.ofSeconds(55)));
    Javalin shortApp = serve(shortRunner);
    String at = "http://localhost:" + shortApp.port();
    ChromeDriver d = chromium(true);
    try {
      d.get(at + "/");
      clickAndLoad(d, "#start");
      assertThat(d.findElement(By.id("ck-timeout")).getAttribute("open")).isNull();
      WebElement dialog = waitFor(d).until(x -> x.findElements(By.cssSelector("dialog#ck-timeout[open]")).stream()
          .findFirst().orElse(null));
      assertThat(dialog.findElement(By.id("ck-timeout-title")).getText()).isEqualTo("You’re about to be signed out");
      assertThat(dialog.findElement(By.id("ck-timeout-text")).getText())
          .matches("For your security, we will sign you out in [0-9]+ seconds?\\.");
      // a modal dialog: focus is on its first control, and the page behind cannot be reached
      assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("ck-timeout-stay");
      assertThat((Boolean) d.executeScript("return document.querySelector('#ck-timeout').matches(':modal')")).isTrue();
      axe(d, "en-timeout-warning");
      long before = sessionExpiry(ds);
      dialog.findElement(By.id("ck-timeout-stay")).click();
      waitFor(d).until(x -> x.findElement(By.id("ck-timeout")).getAttribute("open") == null);
      assertThat(d.getCurrentUrl()).endsWith("/apply/council");
      assertThat(sessionExpiry(ds)).as("Stay signed in keeps the session").isGreaterThan(before);

      clickAndLoad(d, "#language-cy");
      WebElement cy = waitFor(d).until(x -> x.findElements(By.cssSelector("dialog#ck-timeout[open]")).stream()
          .findFirst().orElse(null));
      assertThat(cy.findElement(By.id("ck-timeout-title")).getText()).isEqualTo("Rydych ar fin cael eich allgofnodi");
      assertThat(cy.findElement(By.id("ck-timeout-stay")).getText()).isEqualTo("Aros wedi mewngofnodi");
      axe(d, "cy-timeout-warning");
      // nobody answers: at the end the script goes to the signed-out page, in Welsh
      new WebDriverWait(d, Duration.ofSeconds(90)).until(x -> x.getCurrentUrl().contains("/signed-out"));
      waitFor(d).until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState")));
      assertThat(d.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Rydych wedi cael eich allgofnodi");
      assertThat(d.findElement(By.id("continue-saved")).getAttribute("href")).endsWith("/resume");
      axe(d, "cy-signed-out");
      d.get(at + "/signed-out");
      assertThat(d.findElement(By.cssSelector("main h1")).getText()).isEqualTo("You have been signed out");
      axe(d, "en-signed-out");
      assertThat(cspErrors(d)).as("nothing refused by the Content-Security-Policy").isEmpty();
      assertThat(violations).as("axe-core WCAG 2.2 AA violations").isEmpty();
    } finally {
      d.quit();
      shortApp.stop();
      shortRunner.close();
    }
  }

  @Test
  void withoutJavaScriptTheSelectIsAPlainSelectThatWorks() {
    ChromeDriver d = chromium(false);
    try {
      d.get(base + "/");
      clickAndLoad(d, "#start");
      assertThat(d.findElements(By.cssSelector(".autocomplete__input"))).isEmpty();
      Select select = new Select(d.findElement(By.id("council")));
      select.selectByVisibleText("Swansea");
      clickAndLoad(d, "main form button[type=submit]");
      d.findElement(By.id("abroad-line1")).sendKeys("Plot 7, Kololo");
      new Select(d.findElement(By.id("abroad-country"))).selectByVisibleText("Uganda");
      clickAndLoad(d, "main form button[type=submit]");
      assertThat(d.getCurrentUrl()).endsWith("/apply/check-answers");
      assertThat(d.findElements(By.cssSelector(".govuk-summary-list__value")).stream().map(WebElement::getText).toList())
          .containsExactly("Swansea", "Plot 7, Kololo\nUganda");
    } finally {
      d.quit();
    }
  }
}
