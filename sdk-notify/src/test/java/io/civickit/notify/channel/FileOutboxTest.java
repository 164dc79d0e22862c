package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {
  @TempDir Path dir;

  @Test
  void anEmailIsWrittenAsAMimeMessageThatAMailLibraryCanRead() throws Exception {
    NotificationChannel channel = FileOutbox.in(dir.resolve("out"));
    SendResult result = channel.send(Messages.email("welcome/42", "sian@example.org"));
    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    Path file = dir.resolve("out").resolve(((SendResult.Accepted) result).providerId());
    assertThat(file.getFileName().toString()).startsWith("welcome_42-").endsWith(".eml");
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(m.getSubject()).isEqualTo("Croeso – welcome, Siân");
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("sian@example.org");
      MimeMultipart parts = (MimeMultipart) m.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
      assertThat(parts.getBodyPart(0).getContent().toString()).contains("Hello Siân,").contains("ABC-123");
      assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
      assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>Hello Siân,</p>");
    }
  }

  @Test
  void theSameKeyIsOneFileWrittenOnce() throws Exception {
    NotificationChannel channel = FileOutbox.in(dir);
    SendResult first = channel.send(Messages.sms("k1", "07700 900123"));
    Path file = dir.resolve(((SendResult.Accepted) first).providerId());
    Files.writeString(file, "marker");
    SendResult second = channel.send(Messages.sms("k1", "07700 900123"));
    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo("marker");
    assertThat(channel.lookup("k1")).contains((SendResult.Accepted) first);
    assertThat(channel.lookup("k2")).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void textMessagesAndLettersAreWrittenAsText() throws Exception {
    NotificationChannel channel = FileOutbox.in(dir);
    SendResult sms = channel.send(Messages.sms("s", "+44 7700 900123"));
    SendResult letter = channel.send(Messages.letter("l"));
    String smsText = Files.readString(dir.resolve(((SendResult.Accepted) sms).providerId()));
    assertThat(smsText).contains("Type: sms").contains("To: +44 7700 900123").endsWith("Your code is 123456\n");
    String letterText = Files.readString(dir.resolve(((SendResult.Accepted) letter).providerId()));
    assertThat(letterText).contains("Sam Smith\n1 High Street\nAnytown\nAB1 2CD\n\nYour council tax\n\nDear Sam,");
  }

  @Test
  void aBadAddressIsAPermanentFailureAndWritesNothing() throws Exception {
    NotificationChannel channel = FileOutbox.in(dir);
    assertThat(channel.send(Messages.email("k", "not-an-email"))).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(channel.send(Messages.sms("k2", "0770090"))).isInstanceOf(SendResult.PermanentFailure.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
