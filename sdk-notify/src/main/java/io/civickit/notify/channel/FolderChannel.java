package io.civickit.notify.channel;

import io.civickit.notify.internal.channel.FileOutboxChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A channel that writes each message to a folder instead of sending it: the embedded default,
 * so a developer can open what would have been sent. Emails are written as {@code .eml} files
 * (real MIME messages that a mail client opens), text messages and letters as {@code .txt}.
 * (Not to be confused with the {@link io.civickit.notify.outbox.Outbox}, the durable queue that
 * hands messages to a channel such as this one.)
 *
 * <pre>{@code
 * NotificationChannel folder = FolderChannel.in(Path.of("data/outbox"));
 * }</pre>
 *
 * <p>Each file is written atomically (to a temporary file, then renamed) and named after the
 * idempotency key, so the same key is one file, written once. The channel's
 * {@link NotificationChannel#name() name} is {@code file-outbox}, as it always was, so delivery
 * records written before the rename still match.
 */
public final class FolderChannel {
  private FolderChannel() {}

  /**
   * A channel writing into the folder, which is created if it does not exist.
   *
   * @param folder the folder
   * @return the channel
   * @throws io.civickit.core.StorageUnavailableException if the folder cannot be created
   */
  public static NotificationChannel in(Path folder) {
    return new FileOutboxChannel(Objects.requireNonNull(folder, "folder"));
  }
}
