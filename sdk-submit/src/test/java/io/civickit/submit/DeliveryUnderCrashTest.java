package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.Schema;
import io.civickit.forms.FormJourney;
import io.civickit.testsupport.PostgresDatabase;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when test of issue 15: journeys completed on two instances sharing PostgreSQL, a
 * delivery worker in its own process killed (SIGKILL) mid-batch and the work finished by the
 * instances; each destination (SMTP to GreenMail, a signed webhook, RabbitMQ, a folder) holds
 * each submission exactly once. Polls the real counterparts with a deadline: the worker is another process.
 */
class DeliveryUnderCrashTest {
  @RegisterExtension
  static final PostgresDatabase DB = new PostgresDatabase();
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final int JOURNEYS = 20;
  static final KeyRing KEYS = KeyRing.generate("k1");

  @Test
  void eachDestinationHoldsEachSubmissionExactlyOnceAfterAWorkerIsKilledMidBatch(@TempDir Path folder)
      throws Exception {
    Schema.install(DB.dataSource());
    SubmissionSchema.install(DB.dataSource());
    try (WebhookReceiver crm = new WebhookReceiver(); RabbitQueue queue = RabbitQueue.open()) {
      int smtp = MAIL.getSmtp().getPort();
      // Two app instances: each its own journey engine and submissions, one shared database.
      List<Journeys> engines = new ArrayList<>();
      List<Submissions> instances = new ArrayList<>();
      for (String name : List.of("instance-a", "instance-b")) {
        engines.add(Journeys.builder().definition(FormJourney.definition(Fixtures.FORM, Clock.systemUTC()))
            .store(ProgressStore.jdbc(DB.dataSource(), KEYS)).clock(Clock.systemUTC()).build());
        instances.add(WorkerProcess.wiring(DB.dataSource(), KEYS, smtp, crm.url(), queue.name, folder)
            .instanceId(name).clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61))).build());
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < JOURNEYS; i++) {
        Journey done = Fixtures.complete(engines.get(i % 2), "Journey " + i);
        Submission s = instances.get(i % 2).submit(done, Fixtures.FORM);
        // The other instance submitting the same journey (a retry, a double event) changes nothing.
        assertThat(instances.get((i + 1) % 2).submit(engines.get((i + 1) % 2).find(done.id()).orElseThrow(),
            Fixtures.FORM)).isEqualTo(s);
        ids.add(s.id());
      }
      int total = JOURNEYS * 4;
      Submissions watcher = instances.get(0);
      assertThat(watcher.counts().get(DeliveryStatus.QUEUED)).isEqualTo(total);

      Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), DB.jdbcUrl(), KEYS.format(),
          String.valueOf(smtp), crm.url().toString(), queue.name, folder.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
      List<String> rabbitIds = new ArrayList<>();
      long deliveredAtKill;
      long sendingAtKill;
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "worker-output");
        drain.setDaemon(true);
        drain.start();
        await(Duration.ofSeconds(120), () -> watcher.counts().get(DeliveryStatus.DELIVERED) >= 12);
      } finally {
        worker.destroyForcibly();
        worker.waitFor(30, TimeUnit.SECONDS);
      }
      Map<DeliveryStatus, Long> atKill = watcher.counts();
      deliveredAtKill = atKill.get(DeliveryStatus.DELIVERED);
      sendingAtKill = atKill.get(DeliveryStatus.SENDING);
      assertThat(deliveredAtKill).as("killed part-way").isLessThan(total);
      assertThat(sendingAtKill).as("killed mid-batch: claimed deliveries left under its lease").isPositive();

      // The instances take over: their clocks are past the dead worker's lease.
      instances.forEach(Submissions::start);
      try {
        await(Duration.ofSeconds(240), () -> watcher.counts().get(DeliveryStatus.DELIVERED) == total);
      } finally {
        instances.forEach(Submissions::close);
      }
      rabbitIds.addAll(queue.drainMessageIds());

      List<String> mailIds = new ArrayList<>();
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        mailIds.add(m.getHeader("X-CivicKit-Submission", null));
      }
      List<String> files;
      try (Stream<Path> list = Files.list(folder)) {
        files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
      }
      assertThat(Set.copyOf(mailIds)).isEqualTo(ids);
      assertThat(crm.held.keySet()).isEqualTo(ids);
      assertThat(crm.badSignatures).isEmpty();
      assertThat(Set.copyOf(rabbitIds)).isEqualTo(ids);
      assertThat(files).hasSize(JOURNEYS);
      assertThat(watcher.deadLetters()).isEmpty();

      String report = String.format("done-when: %d submissions x 4 destinations; worker killed with %d delivered and"
          + " %d leased (mid-batch); held once each: email %d distinct of %d received, webhook %d of %d, rabbitmq %d"
          + " of %d, folder %d files", JOURNEYS, deliveredAtKill, sendingAtKill, Set.copyOf(mailIds).size(),
          mailIds.size(), crm.held.size(), crm.received.size(), Set.copyOf(rabbitIds).size(), rabbitIds.size(),
          files.size());
      System.out.println(report);
      Files.writeString(Path.of("target", "done-when-report.txt"), report + System.lineSeparator());
      // Repeats are possible only for the deliveries the dead worker had sent but not recorded.
      long repeats = (mailIds.size() - JOURNEYS) + (crm.received.size() - JOURNEYS) + (rabbitIds.size() - JOURNEYS);
      assertThat(repeats).isLessThanOrEqualTo(sendingAtKill);
    }
  }

  /** Polls a condition until it holds or the deadline passes: the worker is another process. */
  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

}
