package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP channel against GreenMail, a real SMTP server. */
class SmtpChannelTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  private NotificationChannel channel() {
    return Smtp.builder().host("127.0.0.1").port(ServerSetupTest.SMTP.getPort())
        .from("no-reply@council.example", "Anytown Council").replyTo("help@council.example")
        .connectTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void anEmailArrivesAsMultipartAlternativeWithPlainTextHtmlAndReplyTo() throws Exception {
    SendResult result = channel().send(Messages.email("welcome-1", "sian@example.org"));
    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("Croeso – welcome, Siân");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("no-reply@council.example");
    assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Anytown Council");
    assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("help@council.example");
    assertThat(m.getMessageID()).isEqualTo(((SendResult.Accepted) result).providerId());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(0).getContent().toString()).contains("Hello Siân,");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>Hello Siân,</p>");
  }

  @Test
  void theMessageIdIsTheSameForTheSameKey() throws Exception {
    NotificationChannel channel = channel();
    SendResult a = channel.send(Messages.email("k", "a@example.org"));
    SendResult b = channel.send(Messages.email("k", "a@example.org"));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void textMessagesAreNotSupportedAndBadAddressesAreNotSent() {
    NotificationChannel channel = channel();
    assertThat(channel.supports(Messages.sms("s", "07700900123").recipient())).isFalse();
    assertThat(channel.send(Messages.sms("s", "07700900123"))).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(channel.send(Messages.email("k", "two@@example.org"))).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableServerIsARetryableFailure() {
    NotificationChannel channel = Smtp.builder().host("127.0.0.1").port(1).from("a@council.example")
        .connectTimeout(Duration.ofSeconds(1)).build();
    assertThat(channel.send(Messages.email("k", "a@example.org"))).isInstanceOf(SendResult.RetryableFailure.class);
  }

  @Test
  void theBuilderSaysWhatIsWrong() {
    assertThatThrownBy(() -> Smtp.builder().from("a@b.example").build()).hasMessageContaining("host");
    assertThatThrownBy(() -> Smtp.builder().host("h").build()).hasMessageContaining("from");
    assertThatThrownBy(() -> Smtp.builder().port(70000)).hasMessageContaining("70000");
    assertThatThrownBy(() -> Smtp.builder().from("nope")).hasMessageContaining("'nope'");
  }
}
