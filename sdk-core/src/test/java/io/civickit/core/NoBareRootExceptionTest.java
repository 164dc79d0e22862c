package io.civickit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link CivicKitException} is the root a host catches, never what CivicKit throws: every module's
 * {@code src/main} throws a specific subclass. Its constructors are protected, so only code in
 * {@code io.civickit.core} or an anonymous subclass could still make one; this scan of the whole
 * source tree catches both.
 */
class NoBareRootExceptionTest {

  private static final Pattern BARE = Pattern.compile("new\\s+(io\\.civickit\\.core\\.)?CivicKitException\\s*\\(");

  @Test
  void noMainSourceInAnyModuleMakesTheRootException() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("sdk-core/src/main/java/io/civickit/core/CivicKitException.java")).exists();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+(/[^/]+)?/src/main/.*"))
          .toList();
    }
    // the scan sees every module (sdk-core alone has more than 100 classes)
    assertThat(sources).hasSizeGreaterThan(300);
    List<String> bare = sources.stream().filter(p -> BARE.matcher(read(p)).find())
        .map(p -> root.relativize(p).toString()).toList();
    assertThat(bare).as("src/main files that throw the bare root exception").isEmpty();
  }

  @Test
  void theScanFindsABareOne() {
    assertThat(BARE.matcher("throw new CivicKitException(\"x\");").find()).isTrue();
    assertThat(BARE.matcher("throw new io.civickit.core.CivicKitException (\"x\") {};").find()).isTrue();
    assertThat(BARE.matcher("throw new ConfigurationException(\"x\", \"y\", \"z\");").find()).isFalse();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
