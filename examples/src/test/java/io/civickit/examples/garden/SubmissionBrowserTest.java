package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A completed garden waste application reaches the team inbox (the folder the example delivers to
 * by default) as JSON, PDF and CSV, and the applicant who ticked "Email me a copy of my answers"
 * gets the copy in the outbox. Check your answers, the confirmation and the console's "Deliveries
 * that failed" are checked with axe-core.
 */
class SubmissionBrowserTest extends BrowserTestBase {

  private void answerTheForm(String email) {
    browser.open(service.url("/"));
    browser.click("#start");
    browser.select("#lives_in_area");
    browser.continueOn();
    browser.type("address-line1", "12 Orchard Close");
    browser.type("address-town", "Anytown");
    browser.type("address-postcode", "SW1A 1AA");
    browser.continueOn();
    browser.answerFromBins(2, false, LocalDate.now().plusMonths(2), email);
  }

  /** The emailed code, then paying on the fake GOV.UK Pay the example runs without an API key. */
  private void confirmAndPay() {
    assertThat(browser.path()).isEqualTo("/apply/confirm-email");
    browser.type("code", service.awaitCode());
    browser.continueOn();
    assertThat(browser.path()).isEqualTo("/apply/pay");
    browser.click("#pay-now");
    browser.click("#pay");
  }

  @Test
  void aCompletedApplicationReachesTheTeamInboxAndTheCopyTheApplicantAskedFor() throws IOException {
    String email = "copy-please@example.org";
    answerTheForm(email);
    assertThat(browser.path()).isEqualTo("/apply/check-answers");
    assertThat(browser.find("label[for=copy]").getText()).isEqualTo("Email me a copy of my answers");
    browser.find("label[for=copy]").click();
    assertThat(browser.find("#copy").isSelected()).isTrue();
    browser.check("en-check-answers-copy");
    browser.click("#accept");
    confirmAndPay();

    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    String reference = browser.find("#reference").getText();
    assertThat(browser.find("#copy-sent").getText()).isEqualTo("We have sent a copy of your answers to: " + email);
    browser.check("en-confirmation-copy");

    String stem = "garden-waste-permit-" + reference;
    Path json = awaitFile(teamInbox().resolve(stem + ".json"), Duration.ofSeconds(15));
    assertThat(teamInbox().resolve(stem + ".pdf")).as("the PDF is renamed into place before the JSON").exists();
    assertThat(teamInbox().resolve(stem + ".csv")).exists();
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.path("reference").asText()).isEqualTo(reference);
    assertThat(doc.path("language").asText()).isEqualTo("en");
    assertThat(doc.toString()).contains("12 Orchard Close", "SW1A 1AA", email);
    assertThat(doc.path("payment").path("amount_pence").asInt()).as("two bins at £45, paid").isEqualTo(9000);
    String pdf;
    try (PDDocument d = Loader.loadPDF(Files.readAllBytes(teamInbox().resolve(stem + ".pdf")))) {
      pdf = new PDFTextStripper().getText(d);
    }
    assertThat(pdf).contains("Anytown Council", reference, "12 Orchard Close", email);
    assertThat(Files.readString(teamInbox().resolve(stem + ".csv"))).contains(reference, "12 Orchard Close");

    assertThat(awaitCopy(reference)).contains("Apply for a garden waste collection permit", "12 Orchard Close", email);

    // The console: nothing failed, and the page passes axe.
    browser.open(service.url("/agent"));
    browser.type("username", TestService.SUPERVISOR);
    browser.type("password", TestService.STAFF_PASSWORD);
    browser.continueOn();
    browser.click("a[href='/agent/deliveries']");
    assertThat(browser.h1()).isEqualTo("Deliveries that failed");
    assertThat(browser.find("main").getText()).contains("Every submission has been delivered or is on its way.");
    browser.check("agent-deliveries");
    browser.assertNoViolations();
  }

  @Test
  void noCopyIsSentWhenTheBoxIsLeftEmpty() {
    answerTheForm("no-copy@example.org");
    assertThat(browser.find("#copy").isSelected()).isFalse();
    browser.click("#accept");
    confirmAndPay();
    assertThat(browser.path()).isEqualTo("/apply/confirmation");
    assertThat(browser.all("#copy-sent")).isEmpty();
    String reference = browser.find("#reference").getText();
    awaitFile(teamInbox().resolve("garden-waste-permit-" + reference + ".json"), Duration.ofSeconds(15));
    service.awaitEmail("(Your reference number is " + reference + ")");
    assertThat(emails()).noneMatch(e -> e.startsWith("Your answers: ") && e.contains(reference));
  }

  /** The decoded subject and text of the emails in the outbox. */
  private static List<String> emails() {
    List<String> out = new ArrayList<>();
    for (Path f : service.files()) {
      try (InputStream in = Files.newInputStream(f)) {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
        out.add(m.getSubject() + "\n" + text(m.getContent()));
      } catch (IOException | MessagingException e) {
        throw new IllegalStateException(f + " is not a MIME message", e);
      }
    }
    return out;
  }

  private static String text(Object content) throws IOException, MessagingException {
    if (content instanceof Multipart mp) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        b.append(text(mp.getBodyPart(i).getContent())).append('\n');
      }
      return b.toString();
    }
    return String.valueOf(content);
  }

  /** Waits (up to 15 s, polling) for the copy of the answers of an application. */
  private static String awaitCopy(String reference) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      Optional<String> copy = emails().stream().filter(e -> e.startsWith("Your answers: ") && e.contains(reference))
          .findFirst();
      if (copy.isPresent()) {
        return copy.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no copy of the answers of " + reference + " within 15 s");
  }
}
