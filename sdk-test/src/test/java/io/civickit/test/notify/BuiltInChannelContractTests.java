package io.civickit.test.notify;

import io.civickit.notify.Recipient;
import io.civickit.notify.channel.FileOutbox;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.channel.WebhookVerifier;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** CivicKit's own channels, each run through the one contract. */
class BuiltInChannelContractTests {

  static final List<Recipient> EVERY_KIND = List.of(new Recipient.Email("sam@example.org"),
      new Recipient.Sms("+44 7700 900123"), new Recipient.Letter(List.of("Sam Smith", "1 High Street", "SW1A 1AA")));

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class GovUkNotifyAgainstFakeNotify extends NotificationChannelContract {
    private final FakeNotify notify = FakeNotify.start();
    private final String template = UUID.randomUUID().toString();

    @AfterAll
    void stop() {
      notify.close();
    }

    @Override
    protected NotificationChannel channel() {
      return GovUkNotify.builder().apiKey(notify.apiKey()).baseUrl(notify.baseUrl())
          .templateId(templateId(), template).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    protected Optional<NotificationChannel> unreachableChannel() {
      return Optional.of(GovUkNotify.builder().apiKey(notify.apiKey()).baseUrl(URI.create("http://127.0.0.1:1"))
          .connectTimeout(Duration.ofSeconds(1)).build());
    }

    @Override
    protected List<Recipient> sampleRecipients() {
      return EVERY_KIND;
    }

    @Override
    protected int receivedCount(String key) {
      return notify.countsByReference().getOrDefault(key, 0L).intValue();
    }
  }

  @Nested
  class FileOutboxInAFolder extends NotificationChannelContract {
    @TempDir Path dir;

    @Override
    protected NotificationChannel channel() {
      return FileOutbox.in(dir);
    }

    @Override
    protected List<Recipient> sampleRecipients() {
      return EVERY_KIND;
    }

    @Override
    protected int receivedCount(String key) {
      try (Stream<Path> files = Files.list(dir)) {
        return (int) files.filter(f -> f.getFileName().toString().startsWith(key + "-")).count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WebhookToAVerifyingReceiver extends NotificationChannelContract {
    private final byte[] secret = "a-webhook-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final HttpServer server;

    WebhookToAVerifyingReceiver() throws IOException {
      WebhookVerifier verifier = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.systemUTC());
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = verifier.verify(ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP_HEADER),
            ex.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER), body) == WebhookVerifier.Result.VALID;
        if (valid) {
          received.merge(ex.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_HEADER), 1, Integer::sum);
        }
        ex.sendResponseHeaders(valid ? 204 : 401, -1);
        ex.close();
      });
      server.start();
    }

    @AfterAll
    void stop() {
      server.stop(0);
    }

    @Override
    protected NotificationChannel channel() {
      return Webhook.builder().url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notify"))
          .secret(secret).build();
    }

    @Override
    protected Optional<NotificationChannel> unreachableChannel() {
      return Optional.of(Webhook.builder().url(URI.create("http://127.0.0.1:1/")).secret(secret)
          .connectTimeout(Duration.ofSeconds(1)).build());
    }

    @Override
    protected List<Recipient> sampleRecipients() {
      return EVERY_KIND;
    }

    @Override
    protected int receivedCount(String key) {
      return received.getOrDefault(key, 0);
    }
  }
}
