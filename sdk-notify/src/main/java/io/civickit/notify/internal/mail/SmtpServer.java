package io.civickit.notify.internal.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One SMTP server as CivicKit talks to it: the mail session (timeouts, STARTTLS or implicit TLS with the
 * server's identity checked), sending with or without credentials, and what a failed send means.
 * Shared by the notification channel (sdk-notify) and the team-email destination (sdk-submit), which
 * differ only in the messages they build.
 */
public final class SmtpServer {

  /** What a failed send tells the caller to do. */
  public enum Failure {
    /** The server could not be reached: nothing was sent, try again. */
    UNREACHABLE,
    /** The server stopped answering mid-conversation: the message may or may not have been taken. */
    TIMED_OUT,
    /** Any other failure of the conversation: try again. */
    OTHER
  }

  private final String host;
  private final Session session;
  private final Optional<String> username;
  private final Optional<String> password;

  /**
   * @param host the server's host name
   * @param port its port
   * @param username the user name, when the server wants one
   * @param password the password that goes with it
   * @param startTls require STARTTLS
   * @param ssl implicit TLS (the {@code smtps} protocol)
   * @param connectTimeout how long to wait for a connection
   * @param timeout how long to wait for each read and write
   */
  public SmtpServer(String host, int port, Optional<String> username, Optional<String> password,
      boolean startTls, boolean ssl, Duration connectTimeout, Duration timeout) {
    this.host = host;
    this.username = username;
    this.password = password;
    String protocol = ssl ? "smtps" : "smtp";
    Properties p = new Properties();
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", host);
    p.put("mail." + protocol + ".port", String.valueOf(port));
    p.put("mail." + protocol + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
    p.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis()));
    p.put("mail." + protocol + ".writetimeout", String.valueOf(timeout.toMillis()));
    p.put("mail." + protocol + ".auth", String.valueOf(username.isPresent()));
    if (startTls) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (ssl) {
      p.put("mail.smtps.ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(p);
  }

  /** @return the server's host name, for log lines */
  public String host() {
    return host;
  }

  /** @return the session to build messages in */
  public Session session() {
    return session;
  }

  /**
   * A new message in this server's session that keeps the given {@code Message-ID} when saved, so
   * that a message sent again after an unknown outcome can be recognised as the same one.
   *
   * @param messageId the whole header value, {@code <...@...>}
   * @return the message
   */
  public MimeMessage newMessage(String messageId) {
    return new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /**
   * Sends a message, with the credentials when there are any.
   *
   * @param message the message, its changes saved
   * @throws MessagingException when the server refuses or the conversation fails
   */
  public void send(Message message) throws MessagingException {
    if (username.isPresent()) {
      Transport.send(message, username.get(), password.orElse(""));
    } else {
      Transport.send(message);
    }
  }

  /**
   * What a failed send meant, and the cause that showed it.
   *
   * @param failure unreachable, timed out, or another failure
   * @param cause the exception in the chain that decided it (the failure itself for {@link Failure#OTHER})
   */
  public record Diagnosis(Failure failure, Throwable cause) {}

  /**
   * What a failed send means, from the causes of its exception.
   *
   * @param e the failure
   * @return the diagnosis
   */
  public static Diagnosis classify(MessagingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return new Diagnosis(Failure.UNREACHABLE, cause);
      }
      if (cause instanceof SocketTimeoutException) {
        return new Diagnosis(Failure.TIMED_OUT, cause);
      }
    }
    return new Diagnosis(Failure.OTHER, e);
  }
}
