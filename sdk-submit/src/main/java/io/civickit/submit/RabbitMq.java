package io.civickit.submit;

import io.civickit.notify.internal.settings.Settings;
import io.civickit.submit.internal.RabbitDestination;
import java.time.Duration;
import java.util.Objects;

/**
 * A destination that publishes each submission's JSON to RabbitMQ (AMQP 0-9-1) with publisher
 * confirms: a delivery counts only once the broker has confirmed the message, which it does for
 * a persistent message on a durable queue once it is safely stored. Needs the RabbitMQ Java
 * client ({@code com.rabbitmq:amqp-client}) on the class path.
 *
 * <pre>{@code
 * Destination queue = RabbitMq.builder().host("rabbit.council.internal").credentials("civickit", password)
 *     .exchange("").routingKey("garden-waste-submissions").build();
 * }</pre>
 *
 * <p>Messages are persistent, {@code application/json}, with the submission id as
 * {@code message-id} (the consumer drops an id it has seen: a message is published again after a
 * worker dies before recording the confirm) and headers {@code reference} and {@code form_id}.
 * They are published as mandatory: a message no queue takes is returned, and the delivery is
 * retried rather than lost. The exchange and queue are the council's to declare.
 */
public final class RabbitMq {
  private RabbitMq() {}

  /**
   * A builder; the routing key is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings for the destination; {@link #build()} checks them and builds it. A builder is not
   * thread-safe; what it builds is immutable and thread-safe: build once and share it.
   */
  public static final class Builder {
    private String host = "localhost";
    private int port = 5672;
    private String username = "guest";
    private String password = "guest";
    private String virtualHost = "/";
    private String exchange = "";
    private String routingKey;
    private String name = "rabbitmq";
    private Duration timeout = Duration.ofSeconds(10);
    private boolean tls;

    private Builder() {}

    /**
     * The broker's host ({@code localhost} unless set).
     *
     * @param host the host name
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The broker's port (5672 unless set).
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("a port is 1 to 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The credentials ({@code guest}/{@code guest} unless set, which RabbitMQ allows from
     * localhost only).
     *
     * @param username the user
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The virtual host ({@code /} unless set).
     *
     * @param virtualHost the virtual host
     * @return this builder
     */
    public Builder virtualHost(String virtualHost) {
      this.virtualHost = Objects.requireNonNull(virtualHost, "virtualHost");
      return this;
    }

    /**
     * The exchange to publish to (the default exchange, {@code ""}, unless set).
     *
     * @param exchange the exchange's name
     * @return this builder
     */
    public Builder exchange(String exchange) {
      this.exchange = Objects.requireNonNull(exchange, "exchange");
      return this;
    }

    /**
     * The routing key (with the default exchange: the queue's name).
     *
     * @param routingKey the key
     * @return this builder
     */
    public Builder routingKey(String routingKey) {
      this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
      return this;
    }

    /**
     * The destination's name ({@code rabbitmq} unless set).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * How long to wait to connect and for the confirm (10 seconds unless set).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Settings.positive(timeout, "timeout");
      return this;
    }

    /**
     * Connect with TLS, checking the broker's certificate against the JVM's trust store (off
     * unless set).
     *
     * @param tls whether to
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Builds the destination. It connects on its first delivery, and again after a lost connection.
     *
     * @return the destination
     * @throws IllegalStateException if the routing key is missing
     */
    public Destination build() {
      if (routingKey == null) {
        throw new IllegalStateException("a RabbitMQ destination needs a routing key: call routingKey(...)");
      }
      return new RabbitDestination(name, host, port, username, password, virtualHost, exchange, routingKey, timeout, tls);
    }
  }
}
