package io.civickit.examples.missedbin;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.outbox.Outbox;
import io.civickit.testsupport.ClamdServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as a resident and an adviser meet it, in headless Chromium: every page, with and
 * without its errors, checked with axe-core against WCAG 2.2 AA. Photos are scanned by a real
 * clamd the test starts, with its own signature database (the EICAR file inside a PNG);
 * completed reports are delivered to a team inbox folder.
 */
class MissedBinBrowserTest {
  static final String PASSWORD = "correct horse battery staple";
  static final byte[] PHOTO = image();
  /** A PNG with the EICAR test file appended: the right type, so only the virus scan catches it. */
  static final byte[] INFECTED_PHOTO = concat(PHOTO, ClamdServer.eicar());

  @RegisterExtension static final ClamdServer CLAMD = new ClamdServer(INFECTED_PHOTO);
  @TempDir static Path outbox;
  @TempDir static Path data;
  static ConfigurableApplicationContext app;
  static Browser browser;
  static String base;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    app = SpringApplication.run(MissedBinService.class, "--server.port=0", "--server.address=127.0.0.1",
        "--spring.datasource.url=jdbc:h2:mem:missed-bin-browser;DB_CLOSE_DELAY=-1",
        "--civickit.notify.outbox-dir=" + outbox, "--civickit.notify.workers=0",
        "--spring.security.user.password=" + PASSWORD, "--civickit.upload.clamd=127.0.0.1:" + CLAMD.port(),
        "--civickit.upload.folder=" + data.resolve("uploads"), "--civickit.submit.folder=" + data.resolve("team-inbox"));
    base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.axe.forEach((page, n) -> System.out.println("axe: " + page + " = " + n));
      browser.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void freshVisitor() throws IOException {
    browser.open(base + "/");
    browser.driver.manage().deleteAllCookies();
    // Each test reads only its own emails.
    app.getBean(Outbox.class).runOnce();
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  /** Sends the outbox and finds the pattern's group in the emails written. */
  static String email(String pattern) {
    app.getBean(Outbox.class).runOnce();
    Pattern p = Pattern.compile(pattern);
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path f : files.sorted().toList()) {
        Matcher m = p.matcher(Files.readString(f));
        if (m.find()) {
          return m.group(1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no email matching " + pattern);
  }

  void page(String path, String name, String firstError) {
    assertThat(browser.path()).isEqualTo(path);
    browser.check(name);
    browser.continueOn();
    assertThat(browser.find(".govuk-error-summary").isDisplayed()).isTrue();
    assertThat(browser.find(".govuk-error-summary__list a").getAttribute("href")).endsWith("#" + firstError);
    browser.check(name + "-error");
  }

  @Test
  void aResidentReportsAMissedBinWithTheEmailCodeAndGetsAReference() {
    browser.open(base + "/");
    browser.check("start");
    browser.click("#start");
    page("/apply/bin-type", "bin-type", "bin_type");
    browser.select("#bin_type-2");
    browser.continueOn();
    page("/apply/put-out", "put-out", "put_out_in_time");
    browser.select("#put_out_in_time");
    browser.continueOn();
    // Find an address: the postcode first (an empty one is an error), then pick from those found;
    // the address fields are one link away and keep the postcode.
    page("/apply/address", "address-find", "find-postcode");
    browser.type("find-postcode", "cf10 1aa");
    browser.continueOn();
    assertThat(browser.find("main").getText()).contains("3 addresses found for CF10 1AA.");
    browser.check("address-choose");
    browser.click("#manual");
    assertThat(browser.find("#address-postcode").getAttribute("value")).isEqualTo("CF10 1AA");
    browser.check("address-manual");
    browser.driver.navigate().back();
    new Select(browser.find("#find-address")).selectByVisibleText("12 Elm Road, Anytown, CF10 1AA");
    browser.continueOn();
    page("/apply/collection-day", "collection-day", "collection_day-day");
    LocalDate day = LocalDate.now().minusDays(1);
    browser.type("collection_day-day", String.valueOf(day.getDayOfMonth()));
    browser.type("collection_day-month", String.valueOf(day.getMonthValue()));
    browser.type("collection_day-year", String.valueOf(day.getYear()));
    browser.continueOn();
    page("/apply/where-left", "where-left", "assisted_collection");
    browser.select("#assisted_collection");
    browser.type("bin_location", "Behind the side gate");
    browser.continueOn();
    // No photo: the question is optional, so Continue goes on without one.
    assertThat(browser.path()).isEqualTo("/apply/photo");
    assertThat(browser.find("h1").getText()).isEqualTo("Upload a photo of the bin");
    browser.check("photo-empty");
    browser.click("#continue");
    page("/apply/contact", "contact", "email");
    browser.type("email", "resident@example.org");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/check-answers");
    assertThat(browser.find("main .govuk-summary-list").getText())
        .contains("Recycling (blue bin)", "12 Elm Road", "CF10 1AA", "Behind the side gate", "resident@example.org");
    browser.check("check-answers");
    browser.click("#accept");

    assertThat(browser.path()).isEqualTo("/apply/confirm-email");
    browser.check("confirm-email");
    browser.type("code", email("Your code is ([0-9]{6})"));
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/reported");
    String reference = browser.find("#reference").getText();
    browser.check("reported");
    assertThat(email("(Your reference number is " + Pattern.quote(reference) + ")")).isNotEmpty();
    browser.assertNoViolations();
  }

  @Test
  void aPhotoWithAVirusIsRefusedACleanOneIsKeptAndTheReportReachesTheTeamInboxWithIt() throws IOException {
    browser.open(base + "/");
    browser.click("#start");
    browser.select("#bin_type");
    browser.continueOn();
    browser.select("#put_out_in_time");
    browser.continueOn();
    browser.type("find-postcode", "CF10 1AA");
    browser.continueOn();
    new Select(browser.find("#find-address")).selectByVisibleText("12 Elm Road, Anytown, CF10 1AA");
    browser.continueOn();
    LocalDate day = LocalDate.now().minusDays(1);
    browser.type("collection_day-day", String.valueOf(day.getDayOfMonth()));
    browser.type("collection_day-month", String.valueOf(day.getMonthValue()));
    browser.type("collection_day-year", String.valueOf(day.getYear()));
    browser.continueOn();
    browser.select("#assisted_collection-2");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/photo");
    upload("bin.png", INFECTED_PHOTO);
    assertThat(browser.path()).isEqualTo("/apply/photo");
    assertThat(browser.find(".govuk-error-summary__list a").getText()).isEqualTo("The selected file contains a virus");
    assertThat(browser.find(".govuk-error-summary__list a").getAttribute("href")).endsWith("#bin_photo");
    assertThat(browser.find("#bin_photo-error").getText()).endsWith("The selected file contains a virus");
    assertThat(browser.driver.findElements(By.cssSelector(".govuk-summary-list__value"))).isEmpty();
    browser.check("photo-virus-error");

    upload("black-bin.png", PHOTO);
    assertThat(browser.driver.findElements(By.cssSelector(".govuk-summary-list__value"))).singleElement()
        .satisfies(v -> assertThat(v.getText()).startsWith("black-bin.png"));
    browser.check("photo-one-file");
    browser.click("#continue");

    assertThat(browser.path()).isEqualTo("/apply/contact");
    browser.type("email", "photo@example.org");
    browser.continueOn();
    assertThat(browser.find("main .govuk-summary-list").getText()).contains("black-bin.png");
    browser.click("#accept");
    browser.type("code", email("Your code is ([0-9]{6})"));
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/reported");
    String reference = browser.find("#reference").getText();

    // The runner's delivery worker writes the report to the team inbox, with the photo kept and the virus not.
    Path report = data.resolve("team-inbox").resolve("missed-bin-" + reference + ".json");
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(report) && System.nanoTime() < until) {
      sleep();
    }
    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("\"black-bin.png\"", "12 Elm Road").doesNotContain("\"bin.png\"");
    browser.assertNoViolations();
  }

  private static void upload(String name, byte[] bytes) {
    try {
      Path file = Files.write(Files.createDirectories(data.resolve("to-upload")).resolve(name), bytes);
      browser.find("#bin_photo").sendKeys(file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    browser.click("#upload");
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] image() {
    BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 120; x++) {
      img.setRGB(x, x % 90, 0x00703c);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aBinPutOutLateIsToldWhatToDoInsteadInEnglishAndWelsh() {
    browser.open(base + "/");
    browser.click("#start");
    browser.select("#bin_type");
    browser.continueOn();
    browser.select("#put_out_in_time-2");
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/put-out-late");
    assertThat(browser.find("h1").getText()).isEqualTo("We cannot come back for this bin");
    browser.check("put-out-late");
    browser.click("#language-cy");
    assertThat(browser.find("h1").getText()).isEqualTo("Ni allwn ddod yn ôl am y bin hwn");
    browser.check("put-out-late-cy");
    browser.assertNoViolations();
  }

  @Test
  void anAdviserSignsInWithTheCouncilsSignInAndSeesWhoIsWaiting() {
    browser.open(base + "/");
    browser.click("#start");
    browser.click("#get-help");
    assertThat(browser.path()).isEqualTo("/help");
    browser.check("help");

    browser.open(base + "/agent");
    assertThat(browser.path()).isEqualTo("/login");
    browser.type("username", "adviser");
    browser.type("password", PASSWORD);
    browser.click("button[type=submit]");
    assertThat(browser.path()).isEqualTo("/agent");
    browser.check("agent-console");
    assertThat(browser.find("h1").getText()).isEqualTo("People waiting for help");
    browser.assertNoViolations();
  }
}
