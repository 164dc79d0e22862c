package io.civickit.test.submit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.sun.net.httpserver.HttpServer;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.Webhook;
import io.civickit.notify.channel.WebhookVerifier;
import io.civickit.submit.CaseWebhook;
import io.civickit.submit.Destination;
import io.civickit.submit.RabbitMq;
import io.civickit.submit.SubmissionJson;
import io.civickit.submit.TeamEmail;
import io.civickit.test.notify.FakeNotify;
import io.civickit.testsupport.PostgresDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The destination contract, run against every destination sdk-submit ships. */
class BuiltInDestinationContractTests {

  @Nested
  class FolderDrop extends DestinationContract {
    @TempDir
    Path dir;

    @Override
    protected Destination destination() {
      return Destination.folder(dir.resolve("drop"));
    }

    @Override
    protected Destination brokenDestination() {
      try {
        return Destination.folder(Files.writeString(dir.resolve("a-file"), "not a folder"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected List<String> receivedKeys() {
      if (!Files.isDirectory(dir.resolve("drop"))) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(dir.resolve("drop"))) {
        return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
          try {
            return SubmissionJson.read(Files.readAllBytes(p)).id();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SignedWebhook extends DestinationContract {
    static final String SECRET = "a-secret-shared-with-the-case-system-0123456789";
    final List<String> keys = new CopyOnWriteArrayList<>();
    HttpServer server;

    @BeforeAll
    void startReceiver() throws IOException {
      WebhookVerifier verifier = WebhookVerifier.of(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5),
          Clock.systemUTC());
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/cases", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = verifier.verify(ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP_HEADER),
            ex.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER), body) == WebhookVerifier.Result.VALID;
        if (valid) {
          keys.add(ex.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_HEADER));
        }
        ex.sendResponseHeaders(valid ? 201 : 401, -1);
        ex.close();
      });
      server.start();
    }

    @AfterAll
    void stopReceiver() {
      server.stop(0);
    }

    @Override
    protected Destination destination() {
      return CaseWebhook.builder().url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cases"))
          .secret(SECRET).build();
    }

    @Override
    protected Destination brokenDestination() {
      return CaseWebhook.builder().url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cases"))
          .secret("not-the-secret-the-case-system-has-0123456789").build();
    }

    @Override
    protected List<String> receivedKeys() {
      return List.copyOf(keys);
    }
  }

  @Nested
  class SmtpTeamEmail extends DestinationContract {
    @RegisterExtension
    final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected Destination destination() {
      return TeamEmail.smtp().host("127.0.0.1").port(mail.getSmtp().getPort()).from("forms@bryncoed.gov.uk")
          .to("team@bryncoed.gov.uk").build();
    }

    @Override
    protected Destination brokenDestination() {
      return TeamEmail.smtp().host("127.0.0.1").port(1).from("forms@bryncoed.gov.uk").to("team@bryncoed.gov.uk")
          .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    protected List<String> receivedKeys() {
      List<String> keys = new ArrayList<>();
      for (MimeMessage m : mail.getReceivedMessages()) {
        try {
          keys.add(m.getHeader("X-CivicKit-Submission", null));
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      return keys;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class NotifyTeamEmail extends DestinationContract {
    FakeNotify notify;

    @BeforeAll
    void startNotify() {
      notify = FakeNotify.start();
      notify.template("5b5b2b9e-6f1c-4f9a-9a3f-6f4f1f1f7a01", "email", "New application ((reference))",
          "((service)): ((reference)). PDF: ((link_to_pdf)) CSV: ((link_to_csv))");
    }

    @AfterAll
    void stopNotify() {
      notify.close();
    }

    private Destination via(String apiKey) {
      return TeamEmail.govUkNotify(GovUkNotify.builder().apiKey(apiKey).baseUrl(notify.baseUrl()).build())
          .templateId("5b5b2b9e-6f1c-4f9a-9a3f-6f4f1f1f7a01").to("team@bryncoed.gov.uk").build();
    }

    @Override
    protected Destination destination() {
      return via(notify.apiKey());
    }

    @Override
    protected Destination brokenDestination() {
      return via("fake-key-" + notify.serviceId() + "-" + UUID.randomUUID());
    }

    @Override
    protected List<String> receivedKeys() {
      return notify.sent().stream().map(n -> n.reference().orElse("")).toList();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class RabbitMqQueue extends DestinationContract {
    final String queue = "civickit-contract-" + UUID.randomUUID();
    final List<String> ids = new CopyOnWriteArrayList<>();
    Connection connection;
    Channel channel;

    @BeforeAll
    void declareQueue() throws Exception {
      ConnectionFactory f = new ConnectionFactory();
      f.setHost("127.0.0.1");
      f.setConnectionTimeout(3000);
      try {
        connection = f.newConnection("civickit-contract");
      } catch (Exception e) {
        String message = "RabbitMQ is not reachable at 127.0.0.1:5672: skipping. Start RabbitMQ to run these tests.";
        if (PostgresDatabase.isCi()) {
          throw new AssertionError("CI=true but " + message, e);
        }
        Assumptions.abort(message);
      }
      channel = connection.createChannel();
      channel.queueDeclare(queue, true, false, false, null);
    }

    @AfterAll
    void deleteQueue() throws Exception {
      if (channel != null) {
        channel.queueDelete(queue);
        connection.close();
      }
    }

    @Override
    protected Destination destination() {
      return RabbitMq.builder().host("127.0.0.1").routingKey(queue).build();
    }

    @Override
    protected Destination brokenDestination() {
      return RabbitMq.builder().host("127.0.0.1").port(1).routingKey(queue).timeout(Duration.ofSeconds(2)).build();
    }

    @Override
    protected synchronized List<String> receivedKeys() {
      try {
        GetResponse r;
        while ((r = channel.basicGet(queue, true)) != null) {
          ids.add(r.getProps().getMessageId());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return List.copyOf(ids);
    }
  }
}
