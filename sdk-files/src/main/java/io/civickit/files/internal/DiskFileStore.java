package io.civickit.files.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressDecryptionException;
import io.civickit.files.FileState;
import io.civickit.files.FileStore;
import io.civickit.files.FileStoreException;
import io.civickit.files.NewFile;
import io.civickit.files.StoredFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Files in a folder: {@code <root>/<journey id>/<file id>.data} holds length-prefixed sealed
 * chunks and {@code <file id>.meta} the sealed record. A file appears (its {@code .meta} is
 * moved into place) only once its data is complete.
 */
public final class DiskFileStore implements FileStore {
  private static final int MAX_FRAME = ChunkCipher.CHUNK + 1024;

  private final Path root;
  private final ChunkCipher cipher;

  public DiskFileStore(Path root, KeyRing keys) {
    this.root = root.toAbsolutePath();
    this.cipher = new ChunkCipher(keys);
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new FileStoreException("could not create the file store folder " + this.root + ": " + e, e);
    }
  }

  private Path dir(JourneyId journey) {
    return root.resolve(journey.value());
  }

  private static boolean validId(String fileId) {
    return fileId.matches("[A-Za-z0-9_-]{22}");
  }

  @Override
  public StoredFile put(NewFile file, InputStream content) throws IOException {
    Path dir = dir(file.journeyId());
    Path dataPart = dir.resolve(file.id() + ".data.part");
    Path metaPart = dir.resolve(file.id() + ".meta.part");
    Path data = dir.resolve(file.id() + ".data");
    Path meta = dir.resolve(file.id() + ".meta");
    boolean done = false;
    try {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new FileStoreException("could not create the folder of journey " + file.journeyId() + ": " + e, e);
      }
      if (Files.exists(meta)) {
        throw new FileStoreException("file " + file.id() + " is already stored");
      }
      ChunkCipher.Written written;
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dataPart)))) {
        written = cipher.write(file.journeyId(), file.id(), content, (i, sealed) -> {
          try {
            out.writeInt(sealed.length);
            out.write(sealed);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw new FileStoreException("could not write file " + file.id() + ": " + e.getCause(), e.getCause());
      }
      StoredFile stored = Metas.stored(file, written);
      try {
        Files.write(metaPart, cipher.sealMeta(file.journeyId(), file.id(), Metas.of(stored, written.chunks())));
        Files.move(dataPart, data, StandardCopyOption.ATOMIC_MOVE);
        Files.move(metaPart, meta, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new FileStoreException("could not write file " + file.id() + ": " + e, e);
      }
      done = true;
      return stored;
    } finally {
      if (!done) {
        Files.deleteIfExists(dataPart);
        Files.deleteIfExists(metaPart);
        if (!Files.exists(meta)) {
          Files.deleteIfExists(data);
        }
      }
    }
  }

  private Optional<Properties> meta(JourneyId journey, String fileId) {
    if (!validId(fileId)) {
      return Optional.empty();
    }
    try {
      byte[] sealed = Files.readAllBytes(dir(journey).resolve(fileId + ".meta"));
      return Optional.of(cipher.openMeta(journey, fileId, sealed));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new FileStoreException("could not read the record of file " + fileId + ": " + e, e);
    } catch (ProgressDecryptionException e) {
      throw new FileStoreException("the record of file " + fileId + " could not be decrypted: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<InputStream> open(JourneyId journeyId, String fileId) {
    Optional<Properties> meta = meta(journeyId, fileId);
    if (meta.isEmpty()) {
      return Optional.empty();
    }
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir(journeyId).resolve(fileId + ".data"))));
    } catch (IOException e) {
      throw new FileStoreException("could not open file " + fileId + ": " + e, e);
    }
    return Optional.of(cipher.read(journeyId, fileId, Metas.chunks(meta.get()), () -> {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        return null;
      }
      if (length < 0 || length > MAX_FRAME) {
        throw new IOException("file " + fileId + " has a damaged chunk frame");
      }
      return in.readNBytes(length);
    }, in));
  }

  @Override
  public synchronized boolean markClean(JourneyId journeyId, String fileId) {
    Optional<Properties> meta = meta(journeyId, fileId);
    if (meta.isEmpty()) {
      return false;
    }
    Properties p = meta.get();
    p.setProperty("state", FileState.CLEAN.name());
    Path part = dir(journeyId).resolve(fileId + ".meta.clean");
    try {
      Files.write(part, cipher.sealMeta(journeyId, fileId, p));
      Files.move(part, dir(journeyId).resolve(fileId + ".meta"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new FileStoreException("could not mark file " + fileId + " clean: " + e, e);
    }
  }

  @Override
  public boolean delete(JourneyId journeyId, String fileId) {
    if (!validId(fileId)) {
      return false;
    }
    Path dir = dir(journeyId);
    try {
      boolean had = Files.deleteIfExists(dir.resolve(fileId + ".meta"));
      Files.deleteIfExists(dir.resolve(fileId + ".data"));
      return had;
    } catch (IOException e) {
      throw new FileStoreException("could not delete file " + fileId + ": " + e, e);
    }
  }

  @Override
  public List<StoredFile> list(JourneyId journeyId) {
    List<StoredFile> out = new ArrayList<>();
    Path dir = dir(journeyId);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.meta")) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        String id = name.substring(0, name.length() - ".meta".length());
        meta(journeyId, id).ifPresent(m -> out.add(Metas.file(journeyId, id, m)));
      }
    } catch (IOException e) {
      throw new FileStoreException("could not list the files of journey " + journeyId + ": " + e, e);
    }
    out.sort(Comparator.comparing(StoredFile::storedAt).thenComparing(StoredFile::id));
    return out;
  }

  @Override
  public int purge(JourneyId journeyId) {
    Path dir = dir(journeyId);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path p : files) {
          if (p.getFileName().toString().endsWith(".meta")) {
            n++;
          }
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new FileStoreException("could not purge the files of journey " + journeyId + ": " + e, e);
    }
    return n;
  }

  @Override
  public String toString() {
    return "FileStore.onDisk[" + root + "]";
  }
}
