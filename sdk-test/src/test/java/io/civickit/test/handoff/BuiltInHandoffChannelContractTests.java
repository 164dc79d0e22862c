package io.civickit.test.handoff;

import com.sun.net.httpserver.HttpServer;
import io.civickit.core.Actor;
import io.civickit.core.handoff.CallbackQueue;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffChannels;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.Schema;
import io.civickit.notify.channel.FileOutbox;
import io.civickit.notify.handoff.TeamEmailHandoffChannel;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxSchema;
import io.civickit.notify.template.Templates;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CivicKit's own handoff channels, each run through the one contract against a real or faithfully faked counterpart. */
class BuiltInHandoffChannelContractTests {

  /**
   * Web chat against a chat platform on the JDK's HTTP server that checks the signature and,
   * as a real platform does, keeps one conversation per {@code Idempotency-Key}. Broken, it
   * answers 503 (no advisers free).
   */
  @Nested
  class WebChatToAVerifyingPlatform extends HandoffChannelContract {
    private final byte[] secret = "a-chat-platform-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, String> conversations = new ConcurrentHashMap<>();
    private final Map<String, String> conversationIds = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1000);
    private volatile boolean noAdvisers;
    private final HttpServer server;

    WebChatToAVerifyingPlatform() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/handoff", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = HandoffChannels.verifyWebhook(secret,
            ex.getRequestHeaders().getFirst(HandoffChannels.TIMESTAMP_HEADER),
            ex.getRequestHeaders().getFirst(HandoffChannels.SIGNATURE_HEADER), body, Duration.ofMinutes(5),
            Clock.systemUTC());
        String key = ex.getRequestHeaders().getFirst(HandoffChannels.IDEMPOTENCY_HEADER);
        int status;
        String answer = "{}";
        if (!valid || key == null) {
          status = 401;
        } else if (noAdvisers) {
          status = 503;
        } else {
          boolean existing = conversations.putIfAbsent(key, new String(body, StandardCharsets.UTF_8)) != null;
          String id = conversationIds.computeIfAbsent(key, k -> "conv-" + next.incrementAndGet());
          status = existing ? 200 : 201;
          answer = "{\"conversationId\":\"" + id + "\",\"estimatedWaitSeconds\":90}";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      });
      server.start();
    }

    @AfterEach
    void stop() {
      server.stop(0);
    }

    @Override
    protected HandoffChannel channel() {
      return HandoffChannels.webChat(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/handoff"),
          secret, Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Override
    protected List<String> delivered(HandoffId id) {
      String body = conversations.get(id.value());
      return body == null ? List.of() : List.of(body);
    }

    @Override
    protected void breakCounterpart() {
      noAdvisers = true;
    }
  }

  /**
   * The call-back queue. What arrived is what advisers claim from the queue; broken, the
   * queue's database refuses connections.
   */
  abstract static class CallbackQueueContract extends HandoffChannelContract {
    private final KeyRing keys = KeyRing.generate("test");
    private final String queue = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<String>> claimed = new HashMap<>();
    private boolean databaseDown;

    protected abstract DataSource dataSource();

    private CallbackQueue queue(DataSource ds) {
      return CallbackQueue.builder(ds, keys).queue(queue).responseTime(Duration.ofHours(2)).build();
    }

    @Override
    protected HandoffChannel channel() {
      return queue(databaseDown ? DownDataSource.INSTANCE : dataSource()).channel();
    }

    @Override
    protected synchronized List<String> delivered(HandoffId id) {
      CallbackQueue q = queue(dataSource());
      for (Optional<CallbackQueue.CallbackRequest> c = q.claimNext(Actor.adviser("contract"));
          c.isPresent(); c = q.claimNext(Actor.adviser("contract"))) {
        claimed.computeIfAbsent(c.get().handoffId().value(), k -> new ArrayList<>()).add(c.get().context().toJson());
      }
      return List.copyOf(claimed.getOrDefault(id.value(), List.of()));
    }

    @Override
    protected void breakCounterpart() {
      databaseDown = true;
    }
  }

  @Nested
  class CallbackQueueOnH2 extends CallbackQueueContract {
    private final DataSource ds = H2Database.inMemory().dataSource();

    CallbackQueueOnH2() {
      Schema.install(ds, "core", "handoff");
    }

    @Override
    protected DataSource dataSource() {
      return ds;
    }
  }

  /**
   * The team email channel through the durable outbox on H2, delivering into a folder: what
   * arrived is the email the team would read. Broken, the outbox's database refuses connections.
   */
  @Nested
  class TeamEmailThroughTheOutbox extends HandoffChannelContract {
    private final DataSource ds = H2Database.inMemory().dataSource();
    private final Templates templates = Templates.builder()
        .email(TeamEmailHandoffChannel.DEFAULT_TEMPLATE_ID, TeamEmailHandoffChannel.DEFAULT_SUBJECT,
            TeamEmailHandoffChannel.DEFAULT_BODY)
        .build();
    @TempDir Path mailbox;
    private boolean databaseDown;

    TeamEmailThroughTheOutbox() {
      OutboxSchema.install(ds);
    }

    private Outbox outbox(DataSource dataSource) {
      return Outbox.builder().dataSource(dataSource).renderer(templates).channel(FileOutbox.in(mailbox)).build();
    }

    @Override
    protected HandoffChannel channel() {
      return TeamEmailHandoffChannel.builder(outbox(databaseDown ? DownDataSource.INSTANCE : ds),
          "waste-team@example.gov.uk").build();
    }

    @Override
    protected List<String> delivered(HandoffId id) {
      Outbox outbox = outbox(ds);
      while (outbox.runOnce() > 0) {
        // deliver everything queued
      }
      try (Stream<Path> files = Files.list(mailbox)) {
        return files.filter(f -> f.getFileName().toString().startsWith("handoff-" + id.value() + "-"))
            .map(f -> {
              try {
                return Files.readString(f, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected void breakCounterpart() {
      databaseDown = true;
    }
  }
}

/** The call-back queue on PostgreSQL ({@code FOR UPDATE SKIP LOCKED}, unique handoff ids). */
class PostgresCallbackQueueContractTest extends BuiltInHandoffChannelContractTests.CallbackQueueContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "core", "handoff");
  }

  @Override
  protected DataSource dataSource() {
    return PG.dataSource();
  }
}
