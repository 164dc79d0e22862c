package io.civickit.submit;

import io.civickit.notify.channel.GovUkNotifyChannel;
import io.civickit.notify.internal.settings.Settings;
import io.civickit.submit.internal.NotifyEmailDestination;
import io.civickit.submit.internal.SmtpDestination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Destinations that email each submission to the team that processes it, with the PDF copy
 * (and, unless turned off, the CSV row) attached: over SMTP ({@link #smtp()}) or through GOV.UK
 * Notify's "send a file by email" ({@link #govUkNotify(GovUkNotifyChannel)}).
 *
 * <pre>{@code
 * Destination inbox = TeamEmail.smtp().host("smtp.council.gov.uk").port(587).startTls(true)
 *     .credentials(user, password).from("forms@council.gov.uk").to("waste-team@council.gov.uk").build();
 *
 * Destination viaNotify = TeamEmail.govUkNotify(GovUkNotify.builder().apiKey(key).build())
 *     .templateId("f33517ff-2a88-4f6e-b855-c550268ce08a").to("waste-team@council.gov.uk").build();
 * }</pre>
 *
 * <p>The email carries no answers in its body, only the reference: the answers are in the
 * attachments. Over SMTP its {@code Message-ID} is made from the submission id, so a repeated
 * delivery (after a crash) has the same Message-ID and mail clients and archives that
 * deduplicate on it show one message. Notify gets the submission id as its {@code reference}, and
 * the destination asks Notify before sending again after an unknown outcome.
 */
public final class TeamEmail {
  private TeamEmail() {}

  /**
   * An SMTP team email builder; host, sender and at least one recipient are required.
   *
   * @return a builder
   */
  public static Smtp smtp() {
    return new Smtp();
  }

  /**
   * A GOV.UK Notify team email builder. The Notify template needs the placeholders
   * {@code ((reference))}, {@code ((service))}, {@code ((link_to_pdf))} and, with the CSV,
   * {@code ((link_to_csv))}; Notify turns each file into a download link (files up to 2 MB).
   *
   * @param channel the Notify channel (from {@code GovUkNotify.builder()})
   * @return a builder
   */
  public static Notify govUkNotify(GovUkNotifyChannel channel) {
    return new Notify(Objects.requireNonNull(channel, "channel"));
  }

  static String address(String address) {
    Objects.requireNonNull(address, "address");
    if (!address.matches("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+")) {
      throw new IllegalArgumentException("'" + address + "' is not an email address");
    }
    return address;
  }

  /** Builds an SMTP team email destination. */
  public static final class Smtp {
    private String host;
    private int port = 25;
    private String username;
    private String password;
    private String from;
    private final List<String> to = new ArrayList<>();
    private boolean startTls;
    private boolean ssl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(30);
    private String name = "team-email";
    private boolean csv = true;
    private boolean json;

    private Smtp() {}

    /**
     * The SMTP server.
     *
     * @param host its host name
     * @return this builder
     */
    public Smtp host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port (25 unless set; 587 with STARTTLS, 465 with SSL).
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Smtp port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("a port is 1 to 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Log in with these credentials.
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Smtp credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The sender address.
     *
     * @param address the address
     * @return this builder
     */
    public Smtp from(String address) {
      this.from = address(address);
      return this;
    }

    /**
     * Adds a team address to send to.
     *
     * @param address the address
     * @return this builder
     */
    public Smtp to(String address) {
      to.add(address(address));
      return this;
    }

    /**
     * Require STARTTLS (off unless set).
     *
     * @param required whether to require it
     * @return this builder
     */
    public Smtp startTls(boolean required) {
      this.startTls = required;
      return this;
    }

    /**
     * Connect with TLS from the start (SMTPS; off unless set).
     *
     * @param ssl whether to
     * @return this builder
     */
    public Smtp ssl(boolean ssl) {
      this.ssl = ssl;
      return this;
    }

    /**
     * How long to wait for a connection (10 seconds unless set).
     *
     * @param timeout positive
     * @return this builder
     */
    public Smtp connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connect timeout");
      return this;
    }

    /**
     * How long to wait for each read or write (30 seconds unless set).
     *
     * @param timeout positive
     * @return this builder
     */
    public Smtp timeout(Duration timeout) {
      this.timeout = Settings.positive(timeout, "timeout");
      return this;
    }

    /**
     * The destination's name ({@code team-email} unless set).
     *
     * @param name the name
     * @return this builder
     */
    public Smtp name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Whether to attach the CSV (on unless set).
     *
     * @param attach whether to
     * @return this builder
     */
    public Smtp attachCsv(boolean attach) {
      this.csv = attach;
      return this;
    }

    /**
     * Whether to attach the JSON document too (off unless set).
     *
     * @param attach whether to
     * @return this builder
     */
    public Smtp attachJson(boolean attach) {
      this.json = attach;
      return this;
    }

    /**
     * Builds the destination. Needs Angus Mail ({@code org.eclipse.angus:angus-mail}) on the
     * class path.
     *
     * @return the destination
     * @throws IllegalStateException if the host, sender or recipients are missing
     */
    public Destination build() {
      if (host == null || from == null || to.isEmpty()) {
        throw new IllegalStateException("an SMTP team email needs host(...), from(...) and to(...)");
      }
      return new SmtpDestination(name, host, port, Optional.ofNullable(username), Optional.ofNullable(password),
          from, List.copyOf(to), startTls, ssl, connectTimeout, timeout, csv, json);
    }
  }

  /** Builds a GOV.UK Notify team email destination. */
  public static final class Notify {
    private final GovUkNotifyChannel channel;
    private String templateId;
    private String to;
    private String name = "team-email-notify";
    private boolean csv = true;
    private boolean confirmEmail = true;
    private int retentionWeeks = 26;

    private Notify(GovUkNotifyChannel channel) {
      this.channel = channel;
    }

    /**
     * The Notify email template's id.
     *
     * @param templateId the id
     * @return this builder
     */
    public Notify templateId(String templateId) {
      this.templateId = Objects.requireNonNull(templateId, "templateId");
      return this;
    }

    /**
     * The team address.
     *
     * @param address the address
     * @return this builder
     */
    public Notify to(String address) {
      this.to = address(address);
      return this;
    }

    /**
     * The destination's name ({@code team-email-notify} unless set).
     *
     * @param name the name
     * @return this builder
     */
    public Notify name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Whether to send the CSV as a second file (on unless set).
     *
     * @param attach whether to
     * @return this builder
     */
    public Notify attachCsv(boolean attach) {
      this.csv = attach;
      return this;
    }

    /**
     * Whether Notify asks for the team's email address before the download (on unless set, as
     * Notify recommends for personal data).
     *
     * @param confirm whether to
     * @return this builder
     */
    public Notify confirmEmailBeforeDownload(boolean confirm) {
      this.confirmEmail = confirm;
      return this;
    }

    /**
     * How many weeks Notify keeps the files (26 unless set).
     *
     * @param weeks 1 to 78
     * @return this builder
     */
    public Notify retentionWeeks(int weeks) {
      if (weeks < 1 || weeks > 78) {
        throw new IllegalArgumentException("Notify keeps files for 1 to 78 weeks, but was " + weeks);
      }
      this.retentionWeeks = weeks;
      return this;
    }

    /**
     * Builds the destination.
     *
     * @return the destination
     * @throws IllegalStateException if the template id or address is missing
     */
    public Destination build() {
      if (templateId == null || to == null) {
        throw new IllegalStateException("a Notify team email needs templateId(...) and to(...)");
      }
      return new NotifyEmailDestination(name, channel, templateId, to, csv, confirmEmail, retentionWeeks);
    }
  }
}
