package io.civickit.notify.channel;

import io.civickit.notify.internal.channel.FileOutboxChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A channel that writes each message to a folder instead of sending it: the embedded default,
 * so a developer can open what would have been sent. Emails are written as {@code .eml} files
 * (real MIME messages that a mail client opens), text messages and letters as {@code .txt}.
 *
 * <p>Each file is written atomically (to a temporary file, then renamed) and named after the
 * idempotency key, so the same key is one file, written once.
 */
public final class FileOutbox {
  private FileOutbox() {}

  /**
   * A channel writing into the folder, which is created if it does not exist.
   *
   * @throws io.civickit.core.CivicKitException if the folder cannot be created
   */
  public static NotificationChannel in(Path folder) {
    return new FileOutboxChannel(Objects.requireNonNull(folder, "folder"));
  }
}
