package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.civickit.notify.channel.SendResult;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each built-in destination against a real counterpart. */
class DestinationsTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  final Submission doc = Submission.of(Fixtures.complete(Fixtures.journeys(Fixtures.CLOCK), "Mind the dog"),
      Fixtures.FORM, SubmitOptions.defaults(), UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:05:00Z"));
  final Delivery delivery = new Delivery(doc, SubmissionCsv.columns(Fixtures.FORM), "Bryncoed County Council", Locale.UK);

  @Test
  void teamEmailArrivesWithThePdfAndCsvAttachedAndAMessageIdFromTheSubmission() throws Exception {
    Destination email = TeamEmail.smtp().host("127.0.0.1").port(MAIL.getSmtp().getPort())
        .from("forms@bryncoed.gov.uk").to("waste-team@bryncoed.gov.uk").build();
    assertThat(email.deliver(delivery)).isInstanceOf(SendResult.Accepted.class);
    MimeMessage[] got = MAIL.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getMessageID()).contains(doc.id());
    assertThat(got[0].getSubject()).isEqualTo("Garden waste permit: " + doc.reference());
    List<String> files = new ArrayList<>();
    Multipart parts = (Multipart) got[0].getContent();
    byte[] pdf = null;
    String csv = null;
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        files.add(part.getFileName());
        byte[] bytes = part.getInputStream().readAllBytes();
        if (part.getFileName().endsWith(".pdf")) {
          pdf = bytes;
        } else {
          csv = new String(bytes, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(files).containsExactly(delivery.fileStem() + ".pdf", delivery.fileStem() + ".csv");
    // What the team opens: the PDF's text has every label and answer, the CSV parses back to the answers.
    String text = RenderingsTest.squash(RenderingsTest.text(pdf));
    var row = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get()
        .parse(new java.io.StringReader(csv)).getRecords().get(0);
    for (SubmittedAnswer a : doc.answers()) {
      assertThat(text).contains(RenderingsTest.squash(a.label().en()));
      for (String line : a.formattedEn().split("\n")) {
        assertThat(text).contains(RenderingsTest.squash(line));
      }
      assertThat(SubmissionCsv.cellText(row.get(a.questionId()))).isEqualTo(a.formattedEn());
    }
  }

  @Test
  void teamEmailToAServerThatIsNotThereIsRetried() {
    Destination email = TeamEmail.smtp().host("127.0.0.1").port(1).from("forms@bryncoed.gov.uk")
        .to("waste-team@bryncoed.gov.uk").connectTimeout(Duration.ofSeconds(2)).build();
    assertThat(email.deliver(delivery)).isInstanceOf(SendResult.RetryableFailure.class);
  }

  @Test
  void webhookIsSignedCarriesTheKeyAndKeepsTheCaseId() throws Exception {
    try (WebhookReceiver crm = new WebhookReceiver()) {
      Destination hook = CaseWebhook.builder().url(crm.url()).secret(WebhookReceiver.SECRET).build();
      SendResult r = hook.deliver(delivery);
      assertThat(r).isEqualTo(new SendResult.Accepted("CASE-" + doc.id().substring(0, 8)));
      assertThat(crm.badSignatures).isEmpty();
      assertThat(SubmissionJson.read(crm.held.get(doc.id()))).isEqualTo(doc);

      Destination wrongSecret = CaseWebhook.builder().url(crm.url()).secret("x".repeat(40)).build();
      assertThat(wrongSecret.deliver(delivery)).isInstanceOf(SendResult.PermanentFailure.class);
      crm.failNext.set(1);
      assertThat(hook.deliver(delivery)).isInstanceOf(SendResult.UnknownOutcome.class);
    }
  }

  @Test
  void folderDropWritesWholeFilesOnceAndLooksBeforeWriting(@TempDir Path dir) throws Exception {
    Destination folder = Destination.folder(dir.resolve("out"));
    assertThat(folder.lookup(delivery)).isEmpty();
    assertThat(folder.deliver(delivery)).isEqualTo(new SendResult.Accepted(delivery.fileStem() + ".json"));
    assertThat(folder.lookup(delivery)).isPresent();
    assertThat(folder.deliver(delivery)).isInstanceOf(SendResult.Accepted.class);
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          delivery.fileStem() + ".csv", delivery.fileStem() + ".json", delivery.fileStem() + ".pdf");
    }
    assertThat(SubmissionJson.read(Files.readAllBytes(dir.resolve("out").resolve(delivery.fileStem() + ".json"))))
        .isEqualTo(doc);
    assertThat(Files.readString(dir.resolve("out").resolve(delivery.fileStem() + ".csv"), StandardCharsets.UTF_8))
        .contains(doc.reference());
  }

  @Test
  void folderThatCannotBeWrittenIsRetried(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThat(Destination.folder(file).deliver(delivery)).isInstanceOf(SendResult.RetryableFailure.class);
  }

  @Test
  void rabbitMqConfirmsAPersistentMessageWithTheSubmissionIdAndRetriesWhenNoQueueTakesIt() throws Exception {
    try (RabbitQueue queue = RabbitQueue.open()) {
      Destination rabbit = RabbitMq.builder().host("127.0.0.1").routingKey(queue.name).build();
      assertThat(rabbit.deliver(delivery)).isEqualTo(new SendResult.Accepted(doc.id()));
      assertThat(queue.drainMessageIds()).containsExactly(doc.id());
      Destination nowhere = RabbitMq.builder().host("127.0.0.1").routingKey(queue.name + "-missing").build();
      assertThat(nowhere.deliver(delivery)).isInstanceOf(SendResult.RetryableFailure.class);
      Destination down = RabbitMq.builder().host("127.0.0.1").port(1).routingKey(queue.name)
          .timeout(Duration.ofSeconds(2)).build();
      assertThat(down.deliver(delivery)).isInstanceOf(SendResult.RetryableFailure.class);
    }
  }
}
