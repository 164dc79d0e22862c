package io.civickit.notify.internal.channel;

import io.civickit.core.internal.crypto.Digests;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.mail.SmtpServer;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Email over SMTP with Jakarta Mail. */
public final class SmtpChannel implements NotificationChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpChannel.class);

  private final String name;
  private final SmtpServer server;
  private final InternetAddress from;
  private final Optional<InternetAddress> replyTo;

  public SmtpChannel(String name, String host, int port, Optional<String> username, Optional<String> password,
      String fromAddress, Optional<String> fromName, Optional<String> replyTo, boolean startTls, boolean ssl,
      Duration connectTimeout, Duration timeout) {
    this.name = name;
    this.server = new SmtpServer(host, port, username, password, startTls, ssl, connectTimeout, timeout);
    try {
      this.from = fromName.isPresent()
          ? new InternetAddress(fromAddress, fromName.get(), StandardCharsets.UTF_8.name())
          : new InternetAddress(fromAddress, true);
      this.replyTo = replyTo.isPresent() ? Optional.of(new InternetAddress(replyTo.get(), true)) : Optional.empty();
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("bad SMTP sender address: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Recipient recipient) {
    return recipient instanceof Recipient.Email;
  }

  @Override
  public SendResult send(OutgoingNotification n) {
    if (!(n.recipient() instanceof Recipient.Email to)) {
      return new SendResult.PermanentFailure("the SMTP channel sends email only, not "
          + n.recipient().getClass().getSimpleName());
    }
    Optional<String> problem = Addresses.emailProblem(to.address());
    if (problem.isPresent()) {
      return new SendResult.PermanentFailure(problem.get());
    }
    RenderedMessage.Email m = (RenderedMessage.Email) n.message();
    String messageId = "<" + HexFormat.of().formatHex(Digests.sha256(n.idempotencyKey()), 0, 16) + "@civickit.invalid>";
    try {
      MimeMessage msg = server.newMessage(messageId);
      msg.setFrom(from);
      msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to.address().strip(), true));
      if (replyTo.isPresent()) {
        msg.setReplyTo(new InternetAddress[] {replyTo.get()});
      }
      msg.setSubject(m.subject(), StandardCharsets.UTF_8.name());
      msg.setHeader("Content-Language", n.language().toLanguageTag());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.plainText(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      msg.setContent(alternative);
      msg.saveChanges();
      server.send(msg);
      LOG.info("sent {} to {} through {}", n.idempotencyKey(), n.recipient(), server.host());
      return new SendResult.Accepted(messageId);
    } catch (AuthenticationFailedException e) {
      LOG.warn("the SMTP server {} refused our credentials", server.host());
      return new SendResult.PermanentFailure("SMTP authentication failed");
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        LOG.warn("the SMTP server refused the address for {} ({})", n.idempotencyKey(), n.recipient());
        return new SendResult.PermanentFailure("the SMTP server refused the address");
      }
      return classify(n, e);
    } catch (MessagingException e) {
      return classify(n, e);
    }
  }

  private SendResult classify(OutgoingNotification n, MessagingException e) {
    SmtpServer.Diagnosis d = SmtpServer.classify(e);
    switch (d.failure()) {
      case UNREACHABLE -> {
        LOG.warn("could not connect to the SMTP server {} for {}: will retry", server.host(), n.idempotencyKey());
        return new SendResult.RetryableFailure("could not connect to the SMTP server: " + d.cause().getMessage());
      }
      case TIMED_OUT -> {
        LOG.warn("the SMTP server {} timed out for {}: outcome unknown", server.host(), n.idempotencyKey());
        return new SendResult.UnknownOutcome("the SMTP server timed out");
      }
      default -> {
        LOG.warn("SMTP send of {} failed: {}", n.idempotencyKey(), e.getClass().getSimpleName());
        return new SendResult.RetryableFailure("SMTP send failed: " + e.getClass().getSimpleName());
      }
    }
  }
}
