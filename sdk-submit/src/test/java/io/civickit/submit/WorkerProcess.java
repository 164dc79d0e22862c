package io.civickit.submit;

import io.civickit.core.progress.KeyRing;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A delivery worker in a process of its own, for the test that kills one mid-batch. Arguments:
 * JDBC URL, key ring, SMTP port, webhook URL, RabbitMQ queue, folder.
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  static Submissions.Builder wiring(javax.sql.DataSource ds, KeyRing keys, int smtpPort, URI webhook, String queue,
      Path folder) {
    Submissions.Builder b = Submissions.builder().dataSource(ds).keyRing(keys).councilName("Bryncoed County Council")
        .lease(Duration.ofSeconds(60)).batchSize(10).pollInterval(Duration.ofMillis(100));
    for (Destination d : new Destination[] {
        TeamEmail.smtp().host("127.0.0.1").port(smtpPort).from("forms@bryncoed.gov.uk")
            .to("waste-team@bryncoed.gov.uk").build(),
        CaseWebhook.builder().url(webhook).secret(WebhookReceiver.SECRET).build(),
        RabbitMq.builder().host("127.0.0.1").routingKey(queue).build(),
        Destination.folder(folder)}) {
      b.destination(Fixtures.FORM.id(), d);
    }
    return b;
  }

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    Submissions s = wiring(ds, KeyRing.parse(args[1]), Integer.parseInt(args[2]), URI.create(args[3]), args[4],
        Path.of(args[5])).instanceId("worker-process").workers(1).build();
    s.start();
    System.out.println("started");
    System.out.flush();
    Thread.currentThread().join();
  }
}
