package io.civickit.submit.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes to RabbitMQ with publisher confirms, one short-lived channel per delivery. */
public final class RabbitDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitDestination.class);

  private final String name;
  private final ConnectionFactory factory;
  private final String exchange;
  private final String routingKey;
  private final Duration timeout;
  private final String host;
  private Connection connection;

  public RabbitDestination(String name, String host, int port, String username, String password, String virtualHost,
      String exchange, String routingKey, Duration timeout, boolean tls) {
    this.name = name;
    this.host = host;
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.timeout = timeout;
    this.factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername(username);
    factory.setPassword(password);
    factory.setVirtualHost(virtualHost);
    factory.setConnectionTimeout((int) timeout.toMillis());
    factory.setHandshakeTimeout((int) timeout.toMillis());
    factory.setAutomaticRecoveryEnabled(false);
    if (tls) {
      try {
        factory.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
        factory.enableHostnameVerification();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("TLS is not available", e);
      }
    }
  }

  @Override
  public String name() {
    return name;
  }

  private synchronized Connection connection() throws IOException, TimeoutException {
    if (connection == null || !connection.isOpen()) {
      connection = factory.newConnection("civickit-submit-" + name);
    }
    return connection;
  }

  @Override
  public SendResult deliver(Delivery d) {
    Connection c;
    try {
      c = connection();
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.warn("could not connect to RabbitMQ at {} for {}: {}", host, d, e.getClass().getSimpleName());
      return new SendResult.RetryableFailure("could not connect to RabbitMQ: " + e.getClass().getSimpleName());
    }
    boolean published = false;
    Channel ch = null;
    try {
      ch = c.createChannel();
      AtomicBoolean returned = new AtomicBoolean();
      ch.addReturnListener(r -> returned.set(true));
      ch.confirmSelect();
      AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
          .contentType("application/json")
          .contentEncoding("utf-8")
          .deliveryMode(2)
          .messageId(d.idempotencyKey())
          .type("civickit.submission")
          .headers(Map.of("reference", d.submission().reference(), "form_id", d.submission().formId()))
          .build();
      ch.basicPublish(exchange, routingKey, true, props, d.json());
      published = true;
      if (!ch.waitForConfirms(timeout.toMillis())) {
        return new SendResult.RetryableFailure("RabbitMQ refused the message (nack)");
      }
      if (returned.get()) {
        LOG.warn("RabbitMQ returned {}: no queue is bound for routing key '{}'", d, routingKey);
        return new SendResult.RetryableFailure("no queue took the message (returned as unroutable)");
      }
      return new SendResult.Accepted(d.idempotencyKey());
    } catch (TimeoutException e) {
      return published ? new SendResult.UnknownOutcome("no confirm from RabbitMQ within " + timeout)
          : new SendResult.RetryableFailure("RabbitMQ timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.UnknownOutcome("interrupted while waiting for the confirm");
    } catch (IOException | RuntimeException e) {
      LOG.warn("RabbitMQ publish of {} failed: {}", d, e.getClass().getSimpleName());
      return published ? new SendResult.UnknownOutcome("the channel failed after publishing")
          : new SendResult.RetryableFailure("RabbitMQ publish failed: " + e.getClass().getSimpleName());
    } finally {
      close(ch);
    }
  }

  /** Closes a channel; a failure to close does not change what the broker confirmed. */
  private static void close(Channel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.debug("closing a RabbitMQ channel failed: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "RabbitDestination[" + name + ", " + host + ", " + routingKey + "]";
  }
}
