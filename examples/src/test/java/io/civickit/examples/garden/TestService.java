package io.civickit.examples.garden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.civickit.test.pay.FakeGovUkPay;
import io.civickit.web.PasswordHash;
import io.civickit.web.ServiceSettings;
import io.civickit.web.StaffAccount;

/**
 * The garden waste service started in this JVM on a free port, with its H2 database, secrets and
 * file outbox in a temporary folder; restartable on the same port and folder.
 */
final class TestService implements AutoCloseable {
  static final String STAFF_USER = "adviser";
  static final String STAFF_PASSWORD = "correct horse battery staple";
  /** Base32 TOTP secret of the test adviser. */
  static final String STAFF_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  /** A second adviser, signing in with a password only. */
  static final String SUPERVISOR = "supervisor";

  final Path dir;
  /** Settings beyond the example's own (a fake GOV.UK Pay the test holds). */
  private final Map<String, String> extra;
  GardenWasteApp app;
  private final Set<Path> seen = new HashSet<>();

  private final java.util.function.UnaryOperator<ServiceSettings> more;

  TestService(Path dir) {
    this(dir, Map.of(), s -> s);
  }

  /** The service with more settings (a clamd for uploads, say). */
  TestService(Path dir, java.util.function.UnaryOperator<ServiceSettings> more) {
    this(dir, Map.of(), more);
  }

  private TestService(Path dir, Map<String, String> extra, java.util.function.UnaryOperator<ServiceSettings> more) {
    this.dir = dir;
    this.extra = Map.copyOf(extra);
    this.more = more;
    this.app = GardenWasteApp.start(more.apply(settings(dir, "0", this.extra)));
  }

  /** The service taking payments on a fake GOV.UK Pay the test holds, with webhooks signed by {@code secret}. */
  static TestService payingOn(Path dir, FakeGovUkPay pay, String secret) {
    return new TestService(dir, Map.of("pay.api-key", pay.apiKey(), "pay.base-url", pay.baseUri().toString(),
        "pay.webhook-secret", secret), s -> s);
  }

  /** The example's own settings, in a temporary folder, with the test advisers. */
  static ServiceSettings settings(Path dir, String port) {
    return settings(dir, port, Map.of());
  }

  private static ServiceSettings settings(Path dir, String port, Map<String, String> extra) {
    ServiceSettings s = GardenWasteApp.settings(new String[0], Map.of()).with("port", port)
        .with("data-dir", dir.resolve("data").toString()).with("outbox-dir", dir.resolve("outbox").toString())
        .staff(new StaffAccount(STAFF_USER, PasswordHash.hash(STAFF_PASSWORD.toCharArray(), 1000),
            Optional.of(STAFF_TOTP)))
        .staff(new StaffAccount(SUPERVISOR, PasswordHash.hash(STAFF_PASSWORD.toCharArray(), 1000),
            Optional.empty()));
    extra.forEach(s::with);
    return s;
  }

  static TestService start(Path dir) {
    return new TestService(dir);
  }

  String url(String path) {
    return app.url() + path;
  }

  /** Stops the server and starts a new one on the same port and data: nothing survives but what was saved. */
  void restart() {
    int port = app.port();
    app.close();
    app = GardenWasteApp.start(more.apply(settings(dir, String.valueOf(port), extra)));
  }

  @Override
  public void close() {
    app.close();
  }

  Path outbox() {
    return dir.resolve("outbox");
  }

  /**
   * Waits (up to 15 s, polling) for a new email in the file outbox whose text matches
   * {@code pattern}, and returns the first group of the match. Emails seen before are skipped.
   */
  String awaitEmail(String pattern) {
    Pattern p = Pattern.compile(pattern);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      for (Path f : files()) {
        if (seen.contains(f)) {
          continue;
        }
        String text = read(f);
        Matcher m = p.matcher(text);
        if (m.find()) {
          seen.add(f);
          return m.groupCount() > 0 ? m.group(1) : m.group();
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no new email matching " + pattern + " in " + outbox() + " within 15 s; files: " + files());
  }

  /** The code in the newest passcode email. */
  String awaitCode() {
    return awaitEmail("(?:Your code is|Eich cod yw) ([0-9]{6})");
  }

  List<Path> files() {
    if (!Files.isDirectory(outbox())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(outbox())) {
      return s.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
