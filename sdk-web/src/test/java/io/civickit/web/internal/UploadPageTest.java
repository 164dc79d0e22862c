package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.files.FileRef;
import io.civickit.files.FileStore;
import io.civickit.files.UploadRules;
import io.civickit.files.Uploads;
import io.civickit.files.VirusScanner;
import io.civickit.forms.Forms;
import io.civickit.testsupport.ClamdServer;
import io.civickit.web.WebResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's upload page with a real clamd and files stored encrypted in a folder: multipart
 * bodies bounded before they are read, the CSRF token checked before a file is stored, removing
 * only by POST with the token, and the per-question count held under parallel uploads.
 */
class UploadPageTest {
  /** A PDF with the EICAR file appended: the right type, so only the scan can catch it. */
  static final byte[] INFECTED_PDF = concat(pdf(), ClamdServer.eicar());
  @RegisterExtension
  static final ClamdServer CLAMD = new ClamdServer(INFECTED_PDF);
  private static final String BOUNDARY = "----civickitTestBoundary7MA4YWxkTrZu0gW";
  private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
  /** The test form's evidence question: up to 100,000 bytes a file, 2 files. */
  private static final long MAX_BYTES = 100_000;

  @TempDir Path dir;
  private InProcess web;
  private Uploads uploads;
  private Path files;

  @BeforeEach
  void start() throws IOException {
    start(VirusScanner.clamAv("127.0.0.1", CLAMD.port(), Duration.ofSeconds(2), Duration.ofSeconds(20)));
  }

  private void start(VirusScanner scanner) throws IOException {
    if (web != null) {
      web.close();
    }
    files = dir.resolve("files-" + System.nanoTime());
    try (InputStream in = UploadPageTest.class.getResourceAsStream("/upload-form.json")) {
      uploads = Uploads.builder().store(FileStore.onDisk(files, KeyRing.generate("f1"))).scanner(scanner)
          .rules("evidence", UploadRules.from(Forms.read(in).question("evidence").orElseThrow())).build();
    }
    web = new InProcess(dir.resolve("db-" + System.nanoTime()), "/upload-form.json", b -> b.uploads(uploads));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  // ------------------------------------------------------------------------------------- helpers

  static byte[] png() {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, 0x1d70b8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] field(String name, String value) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] fileHead(String name, String filename, String type) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] end() {
    return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The body the page's upload form sends: the token, the file, the button. */
  static byte[] uploadBody(String csrf, String filename, String type, byte[] content) {
    return concat(field("csrf", csrf), fileHead("evidence", filename, type), content,
        ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nupload\r\n--" + BOUNDARY
            + "--\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] simpleUpload(String csrf, String filename, String type, byte[] content) {
    return concat(field("csrf", csrf), fileHead("evidence", filename, type), content, end());
  }

  /** A stream that counts what the runner read of it. */
  static final class Counted extends FilterInputStream {
    final AtomicLong read = new AtomicLong();

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }

  /** An endless run of zero bytes (a body that would never end). */
  static InputStream zeros(long n) {
    return new InputStream() {
      long left = n;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + k, (byte) 0);
        left -= k;
        return k;
      }
    };
  }

  private InProcess.Browser onUploadPage() {
    InProcess.Browser b = web.browser();
    b.get("/");
    assertThat(b.post("/start", Map.of()).status()).isEqualTo(303);
    WebResponse page = b.get("/apply/evidence");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.bodyText()).contains("enctype=\"multipart/form-data\"", "type=\"file\"");
    return b;
  }

  private JourneyId journeyOf(InProcess.Browser b) {
    String value = b.cookie.substring(b.cookie.indexOf('=') + 1);
    Sessions.Stored s = new Sessions(web.dataSource, web.clock, Duration.ofHours(1))
        .find(java.util.Optional.of(value)).orElseThrow();
    return s.get("journey").flatMap(JourneyId::tryParse).orElseThrow();
  }

  private long filesOnDisk() throws IOException {
    if (!Files.exists(files)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(files)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  // ------------------------------------------------------------------------------------- tests

  @Test
  void aFileIsScannedStoredListedAndShownOnCheckYourAnswers() {
    InProcess.Browser b = onUploadPage();
    byte[] body = uploadBody(b.csrf, "my garden.png", "image/png", png());
    WebResponse r = b.send("POST", "/apply/evidence", TYPE, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(303);
    WebResponse page = b.get("/apply/evidence");
    assertThat(page.bodyText()).contains("my garden.png", "Add another file", "name=\"remove\"");
    assertThat(b.post("/apply/evidence", Map.of("action", "continue")).status()).isEqualTo(303);
    WebResponse check = b.get("/apply/check-answers");
    assertThat(check.bodyText()).contains("my garden.png, " + png().length + " bytes", "href=\"/change/evidence\"");
    Journey j = web.runner.journeys().find(journeyOf(b)).orElseThrow();
    List<FileRef> answer = FileRef.fromValue(j.answer("evidence").orElseThrow().value());
    assertThat(answer).extracting(FileRef::name).containsExactly("my garden.png");
  }

  @Test
  void theVirusTestFileIsRefusedWithTheGovUkMessageAndNothingKept() throws IOException {
    InProcess.Browser b = onUploadPage();
    WebResponse r = b.send("POST", "/apply/evidence", TYPE,
        uploadBody(b.csrf, "notes.pdf", "application/pdf", INFECTED_PDF));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("The selected file contains a virus", "govuk-error-summary");
    assertThat(uploads.list(journeyOf(b), "evidence")).isEmpty();
    assertThat(filesOnDisk()).isZero();
  }

  @Test
  void aRequestDeclaredOverTheLimitIsRefusedWithTheMessageBeforeAnythingIsStored() throws IOException {
    InProcess.Browser b = onUploadPage();
    long bound = MAX_BYTES + UploadPage.HEADROOM;
    // declared far over the bound: not read at all, the connection closed
    Counted huge = new Counted(zeros(Long.MAX_VALUE));
    WebResponse r = b.send("POST", "/apply/evidence", TYPE, bound * UploadPage.DRAIN_FACTOR + 1, huge);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("The selected file must be smaller than 97KB");
    assertThat(r.header("Connection")).contains("close");
    assertThat(huge.read.get()).isZero();
    // declared just over the bound: read and thrown away (so a browser shows the page), never stored
    byte[] head = concat(field("csrf", b.csrf), fileHead("evidence", "big.png", "image/png"), png());
    long length = bound + 10;
    Counted over = new Counted(new SequenceInputStream(new java.io.ByteArrayInputStream(head),
        zeros(length - head.length)));
    r = b.send("POST", "/apply/evidence", TYPE, length, over);
    assertThat(r.bodyText()).contains("The selected file must be smaller than 97KB");
    assertThat(over.read.get()).isEqualTo(length);
    assertThat(uploads.list(journeyOf(b), "evidence")).isEmpty();
    assertThat(filesOnDisk()).isZero();
  }

  @Test
  void aFileOverTheLimitInABodyOfNoDeclaredLengthStopsAtTheLimit() throws IOException {
    InProcess.Browser b = onUploadPage();
    byte[] png = png();
    byte[] head = concat(field("csrf", b.csrf), fileHead("evidence", "big.png", "image/png"), png);
    Counted body = new Counted(new SequenceInputStream(new java.io.ByteArrayInputStream(head), zeros(10_000_000)));
    WebResponse r = b.send("POST", "/apply/evidence", TYPE, -1, body);
    assertThat(r.bodyText()).contains("The selected file must be smaller than 97KB");
    assertThat(body.read.get()).as("read no further than the request's bound")
        .isLessThanOrEqualTo(MAX_BYTES + UploadPage.HEADROOM + 64 * 1024);
    assertThat(uploads.list(journeyOf(b), "evidence")).isEmpty();
    assertThat(filesOnDisk()).isZero();
  }

  @Test
  void aMultipartPostWithoutTheTokenOrWithAWrongOneStoresNothing() throws IOException {
    InProcess.Browser b = onUploadPage();
    byte[] png = png();
    // no token at all
    byte[] big = concat(png, new byte[90_000]);
    Counted none = new Counted(new java.io.ByteArrayInputStream(concat(fileHead("evidence", "a.png", "image/png"), big,
        end())));
    WebResponse r = b.send("POST", "/apply/evidence", TYPE, -1, none);
    assertThat(r.status()).isEqualTo(403);
    assertThat(none.read.get()).as("the file's bytes were not read, but for the parser's buffer").isLessThan(20_000);
    // a wrong token
    r = b.send("POST", "/apply/evidence", TYPE, simpleUpload("not-the-token", "a.png", "image/png", png));
    assertThat(r.status()).isEqualTo(403);
    // the right token, but after the file: too late
    r = b.send("POST", "/apply/evidence", TYPE, concat(fileHead("evidence", "a.png", "image/png"), png, end(),
        field("csrf", b.csrf), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.status()).isEqualTo(403);
    // no session: refused unread
    InProcess.Browser stranger = web.browser();
    r = stranger.send("POST", "/apply/evidence", TYPE, simpleUpload("x", "a.png", "image/png", png));
    assertThat(r.status()).isEqualTo(403);
    assertThat(uploads.list(journeyOf(b), "evidence")).isEmpty();
    assertThat(filesOnDisk()).isZero();
    // and the same page takes it with the token
    r = b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "a.png", "image/png", png));
    assertThat(r.status()).isEqualTo(303);
    assertThat(uploads.list(journeyOf(b), "evidence")).hasSize(1);
  }

  @Test
  void removingAFileNeedsAPostWithTheToken() {
    InProcess.Browser b = onUploadPage();
    b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "a.png", "image/png", png()));
    JourneyId id = journeyOf(b);
    String fileId = uploads.list(id, "evidence").get(0).id();
    assertThat(b.get("/apply/evidence?remove=" + fileId).status()).isEqualTo(200);
    assertThat(uploads.list(id, "evidence")).hasSize(1);
    String token = b.csrf;
    b.csrf = "wrong";
    assertThat(b.post("/apply/evidence", Map.of("remove", fileId)).status()).isEqualTo(403);
    assertThat(uploads.list(id, "evidence")).hasSize(1);
    b.csrf = token;
    assertThat(b.post("/apply/evidence", Map.of("remove", fileId)).status()).isEqualTo(303);
    assertThat(uploads.list(id, "evidence")).isEmpty();
  }

  @Test
  void continuingNeedsEnoughFilesAndTheMostIsHeld() {
    InProcess.Browser b = onUploadPage();
    WebResponse r = b.post("/apply/evidence", Map.of("action", "continue"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("Select a file", "govuk-error-summary");
    b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "a.png", "image/png", png()));
    b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "b.pdf", "application/pdf", pdf()));
    WebResponse full = b.get("/apply/evidence");
    assertThat(full.bodyText()).contains("a.png", "b.pdf").doesNotContain("type=\"file\"");
    r = b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "c.png", "image/png", png()));
    assertThat(r.bodyText()).contains("You can only upload up to 2 files");
    assertThat(uploads.list(journeyOf(b), "evidence")).hasSize(2);
  }

  @Test
  void parallelUploadsNeverTakeAQuestionPastItsMostFiles() throws Exception {
    InProcess.Browser b = onUploadPage();
    JourneyId id = journeyOf(b);
    byte[] png = png();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    String cookie = b.cookie;
    String csrf = b.csrf;
    for (int i = 0; i < threads; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        InProcess.Browser same = web.browser();
        same.cookie = cookie;
        go.await();
        return same.send("POST", "/apply/evidence", TYPE, simpleUpload(csrf, "p" + n + ".png", "image/png", png))
            .status();
      }));
    }
    go.countDown();
    int stored = 0;
    for (Future<Integer> f : results) {
      if (f.get() == 303) {
        stored++;
      }
    }
    pool.shutdown();
    assertThat(uploads.list(id, "evidence")).hasSize(2);
    assertThat(stored).as("uploads answered as stored").isEqualTo(2);
  }

  @Test
  void withTheScannerDownTheFileIsHeldAndThePersonToldToTryLater() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    start(VirusScanner.clamAv("127.0.0.1", closed, Duration.ofMillis(500), Duration.ofSeconds(2)));
    InProcess.Browser b = onUploadPage();
    WebResponse r = b.send("POST", "/apply/evidence", TYPE, simpleUpload(b.csrf, "a.png", "image/png", png()));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("could not be checked for viruses");
    assertThat(uploads.list(journeyOf(b), "evidence")).as("never listed unscanned").isEmpty();
    assertThat(filesOnDisk()).as("held in the store for a later scan").isPositive();
  }
}
