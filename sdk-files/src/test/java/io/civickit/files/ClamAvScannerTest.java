package io.civickit.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ClamAV scanner against a real clamd, and against a scanner that is down or never answers. */
class ClamAvScannerTest {
  @RegisterExtension
  static final ClamdServer CLAMD = new ClamdServer();

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  @Test
  void theEicarTestFileIsFoundInfectedWithItsSignatureName() {
    ScanResult r = CLAMD.scanner().scan(new ByteArrayInputStream(ClamdServer.eicar()));
    assertThat(r).isInstanceOfSatisfying(ScanResult.Infected.class,
        i -> assertThat(i.signature()).startsWith(ClamdServer.SIGNATURE));
  }

  @Test
  void aCleanFileSentInSeveralChunksIsClean() {
    assertThat(CLAMD.scanner().scan(new ByteArrayInputStream(random(300_000)))).isEqualTo(new ScanResult.Clean());
  }

  @Test
  void anEmptyStreamIsClean() {
    assertThat(CLAMD.scanner().scan(new ByteArrayInputStream(new byte[0]))).isEqualTo(new ScanResult.Clean());
  }

  @Test
  void theEicarFileAfterCleanBytesInTheSameStreamIsNotFoundByAHashSignature() {
    // a hash signature matches whole files only: documents what the test database can and cannot do
    byte[] mixed = new byte[100 + ClamdServer.eicar().length];
    System.arraycopy(ClamdServer.eicar(), 0, mixed, 100, ClamdServer.eicar().length);
    assertThat(CLAMD.scanner().scan(new ByteArrayInputStream(mixed))).isEqualTo(new ScanResult.Clean());
  }

  @Test
  void aFileLargerThanClamdsStreamLimitIsUnavailableNeverClean() {
    ScanResult r = CLAMD.scanner().scan(new ByteArrayInputStream(random(ClamdServer.STREAM_MAX + 200_000)));
    assertThat(r).isInstanceOfSatisfying(ScanResult.ScannerUnavailable.class,
        u -> assertThat(u.reason()).contains("size limit"));
  }

  @Test
  void pingAnswersWhileClamdRuns() {
    assertThat(CLAMD.scanner().isAvailable()).isTrue();
  }

  @Test
  void nothingListeningIsUnavailable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    VirusScanner down = VirusScanner.clamAv("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(down.scan(new ByteArrayInputStream(ClamdServer.eicar())))
        .isInstanceOf(ScanResult.ScannerUnavailable.class);
    assertThat(down.isAvailable()).isFalse();
  }

  @Test
  void aServerThatNeverAnswersIsUnavailableAfterTheReadTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> accepting = CompletableFuture.runAsync(() -> {
        try (Socket a = silent.accept(); Socket b = silent.accept(); InputStream in = a.getInputStream()) {
          in.readAllBytes(); // swallow the request, never reply
        } catch (IOException ignored) {
          // closed at the end of the test
        }
      });
      VirusScanner silentScanner = VirusScanner.clamAv("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(1),
          Duration.ofMillis(300));
      ScanResult r = silentScanner.scan(new ByteArrayInputStream(random(1000)));
      assertThat(r).isInstanceOfSatisfying(ScanResult.ScannerUnavailable.class,
          u -> assertThat(u.reason()).contains("did not answer"));
      assertThat(silentScanner.isAvailable()).isFalse();
      silent.close();
      accepting.handle((v, e) -> null).get();
    }
  }

  @Test
  void contentThatCannotBeReadIsUnavailableNotClean() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    assertThat(CLAMD.scanner().scan(broken)).isInstanceOfSatisfying(ScanResult.ScannerUnavailable.class,
        u -> assertThat(u.reason()).contains("could not be read"));
  }
}
