package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Answer;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Journeys;
import io.civickit.core.handoff.HandoffChannels;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffRouter;
import io.civickit.core.handoff.Handoffs;
import io.civickit.core.handoff.OpeningHours;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.forms.FormJourney;
import io.civickit.forms.Forms;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** File contents (and names) never reach the logs; a handoff's context carries no file bytes (nor names). */
class NoFileContentsLeakTest {
  @RegisterExtension
  static final ClamdServer CLAMD = new ClamdServer();

  private static final String CONTENT_MARKER = "CONTENT-MARKER-8842";
  private static final String NAME_MARKER = "NAME-MARKER-7731";

  @TempDir
  Path root;

  private static byte[] text() {
    return ("Proof of address for " + CONTENT_MARKER + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void logsOfEveryOutcomeNeverIncludeAFilesContentsOrName() throws Exception {
    FileStore store = FileStore.onDisk(root, KeyRing.generate("k"));
    UploadRules rules = UploadRules.builder().types("text/plain", "image/png").maxBytes(1000).files(0, 5)
        .minImageSize(50, 50).build();
    Uploads uploads = Uploads.builder().store(store).scanner(CLAMD.scanner()).defaultRules(rules).build();
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Uploads down = Uploads.builder().store(store)
        .scanner(VirusScanner.clamAv("127.0.0.1", closed, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .defaultRules(rules).build();
    JourneyId journey = JourneyId.random();
    String name = NAME_MARKER + ".txt";

    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<UploadResult> results;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      results = List.of(
          uploads.receive(journey, "q", name, "text/plain", new ByteArrayInputStream(java.util.Arrays.copyOf(text(), 900))),
          uploads.receive(journey, "q", name, "text/plain", new ByteArrayInputStream(text())),
          uploads.receive(journey, "q", name, CONTENT_MARKER, new ByteArrayInputStream(TestFiles.pdf())),
          uploads.receive(journey, "q", name, "text/plain", new ByteArrayInputStream(ClamdServer.eicar())),
          uploads.receive(journey, "q", NAME_MARKER + ".png", "image/png", new ByteArrayInputStream(TestFiles.png(5, 5))),
          down.receive(journey, "q", name, "text/plain", new ByteArrayInputStream(java.util.Arrays.copyOf(text(), 900))));
      uploads.remove(journey, "q", ((UploadResult.Stored) results.get(0)).file().id());
      uploads.purge(journey);
    } finally {
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(results).extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Stored", "Rejected", "Rejected", "Rejected", "Rejected", "HeldScannerDown");
    assertThat(logs).as("the logs were captured").contains("stored for journey " + journey)
        .contains("contains a virus").contains("is held").contains("TOO_BIG").contains("WRONG_TYPE")
        .contains("IMAGE_TOO_SMALL");
    assertThat(logs).doesNotContain(CONTENT_MARKER).doesNotContain("Proof of address").doesNotContain(NAME_MARKER);
  }

  @Test
  void aHandoffContextCarriesTheFileByReferenceNeverItsBytes() throws IOException {
    String form = """
        {"id": "fly-tipping", "version": 1, "title": {"en": "Report fly-tipping", "cy": "Rhoi gwybod am dipio anghyfreithlon"},
         "pages": [{"id": "evidence", "questions": [{"id": "evidence", "type": "file",
           "label": {"en": "Upload a photo", "cy": "Uwchlwythwch lun"},
           "errorNoun": {"en": "a photo", "cy": "llun"}}]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Report sent", "cy": "Adroddiad wedi’i anfon"},
           "body": {"en": "We will look into it.", "cy": "Byddwn yn ymchwilio."}}]}
        """;
    Clock clock = Clock.systemUTC();
    ProgressStore progress = ProgressStore.inMemory();
    Journeys journeys = Journeys.builder().definition(FormJourney.definition(Forms.read(form), clock))
        .store(progress).tokens(ResumeTokenStore.inMemory()).clock(clock).build();
    Handoffs handoffs = Handoffs.builder(journeys, HandoffRouter.builder(clock)
        .channel(HandoffChannels.phone("0300 123 4567", OpeningHours.always(), clock)).defaultRoute("phone").build())
        .build();
    FileStore store = FileStore.onDisk(root, KeyRing.generate("k"));
    Uploads uploads = Uploads.builder().store(store).scanner(CLAMD.scanner())
        .rules("evidence", UploadRules.builder().types("text/plain").build()).build();

    Journey j = journeys.start("fly-tipping");
    FileRef ref = ((UploadResult.Stored) uploads.receive(j.id(), "evidence", "notes.txt", "text/plain",
        new ByteArrayInputStream(java.util.Arrays.copyOf(text(), 900)))).file();
    // the runner saves the question's answer as references
    Journey withFile = j.toBuilder().answer("evidence", Answer.of(FileRef.toValue(uploads.list(j.id(), "evidence"))))
        .build();
    progress.save(withFile);

    HandoffRequest context = handoffs.context(j.id(), HandoffReason.ASKED_FOR_HELP, "asked for help", Optional.empty());
    // sdk-forms marks file questions sensitive: the adviser sees that there is a file answer, not its name
    assertThat(context.answers()).containsEntry("evidence", HandoffRequest.REDACTED);
    assertThat(context.toJson()).doesNotContain(CONTENT_MARKER).doesNotContain("Proof of address")
        .doesNotContain("notes.txt").doesNotContain(ref.sha256());
    assertThat(FileRef.fromValue(journeys.find(j.id()).orElseThrow().answer("evidence").orElseThrow().value()))
        .containsExactly(ref);
    try (InputStream in = uploads.open(j.id(), ref.id()).orElseThrow()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(CONTENT_MARKER);
    }
  }
}
