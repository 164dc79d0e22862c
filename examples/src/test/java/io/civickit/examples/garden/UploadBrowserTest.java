package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import io.civickit.core.Reference;
import io.civickit.files.FileRef;
import io.civickit.testsupport.ClamdServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The garden waste example's upload page in headless Chromium, with a real clamd the test
 * starts (its own signature database: the EICAR file inside a PDF): a photo and a PDF uploaded,
 * one removed, another added, the virus refused with the GOV.UK message, the journey completed;
 * check your answers lists the files and the answer holds them. axe-core checks every page.
 */
class UploadBrowserTest extends BrowserTestBase {
  private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
      + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  /** A PDF with the EICAR test file appended: the right type, so only the virus scan catches it. */
  private static final byte[] INFECTED_PDF = concat(PDF, ClamdServer.eicar());

  @RegisterExtension
  static final ClamdServer CLAMD = new ClamdServer(INFECTED_PDF);

  /** Hides the base class's start: this service scans uploads with the test's clamd. */
  @BeforeAll
  static void startServiceAndBrowser() {
    Browser.assumeChromium();
    service = new TestService(dir, s -> s.with("upload-clamd", "127.0.0.1:" + CLAMD.port()));
    browser = Browser.start();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] image(String format) {
    BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 120; x++) {
      img.setRGB(x, x % 90, 0x00703c);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path file(String name, byte[] bytes) {
    try {
      Path p = Files.createDirectories(dir.resolve("to-upload")).resolve(name);
      return Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void upload(Path file) {
    browser.find("#bin_photos").sendKeys(file.toAbsolutePath().toString());
    browser.click("#upload");
  }

  private List<String> listed() {
    return browser.all(".govuk-summary-list__value").stream().map(WebElement::getText)
        .map(t -> t.split("\n")[0]).toList();
  }

  @Test
  void photosAndAPlanAreUploadedRemovedAndSentAndAVirusIsRefused() throws IOException {
    browser.open(service.url("/"));
    startAndAnswerTwoPages();
    browser.type("number_of_bins", "1");
    browser.continueOn();
    browser.select("#council_tax_reduction-2");
    browser.continueOn();
    browser.select("#assisted_collection");
    browser.type("bin_location", "Behind the shed");
    browser.continueOn();

    assertThat(browser.path()).isEqualTo("/apply/bin-photos");
    assertThat(browser.h1()).isEqualTo("Upload a photo or plan of where your bins are kept");
    browser.check("upload-empty");

    upload(file("bins.jpg", image("jpg")));
    assertThat(browser.path()).isEqualTo("/apply/bin-photos");
    assertThat(listed()).containsExactly("bins.jpg");
    browser.check("upload-one-file");

    upload(file("plan.pdf", PDF));
    assertThat(listed()).containsExactly("bins.jpg", "plan.pdf");

    browser.click("button[name=remove]");
    assertThat(listed()).as("the first file's Remove button removed it").containsExactly("plan.pdf");

    upload(file("garden-plan.pdf", INFECTED_PDF));
    assertThat(browser.find(".govuk-error-summary").getText()).contains("The selected file contains a virus");
    assertThat(browser.find(".govuk-error-summary__list a").getAttribute("href")).endsWith("#bin_photos");
    assertThat(browser.find("#bin_photos-error").getText()).contains("The selected file contains a virus");
    assertThat(listed()).containsExactly("plan.pdf");
    browser.check("upload-virus-error");

    upload(file("side-gate.png", image("png")));
    assertThat(listed()).containsExactly("plan.pdf", "side-gate.png");
    browser.check("upload-two-files");
    browser.click("#continue");

    assertThat(browser.path()).isEqualTo("/apply/start-date");
    answerStartDateAndEmail(LocalDate.now().plusMonths(1), "uploads@example.org");
    String answers = browser.find("main .govuk-summary-list").getText();
    assertThat(answers).contains("plan.pdf, ", "side-gate.png, ").doesNotContain("bins.jpg", "garden-plan.pdf");
    browser.check("upload-check-answers");
    browser.click("#accept");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/pay");
    browser.click("#pay-now");
    browser.click("#pay");

    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    Reference reference = Reference.parse(browser.find("#reference").getText()).orElseThrow();
    Journey j = service.app.runner().journeys().findByReference(reference).orElseThrow();
    assertThat(FileRef.fromValue(j.answer("bin_photos").orElseThrow().value())).extracting(FileRef::name)
        .containsExactly("plan.pdf", "side-gate.png");
    // The submission delivered to the team inbox lists the two files kept, by reference.
    String submission = Files.readString(awaitFile(teamInbox().resolve("garden-waste-permit-" + reference + ".json"),
        Duration.ofSeconds(60)));
    assertThat(submission).contains("\"plan.pdf\"", "\"side-gate.png\"").doesNotContain("bins.jpg", "garden-plan.pdf");
    browser.assertNoViolations();
  }
}
