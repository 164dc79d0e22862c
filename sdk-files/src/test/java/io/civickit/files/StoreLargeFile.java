package io.civickit.files;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run in a child JVM with a small heap by {@link StreamingMemoryTest}: stores a generated file
 * much larger than the heap, reads it back, and checks the bytes by SHA-256. Prints one line
 * starting {@code OK} and exits 0 when all went well.
 *
 * <p>Arguments: {@code disk <folder> <megabytes>}, {@code h2 <folder> <megabytes>} or
 * {@code pg <jdbc url> <megabytes>}.
 */
public final class StoreLargeFile {
  private StoreLargeFile() {}

  /** Bytes from a seeded generator, made as they are read: never held whole. */
  static final class Generated extends InputStream {
    private final SplittableRandom random = new SplittableRandom(42);
    private long left;

    Generated(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      left -= n;
      return n;
    }
  }

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    long size = Long.parseLong(args[2]) * 1024 * 1024;
    KeyRing keys = KeyRing.generate("mem");
    FileStore store;
    switch (kind) {
      case "disk" -> store = FileStore.onDisk(Path.of(args[1]), keys);
      case "h2" -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + Path.of(args[1]).resolve("files") + ";CACHE_SIZE=2048");
        store = jdbc(ds);
      }
      case "pg" -> {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[1]);
        store = jdbc(ds);
      }
      default -> throw new IllegalArgumentException(kind);
    }
    JourneyId journey = JourneyId.random();
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    NewFile file = new NewFile(NewFile.newId(), journey, "evidence", "big.bin", "big.bin", "application/octet-stream",
        Instant.now());
    StoredFile stored;
    try (InputStream in = new DigestInputStream(new Generated(size), written)) {
      stored = store.put(file, in);
    }
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long count = 0;
    try (InputStream in = store.open(journey, file.id()).orElseThrow()) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        read.update(buf, 0, n);
        count += n;
      }
    }
    String w = HexFormat.of().formatHex(written.digest());
    String r = HexFormat.of().formatHex(read.digest());
    store.purge(journey);
    if (stored.ref().size() != size || count != size || !w.equals(r) || !w.equals(stored.ref().sha256())) {
      System.out.println("MISMATCH size=" + stored.ref().size() + " read=" + count + " written=" + w + " read=" + r);
      System.exit(1);
    }
    System.out.println("OK " + kind + " stored and read " + size + " bytes with a heap of at most "
        + Runtime.getRuntime().maxMemory() + " bytes");
  }

  private static FileStore jdbc(DataSource ds) throws IOException {
    Schema.install(ds, "files");
    return FileStore.jdbc(ds, KeyRing.generate("mem"));
  }
}
