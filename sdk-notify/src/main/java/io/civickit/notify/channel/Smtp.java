package io.civickit.notify.channel;

import io.civickit.notify.internal.channel.SmtpChannel;
import io.civickit.notify.internal.settings.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a channel that sends email through an SMTP server with Jakarta Mail (Angus Mail, an
 * optional dependency: add {@code org.eclipse.angus:angus-mail} to use this channel). Each
 * message is {@code multipart/alternative} with the plain text and the HTML.
 *
 * <pre>{@code
 * NotificationChannel smtp = Smtp.builder()
 *     .host("smtp.council.gov.uk").port(587).startTls(true)
 *     .credentials("notify", System.getenv("SMTP_PASSWORD"))
 *     .from("no-reply@council.gov.uk", "Anytown Council")
 *     .replyTo("help@council.gov.uk")
 *     .build();
 * }</pre>
 *
 * <p>Only email recipients are supported. The Message-ID is derived from the idempotency key, so
 * a receiving system can drop a repeat.
 */
public final class Smtp {
  private Smtp() {}

  /** A builder; {@link Builder#host(String)} and {@link Builder#from(String)} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings for the channel; {@link #build()} checks them and builds it. A builder is not
   * thread-safe; what it builds is immutable and thread-safe: build once and share it.
   */
  public static final class Builder {
    private String host;
    private int port = 25;
    private Optional<String> username = Optional.empty();
    private Optional<String> password = Optional.empty();
    private String fromAddress;
    private Optional<String> fromName = Optional.empty();
    private Optional<String> replyTo = Optional.empty();
    private boolean startTls;
    private boolean ssl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(10);
    private String name = "smtp";

    private Builder() {}

    /** The SMTP server's host name. */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("the SMTP host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The SMTP server's port (25 unless set; 587 for submission with STARTTLS, 465 with SSL). */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("a port is between 1 and 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Log in with these credentials. */
    public Builder credentials(String username, String password) {
      this.username = Optional.of(Objects.requireNonNull(username, "username"));
      this.password = Optional.of(Objects.requireNonNull(password, "password"));
      return this;
    }

    /** The sender address. */
    public Builder from(String address) {
      Objects.requireNonNull(address, "address");
      if (io.civickit.notify.internal.channel.Addresses.emailProblem(address).isPresent()) {
        throw new IllegalArgumentException("the from address is not an email address: '" + address + "'");
      }
      this.fromAddress = address;
      return this;
    }

    /** The sender address and the name shown with it. */
    public Builder from(String address, String displayName) {
      from(address);
      this.fromName = Optional.of(Objects.requireNonNull(displayName, "displayName"));
      return this;
    }

    /** Where replies go, if not to the sender. */
    public Builder replyTo(String address) {
      Objects.requireNonNull(address, "address");
      if (io.civickit.notify.internal.channel.Addresses.emailProblem(address).isPresent()) {
        throw new IllegalArgumentException("the reply-to address is not an email address: '" + address + "'");
      }
      this.replyTo = Optional.of(address);
      return this;
    }

    /** Require STARTTLS (upgrade the connection to TLS before logging in): off unless set. */
    public Builder startTls(boolean required) {
      this.startTls = required;
      return this;
    }

    /** Connect with TLS from the start (SMTPS, usually port 465): off unless set. */
    public Builder ssl(boolean ssl) {
      this.ssl = ssl;
      return this;
    }

    /** How long to wait for a connection (5 seconds unless set). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connect timeout");
      return this;
    }

    /** How long to wait for each read or write (10 seconds unless set). */
    public Builder timeout(Duration timeout) {
      this.timeout = Settings.positive(timeout, "timeout");
      return this;
    }

    /** The channel's name, {@code smtp} unless set. */
    public Builder name(String name) {
      this.name = Settings.channelName(name);
      return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalStateException if the host or the from address is missing, or Jakarta Mail is not on the class path
     */
    public NotificationChannel build() {
      if (host == null) {
        throw new IllegalStateException("an SMTP channel needs a host: call host(...)");
      }
      if (fromAddress == null) {
        throw new IllegalStateException("an SMTP channel needs a from address: call from(...)");
      }
      try {
        Class.forName("jakarta.mail.Session", false, Smtp.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("the SMTP channel needs Jakarta Mail: add org.eclipse.angus:angus-mail", e);
      }
      return new SmtpChannel(name, host, port, username, password, fromAddress, fromName, replyTo, startTls, ssl,
          connectTimeout, timeout);
    }
  }
}
