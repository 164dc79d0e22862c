package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.progress.Schema;
import io.civickit.testsupport.PostgresDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores stream: each stores and reads back a 64 MiB file in a child JVM whose whole heap is
 * 24 MiB, which it could not do holding the file (or a large part of it) in memory. Memory is
 * the measure, not time.
 */
class StreamingMemoryTest {
  static final String HEAP = "-Xmx24m";
  static final int MEGABYTES = 64;

  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @TempDir
  Path dir;

  private static String runChild(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", System.getProperty("java.class.path"), StoreLargeFile.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertThat(code).as("exit code of %s; output:%n%s", args[0], out).isZero();
    return out;
  }

  @Test
  void theDiskStoreStoresAndReadsAFileLargerThanTheHeap() throws Exception {
    assertThat(runChild("disk", dir.toString(), Integer.toString(MEGABYTES))).contains("OK disk stored and read 67108864 bytes");
  }

  @Test
  void theH2StoreStoresAndReadsAFileLargerThanTheHeap() throws Exception {
    assertThat(runChild("h2", dir.toString(), Integer.toString(MEGABYTES))).contains("OK h2 stored and read 67108864 bytes");
  }

  @Test
  void thePostgresStoreStoresAndReadsAFileLargerThanTheHeap() throws Exception {
    Schema.install(PG.dataSource(), "files");
    assertThat(runChild("pg", PG.jdbcUrl(), Integer.toString(MEGABYTES))).contains("OK pg stored and read 67108864 bytes");
  }

  @Test
  void theChildHeapIsTooSmallToHoldTheFile() throws Exception {
    // guards the test itself: if the heap could hold the file, the tests above would prove nothing
    assertThat(24L * 1024 * 1024).isLessThan(MEGABYTES * 1024L * 1024 / 2);
  }
}
