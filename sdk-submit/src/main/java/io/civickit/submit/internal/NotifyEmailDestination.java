package io.civickit.submit.internal;

import io.civickit.notify.RenderedMessage;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.GovUkNotifyChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The team email through GOV.UK Notify: the PDF (and CSV) sent as Notify "send a file by email"
 * personalisation objects, the submission id as Notify's reference.
 */
public final class NotifyEmailDestination implements Destination {
  /** Notify's limit on one file, before base64. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private final String name;
  private final GovUkNotifyChannel channel;
  private final String templateId;
  private final String to;
  private final boolean csv;
  private final boolean confirmEmail;
  private final int retentionWeeks;

  public NotifyEmailDestination(String name, GovUkNotifyChannel channel, String templateId, String to, boolean csv,
      boolean confirmEmail, int retentionWeeks) {
    this.name = name;
    this.channel = channel;
    this.templateId = templateId;
    this.to = to;
    this.csv = csv;
    this.confirmEmail = confirmEmail;
    this.retentionWeeks = retentionWeeks;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canLookUp() {
    return channel.canLookUp();
  }

  @Override
  public Optional<SendResult.Accepted> lookup(Delivery delivery) {
    return channel.lookup(delivery.idempotencyKey());
  }

  @Override
  public SendResult deliver(Delivery d) {
    byte[] pdf = d.pdf();
    if (pdf.length > MAX_FILE_BYTES) {
      return new SendResult.PermanentFailure("the PDF is " + pdf.length + " bytes; Notify takes files up to 2 MB");
    }
    String title = d.submission().formTitle().in(d.teamLanguage());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("reference", d.submission().reference());
    p.put("service", title);
    p.put("link_to_pdf", file(pdf, d.fileStem() + ".pdf"));
    if (csv) {
      byte[] bytes = d.csv();
      if (bytes.length > MAX_FILE_BYTES) {
        return new SendResult.PermanentFailure("the CSV is " + bytes.length + " bytes; Notify takes files up to 2 MB");
      }
      p.put("link_to_csv", file(bytes, d.fileStem() + ".csv"));
    }
    // Notify renders the email from its own template; the rendered copy is what SMTP would send.
    RenderedMessage.Email copy = new RenderedMessage.Email(title + ": " + d.submission().reference(),
        "Reference: " + d.submission().reference(), "<p>Reference: " + d.submission().reference() + "</p>");
    return channel.send(new OutgoingNotification(d.idempotencyKey(), templateId, new Recipient.Email(to), p,
        d.teamLanguage(), copy));
  }

  private Map<String, Object> file(byte[] bytes, String filename) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", Base64.getEncoder().encodeToString(bytes));
    f.put("filename", filename);
    f.put("confirm_email_before_download", confirmEmail);
    f.put("retention_period", retentionWeeks + (retentionWeeks == 1 ? " week" : " weeks"));
    return f;
  }

  @Override
  public String toString() {
    return "NotifyEmailDestination[" + name + "]";
  }
}
