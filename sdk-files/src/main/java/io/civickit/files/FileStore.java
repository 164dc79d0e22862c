package io.civickit.files;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.files.internal.DiskFileStore;
import io.civickit.files.internal.JdbcFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where uploaded files are kept: CivicKit's own stores (a folder on disk, the database) or a
 * council's (object storage, a document management system). Every implementation must pass
 * {@code io.civickit.test.files.FileStoreContract} in sdk-test.
 *
 * <p>What a store promises:
 * <ul>
 *   <li>{@link #put} streams: it never holds a whole file in memory, and works out the size and
 *       SHA-256 as the bytes go by;
 *   <li>a put that fails part way (the content throws, the store fails) leaves nothing behind;
 *   <li>a file is reachable only through the journey it belongs to: {@link #open} and
 *       {@link #delete} with another journey's id find nothing;
 *   <li>{@link #purge} deletes every file of a journey: {@code Journeys.purgeExpired} callers and
 *       the journey's deletion call it (see {@link Uploads#purge});
 *   <li>new files are {@link FileState#QUARANTINED} until {@link #markClean}.
 * </ul>
 *
 * <p>CivicKit's stores encrypt names and bytes at rest with the {@link KeyRing} (AES-GCM, each
 * chunk bound to its file and position, so chunks cannot be reordered, swapped or cut off).
 */
public interface FileStore {

  /**
   * Stores a file, reading {@code content} to its end (the caller closes it).
   *
   * @param file the file's id, journey, question, names and type
   * @param content its bytes
   * @return the stored file, {@link FileState#QUARANTINED}, with its size and SHA-256
   * @throws IOException if reading {@code content} fails (nothing is kept)
   * @throws FileStoreException if the store fails (nothing is kept)
   */
  StoredFile put(NewFile file, InputStream content) throws IOException;

  /**
   * Opens a file's bytes for reading, in either state. The stream checks integrity as it goes:
   * altered, reordered or missing data ends it with an {@link IOException}.
   *
   * @param journeyId the journey the file belongs to
   * @param fileId the file
   * @return its bytes (close the stream), or empty if this journey has no such file
   * @throws FileStoreException if the store fails
   */
  Optional<InputStream> open(JourneyId journeyId, String fileId);

  /**
   * Marks a quarantined file clean (scanned, no virus found).
   *
   * @return true if the journey has this file (now clean), false if not
   * @throws FileStoreException if the store fails
   */
  boolean markClean(JourneyId journeyId, String fileId);

  /**
   * Deletes a file.
   *
   * @return true if the journey had this file, false if not (deleting twice is harmless)
   * @throws FileStoreException if the store fails
   */
  boolean delete(JourneyId journeyId, String fileId);

  /**
   * Every file of a journey, in either state, oldest first (ties by id).
   *
   * @throws FileStoreException if the store fails
   */
  List<StoredFile> list(JourneyId journeyId);

  /**
   * Deletes every file of a journey: the hook the journey's purge calls.
   *
   * @return how many files were deleted
   * @throws FileStoreException if the store fails
   */
  int purge(JourneyId journeyId);

  /**
   * Files in a folder on disk, one folder per journey, encrypted. For one app instance, or
   * several sharing a network file system.
   *
   * @param root the folder (created if missing)
   * @param keys the key ring (the same one saved answers use is fine)
   * @return the store
   */
  static FileStore onDisk(Path root, KeyRing keys) {
    return new DiskFileStore(root, keys);
  }

  /**
   * Files in the database (H2 or PostgreSQL) in encrypted 64 KiB chunks, one row each. Apply the
   * {@code files} schema first ({@code Schema.install(dataSource, Schema.Part.FILES)}, or copy
   * {@code META-INF/civickit/sql/<dialect>/files.sql} into your migrations).
   *
   * @param dataSource the database
   * @param keys the key ring
   * @return the store
   */
  static FileStore jdbc(DataSource dataSource, KeyRing keys) {
    return new JdbcFileStore(dataSource, keys);
  }
}
