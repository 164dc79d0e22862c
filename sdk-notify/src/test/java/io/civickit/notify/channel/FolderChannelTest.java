package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderChannel}, the new name of {@code FileOutbox}: the same channel and the same files. */
class FolderChannelTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("removal")
  void theOldAndNewNamesWriteTheSameFileUnderTheSameChannelName() throws Exception {
    NotificationChannel folder = FolderChannel.in(dir.resolve("new"));
    NotificationChannel old = FileOutbox.in(dir.resolve("old"));
    assertThat(folder.name()).isEqualTo(old.name()).isEqualTo("file-outbox");
    SendResult a = folder.send(Messages.email("welcome/42", "sian@example.org"));
    SendResult b = old.send(Messages.email("welcome/42", "sian@example.org"));
    String name = ((SendResult.Accepted) a).providerId();
    assertThat(((SendResult.Accepted) b).providerId()).isEqualTo(name);
    assertThat(Files.readString(dir.resolve("new").resolve(name)).replaceAll("Date: .*", ""))
        .isEqualTo(Files.readString(dir.resolve("old").resolve(name)).replaceAll("Date: .*", ""));
  }
}
