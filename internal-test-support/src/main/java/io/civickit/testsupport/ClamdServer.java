package io.civickit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A clamd of the test class's own: Debian's {@code /usr/sbin/clamd} started as a child process
 * in the foreground, on a free port of 127.0.0.1, with a signature database this class writes
 * (one MD5 hash signature: the EICAR test file), and killed after the class. No signature
 * download is needed. Where clamd is not installed the class is skipped; with {@code CI=true}
 * it fails instead. Register it with {@code @RegisterExtension static}.
 */
public class ClamdServer implements BeforeAllCallback, AfterAllCallback {
  /** Debian's clamd. */
  public static final Path CLAMD = Path.of("/usr/sbin/clamd");
  /** The name clamd reports for the EICAR file. */
  public static final String SIGNATURE = "CivicKit.Test.EICAR";
  /** clamd's own limit on a stream, small so a test can pass it. */
  public static final int STREAM_MAX = 1024 * 1024;

  private final List<byte[]> alsoInfected;
  private Process process;
  private Path dir;
  private int port;
  private final List<String> output = new ArrayList<>();

  /** A clamd that finds the EICAR file (a whole file of its 68 bytes). */
  public ClamdServer() {
    this(new byte[0][]);
  }

  /**
   * A clamd that also finds these whole files (for a test's own "infected" PDF or image: the EICAR
   * bytes inside another type, which the type checks let through to the scan), each by an MD5
   * hash signature named {@link #SIGNATURE}.
   *
   * @param alsoInfected the files' bytes
   */
  public ClamdServer(byte[]... alsoInfected) {
    this.alsoInfected = List.of(alsoInfected);
  }

  /** The EICAR anti-virus test file, put together here so the source itself is not flagged. */
  public static byte[] eicar() {
    String s = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!" + "$H+H*";
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** @return whether {@code CI=true} */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!Files.isExecutable(CLAMD)) {
      String message = CLAMD + " is not installed: skipping " + context.getRequiredTestClass().getSimpleName()
          + ". Install Debian's clamav-daemon (apt-get install clamav-daemon) to run the virus scanning tests.";
      if (isCi()) {
        throw new AssertionError("CI=true but " + message);
      }
      Assumptions.abort(message);
    }
    dir = Files.createTempDirectory("civickit-clamd");
    Path db = Files.createDirectories(dir.resolve("db"));
    byte[] eicar = eicar();
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(eicar));
    StringBuilder signatures = new StringBuilder(md5 + ":" + eicar.length + ":" + SIGNATURE + "\n");
    for (byte[] f : alsoInfected) {
      signatures.append(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(f))).append(':')
          .append(f.length).append(':').append(SIGNATURE).append(".File\n");
    }
    Files.writeString(db.resolve("civickit-test.hdb"), signatures);
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path conf = dir.resolve("clamd.conf");
    Files.writeString(conf, String.join("\n",
        "Foreground yes",
        "TCPSocket " + port,
        "TCPAddr 127.0.0.1",
        "DatabaseDirectory " + db,
        "TemporaryDirectory " + dir,
        "PidFile " + dir.resolve("clamd.pid"),
        "StreamMaxLength " + STREAM_MAX,
        "SelfCheck 0",
        "") );
    process = new ProcessBuilder(CLAMD.toString(), "-c", conf.toString()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // clamd writes "Self checking ..." / its limits once its socket is bound: read until then.
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          synchronized (output) {
            output.add(line);
          }
          if (line.contains("Self checking") || line.contains("OneNote support")) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    boolean started;
    try {
      started = ready.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      started = false;
    }
    // keep draining its output so it never blocks on a full pipe
    CompletableFuture.runAsync(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    if (!started || !answersPing()) {
      String log;
      synchronized (output) {
        log = String.join("\n", output);
      }
      afterAll(context);
      throw new AssertionError("clamd did not start or did not answer PING with PONG; its output:\n" + log);
    }
  }

  /** @return the port clamd listens on, on 127.0.0.1 */
  public int port() {
    return port;
  }

  /** Stops clamd (for scanner-down tests); {@link #afterAll} is then harmless. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Whether clamd answers {@code zPING} with {@code PONG}. */
  private boolean answersPing() {
    try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("PONG");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    if (dir != null) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
