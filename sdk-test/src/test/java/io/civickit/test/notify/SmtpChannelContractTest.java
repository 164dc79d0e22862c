package io.civickit.test.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP channel through the contract, against GreenMail (a real SMTP server). */
class SmtpChannelContractTest extends NotificationChannelContract {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  @Override
  protected NotificationChannel channel() {
    return Smtp.builder().host("127.0.0.1").port(ServerSetupTest.SMTP.getPort()).from("no-reply@council.example")
        .build();
  }

  @Override
  protected Optional<NotificationChannel> unreachableChannel() {
    return Optional.of(Smtp.builder().host("127.0.0.1").port(1).from("no-reply@council.example")
        .connectTimeout(Duration.ofSeconds(1)).build());
  }

  @Override
  protected List<Recipient> sampleRecipients() {
    return List.of(new Recipient.Email("sam@example.org"));
  }

  @Override
  protected int receivedCount(String key) {
    int count = 0;
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      try {
        if (m.getSubject().endsWith(" " + key)) {
          count++;
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return count;
  }
}
