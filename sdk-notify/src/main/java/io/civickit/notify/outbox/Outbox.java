package io.civickit.notify.outbox;

import io.civickit.notify.internal.settings.Settings;
import io.civickit.core.progress.KeyRing;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.internal.outbox.JdbcOutbox;
import io.civickit.notify.internal.outbox.OutboxConfig;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The durable outbox: a {@link Notifier} that stores each notification in the database first
 * and delivers it from workers, so that a notification is never lost and never sent twice.
 *
 * <pre>{@code
 * OutboxSchema.install(dataSource);
 * Outbox outbox = Outbox.builder()
 *     .dataSource(dataSource)
 *     .renderer(templates)
 *     .channel(GovUkNotify.builder().apiKey(key).build())
 *     .rateLimit("govuk-notify", RateLimit.govUkNotify().andPerDay(250_000))
 *     .fallback(RecipientKind.SMS, RecipientKind.EMAIL, RecipientKind.LETTER)
 *     .build();
 * try (Outbox.Workers workers = outbox.startWorkers(4)) { ... }
 * }</pre>
 *
 * <ul>
 *   <li><b>Once only.</b> The idempotency key is unique in the table: enqueueing the same key
 *       twice returns the first message's id. Channels get the key too (Notify as its
 *       {@code reference}); after an unknown outcome (a timeout, a 5xx) the outbox asks the
 *       channel whether it already has the message before it sends again.
 *   <li><b>Many workers, many instances.</b> Workers claim batches with
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED} and hold a lease on them. A worker that dies
 *       leaves its messages leased; when the lease runs out another worker claims them, treats
 *       their outcome as unknown and looks before sending. A worker abandons the rest of a batch
 *       once half its lease has gone, so set the lease to more than twice the longest send.
 *   <li><b>One commit per batch.</b> A worker writes the outcomes of a batch together, in one
 *       transaction at the end of the batch (or every second during a long one), which on a busy
 *       worker is also the transaction that claims its next batch; while it sends a batch, a
 *       helper thread writes the last one and claims the next. The price: if the process dies
 *       mid-batch, every message of the batch is still {@link OutboxStatus#SENDING}, not only the
 *       one in hand. Those are claimed again when the lease runs out, as unknown outcomes: a
 *       channel that can look a message up is asked first, any other gets it again with the
 *       same idempotency key, on which the receiver deduplicates.
 *   <li><b>Retries.</b> Exponential backoff with full jitter, or the provider's
 *       {@code Retry-After} if longer; after the maximum attempts the message is dead-lettered
 *       ({@link OutboxStatus#FAILED}) with the last error. Permanent failures are not retried.
 *   <li><b>Fallback.</b> A message that fails for good moves to its next recipient, if the
 *       caller gave alternatives and {@link Builder#fallback} allows that kind.
 *   <li><b>Rate limits</b> per channel, counted in the database across instances.
 * </ul>
 */
public interface Outbox extends Notifier {

  /** A builder; the data source, renderer and at least one channel are required. */
  static Builder builder() {
    return new Builder();
  }

  /** Same as {@link #enqueue(NotificationRequest)}: the notification is queued, not yet sent. */
  @Override
  NotificationId send(NotificationRequest request);

  /**
   * Queues a notification in its own transaction.
   *
   * @return the message's id (the existing message's, if the idempotency key was seen before)
   * @throws io.civickit.core.CivicKitException if the database cannot be written
   */
  NotificationId enqueue(NotificationRequest request);

  /**
   * Queues a notification with alternative recipients to fall back to, in the order configured
   * by {@link Builder#fallback}. Alternatives of kinds the configuration does not allow after
   * the request's own kind are ignored.
   */
  NotificationId enqueue(NotificationRequest request, List<Recipient> alternatives);

  /**
   * Queues a notification inside the caller's transaction: it is sent only if the caller
   * commits. The connection is not committed, rolled back or closed.
   */
  NotificationId enqueue(Connection connection, NotificationRequest request);

  /** {@link #enqueue(Connection, NotificationRequest)} with alternative recipients. */
  NotificationId enqueue(Connection connection, NotificationRequest request, List<Recipient> alternatives);

  /**
   * Claims one batch of due messages and attempts each: what every worker does in a loop. Tests
   * call it directly.
   *
   * @return how many messages were claimed
   */
  int runOnce();

  /**
   * Starts worker threads on this instance, each claiming batches until closed. Safe to run on
   * every instance of the app at once.
   */
  Workers startWorkers(int count);

  /** The message with this id. */
  Optional<OutboxMessage> find(NotificationId id);

  /** The message enqueued with this idempotency key. */
  Optional<OutboxMessage> findByKey(String idempotencyKey);

  /**
   * Records that the provider reported the message delivered (for example from Notify's
   * delivery receipt callback). Only a {@link OutboxStatus#SENT} message changes.
   *
   * @return whether the message changed
   */
  boolean markDelivered(NotificationId id);

  /** How many messages are in each status. */
  Map<OutboxStatus, Long> counts();

  /** Running workers; closing stops them after their current batch. */
  interface Workers extends AutoCloseable {
    /** Stops the workers and waits for them to finish their current batch. */
    @Override
    void close();
  }

  /** Configures an {@link Outbox}. */
  final class Builder {
    private DataSource dataSource;
    private MessageRenderer renderer;
    private final List<NotificationChannel> channels = new ArrayList<>();
    private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
    private List<RecipientKind> fallback = List.of();
    private int maxAttempts = 10;
    private Backoff backoff = Backoff.defaults();
    private Duration lease = Duration.ofMinutes(2);
    private int batchSize = 20;
    private int sendsInFlight = 1;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = RandomGenerator.getDefault();
    private ZoneId zone = ZoneId.of("Europe/London");
    private final List<StatusListener> listeners = new ArrayList<>();
    private String instanceId = UUID.randomUUID().toString();
    private KeyRing keyRing;

    Builder() {}

    /** Where the outbox tables are (see {@link OutboxSchema}). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Renders each request into the message channels send. */
    public Builder renderer(MessageRenderer renderer) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * Adds a channel. A message goes to the first channel added that
     * {@link NotificationChannel#supports supports} its recipient.
     *
     * @throws IllegalArgumentException if a channel of the same name was added already
     */
    public Builder channel(NotificationChannel channel) {
      Objects.requireNonNull(channel, "channel");
      for (NotificationChannel c : channels) {
        if (c.name().equals(channel.name())) {
          throw new IllegalArgumentException("a channel named '" + channel.name() + "' was added already");
        }
      }
      channels.add(channel);
      return this;
    }

    /** Limits how fast the named channel sends, across all instances sharing the database. */
    public Builder rateLimit(String channelName, RateLimit limit) {
      Objects.requireNonNull(channelName, "channelName");
      Objects.requireNonNull(limit, "limit");
      if (rateLimits.putIfAbsent(channelName, limit) != null) {
        throw new IllegalStateException("the rate limit for '" + channelName + "' is set already");
      }
      return this;
    }

    /**
     * The order to fall back in when a message fails for good, for example
     * {@code fallback(SMS, EMAIL, LETTER)}: a text message that fails goes to the email address
     * given as an alternative, then to the postal address. No fallback unless set.
     */
    public Builder fallback(RecipientKind... order) {
      List<RecipientKind> list = List.of(order);
      if (list.stream().distinct().count() != list.size()) {
        throw new IllegalArgumentException("each kind may appear once in the fallback order, but was " + list);
      }
      this.fallback = list;
      return this;
    }

    /** Attempts per recipient before the message is dead-lettered (10 unless set). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Settings.maxAttempts(maxAttempts);
      return this;
    }

    /** The retry backoff ({@link Backoff#defaults()} unless set). */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** How long a worker holds a claimed batch (2 minutes unless set). */
    public Builder lease(Duration lease) {
      this.lease = Settings.lease(lease);
      return this;
    }

    /** How many messages a worker claims at once (20 unless set). */
    public Builder batchSize(int batchSize) {
      this.batchSize = Settings.batchSize(batchSize);
      return this;
    }

    /**
     * How many messages of its claimed batch each worker sends at once (1 unless set: one after
     * the other). With more, a worker still renders, looks up and takes rate-limit tokens one
     * message at a time, in the batch's order, then hands each send to one of its {@code n}
     * sending threads, so a slow provider's answers overlap; the batch's outcomes are still
     * written together. Messages of one batch may then arrive in any order (the outbox promises
     * no order either way). Each worker starts {@code n} sending threads.
     *
     * @param n 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is outside 1 to 64
     */
    public Builder sendsInFlight(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("sends in flight must be 1 to 64, but was " + n);
      }
      this.sendsInFlight = n;
      return this;
    }

    /** How long an idle worker waits before looking again (1 second unless set). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Settings.positive(pollInterval, "poll interval");
      return this;
    }

    /** The clock for due times, leases and rate-limit windows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The randomness for backoff jitter. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The zone daily limits reset in (Europe/London unless set). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Adds a listener for status changes. */
    public Builder listener(StatusListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** This instance's name in leases (a random UUID unless set); must be unique per instance. */
    public Builder instanceId(String instanceId) {
      Objects.requireNonNull(instanceId, "instanceId");
      if (instanceId.isBlank() || instanceId.length() > 60) {
        throw new IllegalArgumentException("an instance id is 1 to 60 characters, but was '" + instanceId + "'");
      }
      this.instanceId = instanceId;
      return this;
    }

    /**
     * Encrypts the personal data each queued message holds (its recipients and personalisation)
     * with AES-256-GCM under this key ring, the message id bound in as associated data. Rows
     * written without a key ring stay readable, so switching it on needs no migration; keep
     * retired keys in the ring until every message sealed with them is final. Without a key ring
     * the columns hold JSON in the clear until the message is final.
     *
     * @param keyRing the keys, e.g. the same ring the progress store uses
     * @return this builder
     */
    public Builder keyRing(KeyRing keyRing) {
      this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
      return this;
    }

    /**
     * Builds the outbox. It does not create its tables: see {@link OutboxSchema}.
     *
     * @throws IllegalStateException if the data source, the renderer or every channel is missing,
     *     or a rate limit names a channel that was not added
     */
    public Outbox build() {
      if (dataSource == null) {
        throw new IllegalStateException("the outbox needs a data source: call dataSource(...)");
      }
      if (renderer == null) {
        throw new IllegalStateException("the outbox needs a renderer: call renderer(...)");
      }
      if (channels.isEmpty()) {
        throw new IllegalStateException("the outbox needs at least one channel: call channel(...)");
      }
      for (String name : rateLimits.keySet()) {
        if (channels.stream().noneMatch(c -> c.name().equals(name))) {
          throw new IllegalStateException("a rate limit names channel '" + name + "' but the channels are "
              + channels.stream().map(NotificationChannel::name).toList());
        }
      }
      return new JdbcOutbox(new OutboxConfig(dataSource, renderer, List.copyOf(channels), Map.copyOf(rateLimits),
          fallback, maxAttempts, backoff, lease, batchSize, sendsInFlight, pollInterval, clock, random, zone, List.copyOf(listeners),
          instanceId, java.util.Optional.ofNullable(keyRing)));
    }
  }
}
