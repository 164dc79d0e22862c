package io.civickit.test.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.JourneyId;
import io.civickit.files.FileState;
import io.civickit.files.FileStore;
import io.civickit.files.NewFile;
import io.civickit.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link FileStore} must meet: CivicKit's own stores and a council's. Extend
 * it and return a store ({@link #newStore()} may return the same store each time: journeys here
 * are random, so tests never see each other's files):
 *
 * <pre>{@code
 * class MyObjectStoreTest extends FileStoreContract {
 *   @Override protected FileStore newStore() { return new MyObjectStore(bucket, keys); }
 * }
 * }</pre>
 */
public abstract class FileStoreContract {

  /** A store; files of the random journeys these tests make must not already be in it. */
  protected abstract FileStore newStore();

  /** When the files here are stored; override if the store expires old files. */
  protected Instant baseTime() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new file record for a journey and question, stored at {@code baseTime() + secondsLater}. */
  protected NewFile newFile(JourneyId journey, String questionId, long secondsLater) {
    return new NewFile(NewFile.newId(), journey, questionId, "photo of bins (2).jpg", "C:\\Users\\Siân\\photo of bins <2>.jpg",
        "image/jpeg", baseTime().plusSeconds(secondsLater));
  }

  /** Bytes for a test file, from a seed. */
  protected static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] read(FileStore store, JourneyId journey, String id) throws IOException {
    Optional<InputStream> in = store.open(journey, id);
    assertThat(in).as("file %s of journey %s", id, journey).isPresent();
    try (InputStream s = in.get()) {
      return s.readAllBytes();
    }
  }

  @Test
  void aStoredFileReadsBackByteForByteWithItsSizeAndDigest() throws IOException {
    FileStore store = newStore();
    for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 131_072, 300_001}) {
      JourneyId journey = JourneyId.random();
      byte[] content = bytes(size, size);
      NewFile file = newFile(journey, "evidence", 0);
      StoredFile stored = store.put(file, new ByteArrayInputStream(content));
      assertThat(stored.ref().size()).as("size of a %d-byte file", size).isEqualTo(size);
      assertThat(stored.ref().sha256()).isEqualTo(sha256(content));
      assertThat(read(store, journey, file.id())).as("bytes of a %d-byte file", size).isEqualTo(content);
    }
  }

  @Test
  void aStoredFileKeepsItsNamesTypeQuestionAndTime() throws IOException {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile file = newFile(journey, "proof-of-address", 0);
    StoredFile stored = store.put(file, new ByteArrayInputStream(bytes(10, 1)));
    assertThat(store.list(journey)).containsExactly(stored);
    StoredFile listed = store.list(journey).get(0);
    assertThat(listed.ref().name()).isEqualTo("photo of bins (2).jpg");
    assertThat(listed.originalName()).isEqualTo("C:\\Users\\Siân\\photo of bins <2>.jpg");
    assertThat(listed.ref().contentType()).isEqualTo("image/jpeg");
    assertThat(listed.questionId()).isEqualTo("proof-of-address");
    assertThat(listed.journeyId()).isEqualTo(journey);
    assertThat(listed.storedAt()).isEqualTo(file.storedAt());
  }

  @Test
  void aNewFileIsQuarantinedUntilMarkedClean() throws IOException {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile file = newFile(journey, "evidence", 0);
    assertThat(store.put(file, new ByteArrayInputStream(bytes(5, 2))).state()).isEqualTo(FileState.QUARANTINED);
    assertThat(store.list(journey).get(0).state()).isEqualTo(FileState.QUARANTINED);
    assertThat(store.markClean(journey, file.id())).isTrue();
    assertThat(store.list(journey).get(0).state()).isEqualTo(FileState.CLEAN);
    assertThat(read(store, journey, file.id())).isEqualTo(bytes(5, 2));
  }

  @Test
  void anotherJourneyCanNeitherOpenNorMarkNorDeleteAFile() throws IOException {
    FileStore store = newStore();
    JourneyId owner = JourneyId.random();
    JourneyId other = JourneyId.random();
    NewFile file = newFile(owner, "evidence", 0);
    store.put(file, new ByteArrayInputStream(bytes(100, 3)));
    assertThat(store.open(other, file.id())).isEmpty();
    assertThat(store.markClean(other, file.id())).isFalse();
    assertThat(store.delete(other, file.id())).isFalse();
    assertThat(store.list(other)).isEmpty();
    assertThat(store.list(owner)).hasSize(1);
    assertThat(store.list(owner).get(0).state()).isEqualTo(FileState.QUARANTINED);
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    for (String id : List.of(NewFile.newId(), "../../../../etc/passwd", "", "%2e%2e%2f", "a'; DROP TABLE x; --")) {
      assertThat(store.open(journey, id)).as("open %s", id).isEmpty();
      assertThat(store.markClean(journey, id)).as("markClean %s", id).isFalse();
      assertThat(store.delete(journey, id)).as("delete %s", id).isFalse();
    }
  }

  @Test
  void filesAreListedOldestFirstAcrossQuestions() throws IOException {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile later = newFile(journey, "photos", 20);
    NewFile first = newFile(journey, "evidence", 0);
    NewFile middle = newFile(journey, "photos", 10);
    for (NewFile f : List.of(later, first, middle)) {
      store.put(f, new ByteArrayInputStream(bytes(7, 4)));
    }
    assertThat(store.list(journey)).extracting(StoredFile::id).containsExactly(first.id(), middle.id(), later.id());
    assertThat(store.list(journey)).extracting(StoredFile::questionId).containsExactly("evidence", "photos", "photos");
  }

  @Test
  void aPutWhoseContentFailsPartWayLeavesNothingBehind() {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile file = newFile(journey, "evidence", 0);
    InputStream failing = new InputStream() {
      private int given;

      @Override
      public int read() throws IOException {
        if (given++ >= 200_000) {
          throw new IOException("the browser went away");
        }
        return given & 0xff;
      }
    };
    assertThatThrownBy(() -> store.put(file, failing)).isInstanceOf(IOException.class)
        .hasMessageContaining("the browser went away");
    assertThat(store.list(journey)).isEmpty();
    assertThat(store.open(journey, file.id())).isEmpty();
  }

  @Test
  void deleteRemovesAFileAndDeletingAgainIsHarmless() throws IOException {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile keep = newFile(journey, "evidence", 0);
    NewFile gone = newFile(journey, "evidence", 1);
    store.put(keep, new ByteArrayInputStream(bytes(10, 5)));
    store.put(gone, new ByteArrayInputStream(bytes(10, 6)));
    assertThat(store.delete(journey, gone.id())).isTrue();
    assertThat(store.delete(journey, gone.id())).isFalse();
    assertThat(store.open(journey, gone.id())).isEmpty();
    assertThat(store.list(journey)).extracting(StoredFile::id).containsExactly(keep.id());
    assertThat(read(store, journey, keep.id())).isEqualTo(bytes(10, 5));
  }

  @Test
  void purgeDeletesEveryFileOfTheJourneyAndNoOther() throws IOException {
    FileStore store = newStore();
    JourneyId purged = JourneyId.random();
    JourneyId kept = JourneyId.random();
    for (int i = 0; i < 3; i++) {
      NewFile f = newFile(purged, "evidence", i);
      store.put(f, new ByteArrayInputStream(bytes(70_000, i)));
      if (i == 0) {
        store.markClean(purged, f.id());
      }
    }
    NewFile other = newFile(kept, "evidence", 0);
    store.put(other, new ByteArrayInputStream(bytes(10, 9)));
    assertThat(store.purge(purged)).isEqualTo(3);
    assertThat(store.list(purged)).isEmpty();
    assertThat(store.purge(purged)).isZero();
    assertThat(read(store, kept, other.id())).isEqualTo(bytes(10, 9));
  }

  @Test
  void aFileCanBeReadAgainAndByTwoReadersAtOnce() throws IOException {
    FileStore store = newStore();
    JourneyId journey = JourneyId.random();
    NewFile file = newFile(journey, "evidence", 0);
    byte[] content = bytes(200_000, 11);
    store.put(file, new ByteArrayInputStream(content));
    try (InputStream a = store.open(journey, file.id()).orElseThrow();
        InputStream b = store.open(journey, file.id()).orElseThrow()) {
      byte[] headA = a.readNBytes(100_000);
      byte[] all = b.readAllBytes();
      byte[] tailA = a.readAllBytes();
      assertThat(all).isEqualTo(content);
      byte[] joined = new byte[headA.length + tailA.length];
      System.arraycopy(headA, 0, joined, 0, headA.length);
      System.arraycopy(tailA, 0, joined, headA.length, tailA.length);
      assertThat(joined).isEqualTo(content);
    }
  }
}
