package io.civickit.notify.internal.channel;

import io.civickit.core.StorageUnavailableException;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes messages as files, one per idempotency key. */
public final class FileOutboxChannel implements NotificationChannel {
  private static final Logger LOG = LoggerFactory.getLogger(FileOutboxChannel.class);
  private static final String CRLF = "\r\n";

  private final Path folder;

  public FileOutboxChannel(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StorageUnavailableException("the file outbox folder " + folder, "be created", e);
    }
  }

  @Override
  public String name() {
    return "file-outbox";
  }

  @Override
  public boolean supports(Recipient recipient) {
    return true;
  }

  @Override
  public boolean canLookUp() {
    return true;
  }

  @Override
  public Optional<SendResult.Accepted> lookup(String idempotencyKey) {
    for (String ext : new String[] {".eml", ".txt"}) {
      Path p = folder.resolve(baseName(idempotencyKey) + ext);
      if (Files.exists(p)) {
        return Optional.of(new SendResult.Accepted(p.getFileName().toString()));
      }
    }
    return Optional.empty();
  }

  @Override
  public SendResult send(OutgoingNotification n) {
    Optional<String> problem = Addresses.problem(n.recipient());
    if (problem.isPresent()) {
      return new SendResult.PermanentFailure(problem.get());
    }
    String ext = n.recipient() instanceof Recipient.Email ? ".eml" : ".txt";
    Path target = folder.resolve(baseName(n.idempotencyKey()) + ext);
    if (Files.exists(target)) {
      return new SendResult.Accepted(target.getFileName().toString());
    }
    String content = n.message() instanceof RenderedMessage.Email ? eml(n) : text(n);
    try {
      Path tmp = Files.createTempFile(folder, ".writing-", ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return new SendResult.Accepted(target.getFileName().toString());
    } catch (IOException e) {
      LOG.warn("could not write {} for {}: {}", target.getFileName(), n.recipient(), e.toString());
      return new SendResult.RetryableFailure("could not write the file: " + e.getMessage());
    }
    LOG.info("wrote {} for {}", target.getFileName(), n.recipient());
    return new SendResult.Accepted(target.getFileName().toString());
  }

  /** A file name that is safe on every file system and unique per key. */
  static String baseName(String key) {
    String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return safe + "-" + HexFormat.of().formatHex(Digests.sha256(key), 0, 6);
  }

  /** A MIME message: multipart/alternative with the plain text and the HTML, UTF-8, 8-bit. */
  static String eml(OutgoingNotification n) {
    RenderedMessage.Email m = (RenderedMessage.Email) n.message();
    String to = ((Recipient.Email) n.recipient()).address().strip();
    String boundary = "=_civickit_" + HexFormat.of().formatHex(Digests.sha256("b" + n.idempotencyKey()), 0, 12);
    StringBuilder b = new StringBuilder();
    b.append("To: ").append(to).append(CRLF);
    b.append("Subject: ").append(encodedWord(m.subject())).append(CRLF);
    b.append("Message-ID: <").append(HexFormat.of().formatHex(Digests.sha256(n.idempotencyKey()), 0, 16))
        .append("@civickit.invalid>").append(CRLF);
    b.append("X-CivicKit-Template: ").append(n.templateId().replaceAll("[\\r\\n]", " ")).append(CRLF);
    b.append("Content-Language: ").append(n.language().toLanguageTag()).append(CRLF);
    b.append("MIME-Version: 1.0").append(CRLF);
    b.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append('"').append(CRLF);
    b.append(CRLF);
    part(b, boundary, "text/plain", m.plainText());
    part(b, boundary, "text/html", m.html());
    b.append("--").append(boundary).append("--").append(CRLF);
    return b.toString();
  }

  private static void part(StringBuilder b, String boundary, String type, String body) {
    b.append("--").append(boundary).append(CRLF);
    b.append("Content-Type: ").append(type).append("; charset=UTF-8").append(CRLF);
    b.append("Content-Transfer-Encoding: 8bit").append(CRLF).append(CRLF);
    b.append(body.replace("\r\n", "\n").replace("\n", CRLF)).append(CRLF);
  }

  /** RFC 2047: ASCII subjects as they are, anything else base64-encoded UTF-8. */
  static String encodedWord(String s) {
    String oneLine = s.replaceAll("[\\r\\n]+", " ");
    if (oneLine.chars().allMatch(c -> c >= 32 && c < 127)) {
      return oneLine;
    }
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  static String text(OutgoingNotification n) {
    StringBuilder b = new StringBuilder();
    if (n.message() instanceof RenderedMessage.Sms s) {
      b.append("Type: sms\n");
      b.append("To: ").append(((Recipient.Sms) n.recipient()).phoneNumber().strip()).append('\n');
      b.append("Template: ").append(n.templateId()).append('\n');
      b.append("Key: ").append(n.idempotencyKey()).append("\n\n");
      b.append(s.text()).append('\n');
    } else {
      RenderedMessage.Letter l = (RenderedMessage.Letter) n.message();
      b.append("Type: letter\n");
      b.append("Template: ").append(n.templateId()).append('\n');
      b.append("Key: ").append(n.idempotencyKey()).append("\n\n");
      for (String line : l.addressBlock()) {
        b.append(line).append('\n');
      }
      b.append('\n').append(l.subject()).append("\n\n").append(l.body()).append('\n');
    }
    return b.toString();
  }
}
