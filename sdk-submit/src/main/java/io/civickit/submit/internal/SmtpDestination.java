package io.civickit.submit.internal;

import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.mail.SmtpServer;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The team email over SMTP with Angus Mail: a short text and the PDF (and CSV, JSON) attached. */
public final class SmtpDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpDestination.class);
  /** The domain of Message-IDs made from submission ids. */
  public static final String MESSAGE_ID_DOMAIN = "submissions.civickit.invalid";

  private final String name;
  private final SmtpServer server;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final boolean csv;
  private final boolean json;

  public SmtpDestination(String name, String host, int port, Optional<String> username, Optional<String> password,
      String from, List<String> to, boolean startTls, boolean ssl, Duration connectTimeout, Duration timeout,
      boolean csv, boolean json) {
    this.name = name;
    this.csv = csv;
    this.json = json;
    this.server = new SmtpServer(host, port, username, password, startTls, ssl, connectTimeout, timeout);
    try {
      this.from = new InternetAddress(from, true);
      this.to = new InternetAddress[to.size()];
      for (int i = 0; i < to.size(); i++) {
        this.to[i] = new InternetAddress(to.get(i), true);
      }
    } catch (MessagingException e) {
      throw new IllegalArgumentException("bad team email address: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The Message-ID a submission's email has. */
  public static String messageId(String submissionId) {
    return "<" + submissionId + "@" + MESSAGE_ID_DOMAIN + ">";
  }

  @Override
  public SendResult deliver(Delivery d) {
    String messageId = messageId(d.idempotencyKey());
    String title = d.submission().formTitle().in(d.teamLanguage());
    try {
      MimeMessage msg = server.newMessage(messageId);
      msg.setFrom(from);
      msg.setRecipients(Message.RecipientType.TO, to);
      msg.setSubject(title + ": " + d.submission().reference(), StandardCharsets.UTF_8.name());
      msg.setHeader("X-CivicKit-Submission", d.idempotencyKey());
      MimeBodyPart text = new MimeBodyPart();
      text.setText("A new application was submitted to " + title + ".\n\nReference: " + d.submission().reference()
          + "\nSubmission id: " + d.idempotencyKey() + "\n\nThe answers are in the attached PDF"
          + (csv ? " and CSV" : "") + ".\n", StandardCharsets.UTF_8.name(), "plain");
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(text);
      mixed.addBodyPart(file(d.fileStem() + ".pdf", d.pdf(), "application/pdf"));
      if (csv) {
        mixed.addBodyPart(file(d.fileStem() + ".csv", d.csv(), "text/csv; charset=utf-8"));
      }
      if (json) {
        mixed.addBodyPart(file(d.fileStem() + ".json", d.json(), "application/json"));
      }
      msg.setContent(mixed);
      msg.saveChanges();
      server.send(msg);
      return new SendResult.Accepted(messageId);
    } catch (AuthenticationFailedException e) {
      LOG.warn("the SMTP server {} refused our credentials", server.host());
      return new SendResult.PermanentFailure("SMTP authentication failed");
    } catch (MessagingException e) {
      return classify(d, e);
    }
  }

  private static MimeBodyPart file(String fileName, byte[] bytes, String type) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, type)));
    part.setFileName(fileName);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    // Base64 for every file, text included: line breaks inside CSV cells arrive byte for byte.
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  private SendResult classify(Delivery d, MessagingException e) {
    switch (SmtpServer.classify(e).failure()) {
      case UNREACHABLE -> {
        LOG.warn("could not connect to the SMTP server {} for {}: will retry", server.host(), d);
        return new SendResult.RetryableFailure("could not connect to the SMTP server");
      }
      case TIMED_OUT -> {
        return new SendResult.UnknownOutcome("the SMTP server timed out");
      }
      default -> {
        LOG.warn("SMTP send of {} failed: {}", d, e.getClass().getSimpleName());
        return new SendResult.RetryableFailure("SMTP send failed: " + e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public String toString() {
    return "SmtpDestination[" + name + ", " + server.host() + "]";
  }
}
