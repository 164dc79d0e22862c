package io.civickit.submit.internal;

import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the PDF, CSV and JSON into a folder, each by write-to-temporary, fsync, atomic rename. */
public final class FolderDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(FolderDestination.class);

  private final String name;
  private final Path folder;

  public FolderDestination(String name, Path folder) {
    this.name = Objects.requireNonNull(name, "name");
    this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canLookUp() {
    return true;
  }

  @Override
  public Optional<SendResult.Accepted> lookup(Delivery delivery) {
    Path json = folder.resolve(delivery.fileStem() + ".json");
    return Files.exists(json) ? Optional.of(new SendResult.Accepted(json.getFileName().toString())) : Optional.empty();
  }

  @Override
  public SendResult deliver(Delivery delivery) {
    Optional<SendResult.Accepted> there = lookup(delivery);
    if (there.isPresent()) {
      return there.get();
    }
    try {
      Files.createDirectories(folder);
      String stem = delivery.fileStem();
      write(folder.resolve(stem + ".pdf"), delivery.pdf());
      write(folder.resolve(stem + ".csv"), delivery.csv());
      // The JSON goes last: a collector that waits for it sees the whole submission.
      write(folder.resolve(stem + ".json"), delivery.json());
      syncDirectory(folder);
      return new SendResult.Accepted(stem + ".json");
    } catch (AtomicMoveNotSupportedException e) {
      LOG.warn("folder destination '{}': {} cannot rename atomically", name, folder);
      return new SendResult.PermanentFailure("the folder's file system cannot rename atomically");
    } catch (IOException | RuntimeException e) {
      LOG.warn("folder destination '{}' could not write {}: {}", name, delivery, e.getClass().getSimpleName());
      return new SendResult.RetryableFailure("could not write to the folder: " + e.getClass().getSimpleName());
    }
  }

  /** Writes to a hidden temporary file in the same folder, forces it to disk, renames it into place. */
  static void write(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the renames durable: fsync the directory (where the platform allows opening one). */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("could not fsync directory {}: {}", dir, e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "FolderDestination[" + name + ", " + folder + "]";
  }
}
