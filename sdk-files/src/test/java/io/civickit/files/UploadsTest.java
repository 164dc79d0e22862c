package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.forms.LocalisedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Uploads end to end against a real clamd and an encrypted store on disk. */
class UploadsTest {
  @RegisterExtension
  static final ClamdServer CLAMD = new ClamdServer();

  private static final long LIMIT = 512 * 1024;

  @TempDir
  Path root;

  private FileStore store;
  private Uploads uploads;
  private final JourneyId journey = JourneyId.random();

  @BeforeEach
  void setUp() {
    store = FileStore.onDisk(root, KeyRing.generate("k1"));
    uploads = uploads(CLAMD.scanner());
  }

  private Uploads uploads(VirusScanner scanner) {
    return Uploads.builder().store(store).scanner(scanner)
        .rules("evidence", UploadRules.builder().maxBytes(LIMIT).files(1, 3).build())
        .rules("notes", UploadRules.builder().types("text/plain").maxBytes(LIMIT).files(0, 2).build())
        .rules("photo", UploadRules.builder().types("image/png", "image/jpeg").minImageSize(100, 100)
            .maxImageSize(1000, 1000).build())
        .rules("secret", UploadRules.builder().allowPasswordProtectedPdf(true).build())
        .build();
  }

  private UploadResult send(String question, String name, byte[] bytes) {
    return uploads.receive(journey, question, name, "application/octet-stream", new ByteArrayInputStream(bytes));
  }

  private static FileRef stored(UploadResult r) {
    assertThat(r).isInstanceOf(UploadResult.Stored.class);
    return ((UploadResult.Stored) r).file();
  }

  private static void assertRejected(UploadResult r, UploadResult.Reason reason, String en, String cy) {
    assertThat(r).isInstanceOfSatisfying(UploadResult.Rejected.class, rej -> {
      assertThat(rej.reason()).isEqualTo(reason);
      assertThat(rej.message()).isEqualTo(LocalisedText.of(en, cy));
    });
  }

  private byte[] readBack(FileRef f) throws IOException {
    try (InputStream in = uploads.open(journey, f.id()).orElseThrow()) {
      return in.readAllBytes();
    }
  }

  @Test
  void aPhotoAndAPdfAreStoredThenOneRemovedAndAnotherAdded() throws IOException {
    byte[] photo = TestFiles.png(40, 30);
    byte[] pdf = TestFiles.pdf();
    FileRef p = stored(send("evidence", "C:\\fakepath\\bins.png", photo));
    FileRef d = stored(send("evidence", "letter.pdf", pdf));
    assertThat(p.contentType()).isEqualTo("image/png");
    assertThat(p.name()).isEqualTo("bins.png");
    assertThat(d.contentType()).isEqualTo("application/pdf");
    assertThat(d.size()).isEqualTo(pdf.length);
    assertThat(uploads.list(journey, "evidence")).containsExactly(p, d);
    assertThat(readBack(p)).isEqualTo(photo);

    assertThat(uploads.remove(journey, "evidence", p.id())).isTrue();
    assertThat(uploads.remove(journey, "evidence", p.id())).isFalse();
    assertThat(uploads.list(journey, "evidence")).containsExactly(d);

    FileRef j = stored(send("evidence", "another.jpg", TestFiles.jpeg(20, 20)));
    assertThat(j.contentType()).isEqualTo("image/jpeg");
    assertThat(uploads.list(journey, "evidence")).containsExactly(d, j);
  }

  @Test
  void removeFindsNothingOfAnotherJourneyOrQuestion() {
    FileRef d = stored(send("evidence", "letter.pdf", TestFiles.pdf()));
    assertThat(uploads.remove(JourneyId.random(), "evidence", d.id())).isFalse();
    assertThat(uploads.remove(journey, "notes", d.id())).isFalse();
    assertThat(uploads.remove(journey, "evidence", "../" + d.id())).isFalse();
    assertThat(uploads.list(journey, "evidence")).containsExactly(d);
  }

  @Test
  void theEicarFileIsRefusedAsAVirusAndNothingIsKept() {
    UploadResult r = send("notes", "notes.txt", ClamdServer.eicar());
    assertRejected(r, UploadResult.Reason.VIRUS, "The selected file contains a virus",
        "Mae’r ffeil a ddewiswyd yn cynnwys feirws");
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void theEicarFileIsRefusedByTypeWhereOnlyPhotosAndPdfsAreAccepted() {
    assertRejected(send("evidence", "eicar.pdf", ClamdServer.eicar()), UploadResult.Reason.WRONG_TYPE,
        "The selected file must be a JPG, PNG or PDF", "Rhaid i’r ffeil a ddewiswyd fod yn JPG, PNG neu PDF");
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void theBytesDecideTheTypeNotTheNameOrTheBrowser() {
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    UploadResult r = uploads.receive(journey, "evidence", "scan.pdf", "application/pdf", new ByteArrayInputStream(html));
    assertThat(r).isInstanceOf(UploadResult.Rejected.class);
    assertThat(((UploadResult.Rejected) r).reason()).isEqualTo(UploadResult.Reason.WRONG_TYPE);
    // and a real PDF with a misleading name is a PDF
    assertThat(stored(send("evidence", "photo.jpg", TestFiles.pdf())).contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aFileOverTheLimitIsRefusedAndReadingStopsJustPastTheLimit() {
    long[] read = {0};
    InputStream huge = new InputStream() {
      private final byte[] header = TestFiles.pdf();

      @Override
      public int read() {
        long i = read[0]++;
        return i < header.length ? header[(int) i] & 0xff : ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = (byte) read();
        }
        return len;
      }
    };
    UploadResult r = uploads.receive(journey, "evidence", "big.pdf", "application/pdf", huge);
    assertRejected(r, UploadResult.Reason.TOO_BIG, "The selected file must be smaller than 512KB",
        "Rhaid i’r ffeil a ddewiswyd fod yn llai na 512KB");
    assertThat(read[0]).as("bytes read from a 'file' without end").isLessThanOrEqualTo(LIMIT + 16 * 1024);
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void aFileExactlyAtTheLimitIsAccepted() {
    byte[] pdf = TestFiles.pdf();
    byte[] padded = new byte[(int) LIMIT];
    System.arraycopy(pdf, 0, padded, 0, pdf.length);
    java.util.Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');
    assertThat(stored(send("evidence", "exact.pdf", padded)).size()).isEqualTo(LIMIT);
  }

  @Test
  void noFileChosenAndAnEmptyFileHaveTheirOwnMessages() {
    assertRejected(send("evidence", "", new byte[0]), UploadResult.Reason.NO_FILE, "Select a file", "Dewiswch ffeil");
    assertRejected(send("evidence", "empty.pdf", new byte[0]), UploadResult.Reason.EMPTY, "The selected file is empty",
        "Mae’r ffeil a ddewiswyd yn wag");
  }

  @Test
  void passwordProtectedPdfsAreRefusedUnlessTheQuestionAllowsThem() {
    assertRejected(send("evidence", "locked.pdf", TestFiles.pdf("open-sesame", "owner")),
        UploadResult.Reason.PASSWORD_PROTECTED, "The selected file is password protected",
        "Mae’r ffeil a ddewiswyd wedi’i diogelu gan gyfrinair");
    assertRejected(send("evidence", "restricted.pdf", TestFiles.pdf(null, "owner-only")),
        UploadResult.Reason.PASSWORD_PROTECTED, "The selected file is password protected",
        "Mae’r ffeil a ddewiswyd wedi’i diogelu gan gyfrinair");
    assertThat(store.list(journey)).isEmpty();
    assertThat(stored(send("secret", "locked.pdf", TestFiles.pdf("open-sesame", "owner"))).contentType())
        .isEqualTo("application/pdf");
  }

  @Test
  void imagesOutsideTheDimensionsAreRefusedFromTheirHeader() {
    assertRejected(send("photo", "small.png", TestFiles.png(50, 200)), UploadResult.Reason.IMAGE_TOO_SMALL,
        "The selected image must be at least 100 pixels wide and 100 pixels high",
        "Rhaid i’r ddelwedd a ddewiswyd fod o leiaf 100 picsel o led a 100 picsel o uchder");
    assertRejected(send("photo", "wide.jpg", TestFiles.jpeg(1200, 100)), UploadResult.Reason.IMAGE_TOO_LARGE,
        "The selected image must be no more than 1000 pixels wide and 1000 pixels high",
        "Rhaid i’r ddelwedd a ddewiswyd fod dim mwy na 1000 picsel o led a 1000 picsel o uchder");
    assertThat(stored(send("photo", "ok.png", TestFiles.png(100, 1000))).contentType()).isEqualTo("image/png");
  }

  @Test
  void anImageWhoseHeaderIsBrokenIsRefusedAsTheWrongType() {
    byte[] png = TestFiles.png(10, 10);
    byte[] broken = java.util.Arrays.copyOf(png, 20);
    assertRejected(send("photo", "broken.png", broken), UploadResult.Reason.WRONG_TYPE,
        "The selected file must be a PNG or JPG", "Rhaid i’r ffeil a ddewiswyd fod yn PNG neu JPG");
  }

  @Test
  void aQuestionTakesNoMoreThanItsMostFilesAndSaysWhenTooFew() {
    assertThat(uploads.checkEnough(journey, "evidence")).contains(LocalisedText.of("Select a file", "Dewiswch ffeil"));
    for (int i = 0; i < 3; i++) {
      stored(send("evidence", "f" + i + ".pdf", TestFiles.pdf()));
    }
    assertThat(uploads.checkEnough(journey, "evidence")).isEmpty();
    assertRejected(send("evidence", "f4.pdf", TestFiles.pdf()), UploadResult.Reason.TOO_MANY,
        "You can only upload up to 3 files", "Dim ond hyd at 3 ffeil y gallwch eu huwchlwytho");
    assertThat(uploads.list(journey, "evidence")).hasSize(3);
    assertThat(uploads.checkEnough(journey, "notes")).as("optional question").isEmpty();
  }

  @Test
  void whenTheScannerIsDownTheFileIsHeldNeverListedAndReleasedByARescan() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Uploads down = uploads(VirusScanner.clamAv("127.0.0.1", closedPort, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    UploadResult r = down.receive(journey, "evidence", "letter.pdf", "application/pdf",
        new ByteArrayInputStream(TestFiles.pdf()));
    assertThat(r).isInstanceOfSatisfying(UploadResult.HeldScannerDown.class, h -> assertThat(h.message()).isEqualTo(
        LocalisedText.of("The selected file could not be checked for viruses – try again later",
            "Nid oedd modd gwirio’r ffeil a ddewiswyd am feirysau – rhowch gynnig arall arni yn nes ymlaen")));
    FileRef held = ((UploadResult.HeldScannerDown) r).file();
    assertThat(down.list(journey, "evidence")).isEmpty();
    assertThat(down.open(journey, held.id())).isEmpty();
    assertThat(store.list(journey)).singleElement().extracting(StoredFile::state).isEqualTo(FileState.QUARANTINED);
    assertThat(down.checkEnough(journey, "evidence")).isPresent();

    UploadResult heldVirus = down.receive(journey, "notes", "notes.txt", "text/plain",
        new ByteArrayInputStream(ClamdServer.eicar()));
    assertThat(heldVirus).isInstanceOf(UploadResult.HeldScannerDown.class);

    assertThat(down.rescanHeld(journey)).allMatch(x -> x instanceof UploadResult.HeldScannerDown);
    assertThat(uploads.rescanHeld(journey)).satisfiesExactly(
        x -> assertThat(x).isEqualTo(new UploadResult.Stored(held)),
        x -> assertThat(x).isInstanceOfSatisfying(UploadResult.Rejected.class,
            rej -> assertThat(rej.reason()).isEqualTo(UploadResult.Reason.VIRUS)));
    assertThat(uploads.list(journey, "evidence")).containsExactly(held);
    assertThat(store.list(journey)).hasSize(1);
  }

  @Test
  void anUploadThatBreaksOffIsRefusedAndKeepsNothing() {
    InputStream breaks = new InputStream() {
      private int n;
      private final byte[] pdf = TestFiles.pdf();

      @Override
      public int read() throws IOException {
        if (n >= 100_000) {
          throw new IOException("connection reset");
        }
        return n < pdf.length ? pdf[n++] & 0xff : (n++ & 0) + ' ';
      }
    };
    assertRejected(uploads.receive(journey, "evidence", "a.pdf", "application/pdf", breaks), UploadResult.Reason.FAILED,
        "The selected file could not be uploaded – try again",
        "Nid oedd modd uwchlwytho’r ffeil a ddewiswyd – rhowch gynnig arall arni");
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void namesAreSanitisedAndTheOriginalKeptOnlyForDisplay() {
    FileRef f = stored(send("evidence", "../../etc/<script>alert(1)</script>.pdf", TestFiles.pdf()));
    assertThat(f.name()).isEqualTo("script_.pdf");
    assertThat(store.list(journey).get(0).originalName()).isEqualTo("../../etc/<script>alert(1)</script>.pdf");
  }

  @Test
  void purgeDeletesTheJourneysFiles() {
    stored(send("evidence", "a.pdf", TestFiles.pdf()));
    stored(send("notes", "a.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(uploads.purge(journey)).isEqualTo(2);
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void anExpiredJourneysFilesArePurgedByTheEventSinkAndOtherEventsLeaveThemAlone() {
    stored(send("evidence", "a.pdf", TestFiles.pdf()));
    io.civickit.core.event.JourneyEvent.Subject subject = new io.civickit.core.event.JourneyEvent.Subject(journey,
        "fly-tipping", 1, io.civickit.core.Channel.ONLINE, java.util.Optional.empty(), java.util.Map.of());
    uploads.purgeOnExpiry().publish(new io.civickit.core.event.JourneyEvent.Abandoned(subject, java.time.Instant.now(),
        "evidence"));
    assertThat(store.list(journey)).hasSize(1);
    uploads.purgeOnExpiry().publish(new io.civickit.core.event.JourneyEvent.Expired(subject, java.time.Instant.now(),
        "evidence"));
    assertThat(store.list(journey)).isEmpty();
  }

  @Test
  void rulesComeFromAFormsFileQuestion() {
    io.civickit.forms.Question q = io.civickit.forms.Question.builder("proof", io.civickit.forms.QuestionType.FILE)
        .label("Upload proof", "Uwchlwythwch brawf")
        .errorNoun("proof", "prawf")
        .fileType(".pdf").fileType("image/png").maxFileBytes(2 * 1024 * 1024).build();
    UploadRules r = UploadRules.from(q);
    assertThat(r.allowedTypes()).containsExactly("application/pdf", "image/png");
    assertThat(r.maxBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(r.minFiles()).isEqualTo(q.required() ? 1 : 0);
  }
}
