package io.civickit.submit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.civickit.testsupport.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** A queue of its own on the machine's RabbitMQ for one test class, deleted after. */
final class RabbitQueue implements AutoCloseable {
  final String name = "civickit-submit-test-" + UUID.randomUUID();
  private final Connection connection;
  private final Channel channel;

  private RabbitQueue(Connection connection) throws Exception {
    this.connection = connection;
    this.channel = connection.createChannel();
    channel.queueDeclare(name, true, false, false, null);
  }

  /** Opens a queue, or skips the test (fails it when CI=true) if RabbitMQ is not there. */
  static RabbitQueue open() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    f.setPort(5672);
    f.setConnectionTimeout(3000);
    Connection c;
    try {
      c = f.newConnection("civickit-submit-test");
    } catch (Exception e) {
      String message = "RabbitMQ is not reachable at 127.0.0.1:5672 (" + e.getClass().getSimpleName()
          + "): skipping. Start RabbitMQ to run these tests.";
      if (PostgresDatabase.isCi()) {
        throw new AssertionError("CI=true but " + message, e);
      }
      Assumptions.abort(message);
      throw e;
    }
    return new RabbitQueue(c);
  }

  /** Takes every message waiting, returning their message ids (repeats included). */
  List<String> drainMessageIds() throws Exception {
    List<String> ids = new ArrayList<>();
    GetResponse r;
    while ((r = channel.basicGet(name, true)) != null) {
      ids.add(r.getProps().getMessageId());
    }
    return ids;
  }

  @Override
  public void close() throws java.io.IOException, java.util.concurrent.TimeoutException {
    channel.queueDelete(name);
    channel.close();
    connection.close();
  }
}
