package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.Schema;
import io.civickit.testsupport.H2Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is at rest is ciphertext, and chunks cannot be reordered, swapped between files or cut
 * off without the read failing.
 */
class EncryptedAtRestTest {
  private static final String MARKER = "COUNCIL-TAX-PROOF-OF-ADDRESS ";
  private final KeyRing keys = KeyRing.generate("k1");
  private final JourneyId journey = JourneyId.random();

  @TempDir
  Path root;

  private static byte[] content() {
    return MARKER.repeat(10_000).getBytes(StandardCharsets.US_ASCII); // ~290 KB: five chunks
  }

  private NewFile newFile(String name) {
    return new NewFile(NewFile.newId(), journey, "evidence", Filenames.sanitise(name), name, "text/plain", Instant.now());
  }

  private static void assertReadFails(FileStore store, JourneyId journey, String id) {
    assertThatThrownBy(() -> {
      try (InputStream in = store.open(journey, id).orElseThrow()) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class);
  }

  // ---------------------------------------------------------------- disk

  private static List<byte[]> frames(Path data) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(data)))) {
      while (in.available() > 0) {
        out.add(in.readNBytes(in.readInt()));
      }
    }
    return out;
  }

  private static void writeFrames(Path data, List<byte[]> frames) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      for (byte[] f : frames) {
        out.writeInt(f.length);
        out.write(f);
      }
    }
    Files.write(data, b.toByteArray());
  }

  @Test
  void onDiskNeitherTheBytesNorTheNameAppearInPlainText() throws IOException {
    FileStore store = FileStore.onDisk(root, keys);
    NewFile f = newFile("Siân Jones passport.pdf");
    store.put(f, new ByteArrayInputStream(content()));
    try (var files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(raw).as(p.toString()).doesNotContain("COUNCIL-TAX").doesNotContain("passport").doesNotContain("Jones");
      }
    }
  }

  @Test
  void onDiskSwappedOrCutChunksFailTheRead() throws IOException {
    FileStore store = FileStore.onDisk(root, keys);
    NewFile f = newFile("a.txt");
    store.put(f, new ByteArrayInputStream(content()));
    Path data = root.resolve(journey.value()).resolve(f.id() + ".data");
    List<byte[]> original = frames(data);
    assertThat(original).hasSizeGreaterThan(2);

    List<byte[]> swapped = new ArrayList<>(original);
    swapped.set(0, original.get(1));
    swapped.set(1, original.get(0));
    writeFrames(data, swapped);
    assertReadFails(store, journey, f.id());

    writeFrames(data, original.subList(0, original.size() - 1));
    assertReadFails(store, journey, f.id());

    writeFrames(data, original);
    try (InputStream in = store.open(journey, f.id()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(content());
    }
  }

  @Test
  void onDiskAChunkMovedFromAnotherFileFailsTheRead() throws IOException {
    FileStore store = FileStore.onDisk(root, keys);
    NewFile a = newFile("a.txt");
    NewFile b = newFile("b.txt");
    store.put(a, new ByteArrayInputStream(content()));
    store.put(b, new ByteArrayInputStream(content()));
    Path dir = root.resolve(journey.value());
    List<byte[]> fromA = frames(dir.resolve(a.id() + ".data"));
    List<byte[]> intoB = new ArrayList<>(frames(dir.resolve(b.id() + ".data")));
    intoB.set(2, fromA.get(2));
    writeFrames(dir.resolve(b.id() + ".data"), intoB);
    assertReadFails(store, journey, b.id());
  }

  @Test
  void aStoreWithoutTheKeyCannotReadTheFiles() throws IOException {
    FileStore store = FileStore.onDisk(root, keys);
    NewFile f = newFile("a.txt");
    store.put(f, new ByteArrayInputStream(content()));
    FileStore other = FileStore.onDisk(root, KeyRing.generate("k1"));
    assertThatThrownBy(() -> other.list(journey)).isInstanceOf(FileStoreException.class)
        .hasMessageContaining(f.id()).hasMessageNotContaining("a.txt");
  }

  // ---------------------------------------------------------------- database

  private DataSource h2() {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds, "files");
    return ds;
  }

  private static void sql(DataSource ds, String statement, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  @Test
  void inTheDatabaseNeitherTheBytesNorTheNameAppearInPlainText() throws Exception {
    DataSource ds = h2();
    FileStore store = FileStore.jdbc(ds, keys);
    store.put(newFile("Siân Jones passport.pdf"), new ByteArrayInputStream(content()));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String q : List.of("SELECT meta FROM civickit_files", "SELECT data FROM civickit_file_chunks")) {
        try (ResultSet r = s.executeQuery(q)) {
          while (r.next()) {
            String raw = new String(r.getBytes(1), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("COUNCIL-TAX").doesNotContain("passport").doesNotContain("Jones");
          }
        }
      }
    }
  }

  @Test
  void inTheDatabaseSwappedMovedOrMissingChunksFailTheRead() throws Exception {
    DataSource ds = h2();
    FileStore store = FileStore.jdbc(ds, keys);
    NewFile a = newFile("a.txt");
    NewFile b = newFile("b.txt");
    store.put(a, new ByteArrayInputStream(content()));
    store.put(b, new ByteArrayInputStream(content()));

    // swap positions 0 and 1 of file a
    sql(ds, "UPDATE civickit_file_chunks SET chunk_index = -1 WHERE file_id = ? AND chunk_index = 0", a.id());
    sql(ds, "UPDATE civickit_file_chunks SET chunk_index = 0 WHERE file_id = ? AND chunk_index = 1", a.id());
    sql(ds, "UPDATE civickit_file_chunks SET chunk_index = 1 WHERE file_id = ? AND chunk_index = -1", a.id());
    assertReadFails(store, journey, a.id());

    // give b's chunk 2 to ... b, from a
    sql(ds, "DELETE FROM civickit_file_chunks WHERE file_id = ? AND chunk_index = 2", b.id());
    sql(ds, "INSERT INTO civickit_file_chunks (file_id, journey_id, chunk_index, data) SELECT ?, journey_id, "
        + "chunk_index, data FROM civickit_file_chunks WHERE file_id = ? AND chunk_index = 2", b.id(), a.id());
    assertReadFails(store, journey, b.id());

    // cut the last chunk off a third file
    NewFile c = newFile("c.txt");
    store.put(c, new ByteArrayInputStream(content()));
    sql(ds, "DELETE FROM civickit_file_chunks WHERE file_id = ? AND chunk_index = "
        + "(SELECT MAX(chunk_index) FROM civickit_file_chunks WHERE file_id = ?)", c.id(), c.id());
    assertReadFails(store, journey, c.id());
  }

  @Test
  void aRecordMovedToAnotherJourneyDoesNotDecrypt() throws Exception {
    DataSource ds = h2();
    FileStore store = FileStore.jdbc(ds, keys);
    NewFile a = newFile("a.txt");
    store.put(a, new ByteArrayInputStream(content()));
    JourneyId thief = JourneyId.random();
    sql(ds, "UPDATE civickit_files SET journey_id = ? WHERE file_id = ?", thief.value(), a.id());
    assertThatThrownBy(() -> store.list(thief)).isInstanceOf(FileStoreException.class);
  }
}
