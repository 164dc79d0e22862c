package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.files.internal.Checks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/** Properties of the checks: file names always come out safe; no bytes make a check throw. */
class UploadChecksProperties {
  private static Path root;
  private static final Uploads UPLOADS;

  static {
    try {
      root = Files.createTempDirectory("civickit-files-props");
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    FileStore store = FileStore.onDisk(root, KeyRing.generate("p"));
    // a scanner that reads every byte and finds nothing: these properties are about the checks, not ClamAV
    VirusScanner readsAll = new VirusScanner() {
      @Override
      public ScanResult scan(InputStream content) {
        try {
          content.transferTo(OutputSink.INSTANCE);
          return new ScanResult.Clean();
        } catch (IOException e) {
          return new ScanResult.ScannerUnavailable(e.toString());
        }
      }

      @Override
      public boolean isAvailable() {
        return true;
      }
    };
    UPLOADS = Uploads.builder().store(store).scanner(readsAll)
        .defaultRules(UploadRules.builder().types("image/*", "application/pdf", "text/plain").maxBytes(20_000)
            .files(0, 100).minImageSize(2, 2).build())
        .build();
  }

  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> hostileNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("./\\:*?\"<>| \t\u202e\u200b\u0000CONconprnLPT1.").ofMaxLength(40),
        Arbitraries.strings().alpha().numeric().withChars(" ._-()").ofMaxLength(150).map(s -> s + ".pdf"),
        Arbitraries.of("..", ".", "", " ", "CON", "con.txt", "LPT1.pdf", "../../etc/passwd", "C:\\fakepath\\x.jpg",
            "\u202egpj.exe", "a\u0000b.pdf", "é.pdf", "e\u0301.pdf"));
  }

  @Property(tries = 2000)
  void aSanitisedNameIsAlwaysSafeAndSanitisingIsIdempotent(@ForAll("hostileNames") String name) {
    String s = Filenames.sanitise(name);
    assertThat(Filenames.isSanitised(s)).as("'%s' from '%s'", s, name).isTrue();
    assertThat(s).doesNotContain("/", "\\", "..", "\u0000", "\u202e").hasSizeLessThanOrEqualTo(Filenames.MAX_LENGTH);
    assertThat(Filenames.sanitise(s)).isEqualTo(s);
  }

  @Property
  void anOrdinaryNameIsKeptAsItIs(@ForAll("ordinary") String stem, @ForAll("extensions") String ext) {
    assertThat(Filenames.sanitise(stem + ext)).isEqualTo(stem + ext);
    assertThat(Filenames.sanitise("C:\\fakepath\\" + stem + ext)).isEqualTo(stem + ext);
  }

  @Provide
  Arbitrary<String> ordinary() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40)
        .filter(s -> !java.util.Set.of("con", "prn", "aux", "nul").contains(s.toLowerCase(java.util.Locale.ROOT))
            && !s.toLowerCase(java.util.Locale.ROOT).matches("(com|lpt)[1-9]"));
  }

  @Provide
  Arbitrary<String> extensions() {
    return Arbitraries.of(".pdf", ".jpg", ".png", ".docx", "");
  }

  @Property(tries = 200)
  void typeDetectionAndImageHeadersNeverThrow(@ForAll @Size(max = 3000) byte[] bytes, @ForAll("hostileNames") String name) {
    assertThat(Checks.detect(bytes, bytes.length, name)).matches("[a-z0-9.+-]+/[a-z0-9.+-]+");
    for (String type : new String[] {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff", "image/webp"}) {
      assertThat(Checks.imageHeader(type, new ByteArrayInputStream(bytes))).isNotNull();
    }
  }

  @Property(tries = 300)
  void imageHeadersOfDamagedImagesNeverThrow(@ForAll @IntRange(min = 0, max = 400) int cut,
      @ForAll @IntRange(min = 0, max = 399) int flip, @ForAll byte value) {
    for (byte[] image : new byte[][] {TestFiles.png(30, 20), TestFiles.jpeg(30, 20)}) {
      byte[] damaged = java.util.Arrays.copyOf(image, Math.min(image.length, cut));
      if (flip < damaged.length) {
        damaged[flip] = value;
      }
      String type = image[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
      assertThat(Checks.imageHeader(type, new ByteArrayInputStream(damaged))).isNotNull();
    }
  }

  @Property(tries = 300)
  void receivingAnyBytesUnderAnyNameGivesAResultNeverAnException(@ForAll @Size(max = 30_000) byte[] bytes,
      @ForAll("hostileNames") String name, @ForAll("prefixes") String prefix) throws IOException {
    byte[] content = new byte[prefix.length() + bytes.length];
    System.arraycopy(prefix.getBytes(StandardCharsets.ISO_8859_1), 0, content, 0, prefix.length());
    System.arraycopy(bytes, 0, content, prefix.length(), bytes.length);
    JourneyId journey = JourneyId.random();
    UploadResult r = UPLOADS.receive(journey, "q", name, "x/y", new ByteArrayInputStream(content));
    assertThat(r).isNotNull();
    if (r instanceof UploadResult.Stored s) {
      try (InputStream in = UPLOADS.open(journey, s.file().id()).orElseThrow()) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
      assertThat(content.length).isLessThanOrEqualTo(20_000);
    } else {
      assertThat(UPLOADS.list(journey, "q")).isEmpty();
    }
    UPLOADS.purge(journey);
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.of("", "%PDF-1.7\n", "\u0089PNG\r\n\u001a\n", "\u00ff\u00d8\u00ff\u00e0", "GIF89a", "BM",
        "%PDF-1.4\ntrailer << /Encrypt 5 0 R >>\n");
  }

  @Property(tries = 500)
  void theEncryptKeyIsSeenWhereverTheReadsSplitIt(@ForAll @Size(max = 200) byte[] before,
      @ForAll @Size(max = 200) byte[] after, @ForAll @IntRange(min = 1, max = 17) int readSize,
      @ForAll boolean present) throws IOException {
    byte[] key = (present ? "/Encrypt " : "/Encrypted").getBytes(StandardCharsets.US_ASCII);
    byte[] cleanBefore = strip(before);
    byte[] cleanAfter = strip(after);
    byte[] all = new byte[cleanBefore.length + key.length + cleanAfter.length];
    System.arraycopy(cleanBefore, 0, all, 0, cleanBefore.length);
    System.arraycopy(key, 0, all, cleanBefore.length, key.length);
    System.arraycopy(cleanAfter, 0, all, cleanBefore.length + key.length, cleanAfter.length);
    Checks.PdfEncryptionWatch watch = new Checks.PdfEncryptionWatch(new ByteArrayInputStream(all));
    byte[] buf = new byte[readSize];
    while (watch.read(buf, 0, readSize) >= 0) {
      // read in small pieces
    }
    assertThat(watch.encrypted()).isEqualTo(present);
  }

  /** Removes '/' so random bytes never spell the key themselves. */
  private static byte[] strip(byte[] b) {
    byte[] out = b.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '/') {
        out[i] = 'x';
      }
    }
    return out;
  }
}
