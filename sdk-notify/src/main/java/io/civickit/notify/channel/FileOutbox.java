package io.civickit.notify.channel;

import java.nio.file.Path;

/**
 * A channel that writes each message to a folder instead of sending it: the embedded default,
 * so a developer can open what would have been sent. Emails are written as {@code .eml} files
 * (real MIME messages that a mail client opens), text messages and letters as {@code .txt}.
 *
 * <p>Each file is written atomically (to a temporary file, then renamed) and named after the
 * idempotency key, so the same key is one file, written once.
 *
 * @deprecated renamed {@link FolderChannel}, so that it cannot be confused with the
 *     {@link io.civickit.notify.outbox.Outbox} queue: {@code FolderChannel.in(folder)} is the same
 *     channel
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class FileOutbox {
  private FileOutbox() {}

  /**
   * A channel writing into the folder, which is created if it does not exist.
   *
   * @param folder the folder
   * @return the channel
   * @throws io.civickit.core.StorageUnavailableException if the folder cannot be created
   * @deprecated use {@link FolderChannel#in(Path)}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static NotificationChannel in(Path folder) {
    return FolderChannel.in(folder);
  }
}
