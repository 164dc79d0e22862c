package io.civickit.notify.internal.outbox;

import io.civickit.core.progress.KeyRing;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.outbox.Backoff;
import io.civickit.notify.outbox.RateLimit;
import io.civickit.notify.outbox.RecipientKind;
import io.civickit.notify.outbox.StatusListener;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** Everything the builder collected, validated. */
public record OutboxConfig(
    DataSource dataSource,
    MessageRenderer renderer,
    List<NotificationChannel> channels,
    Map<String, RateLimit> rateLimits,
    List<RecipientKind> fallback,
    int maxAttempts,
    Backoff backoff,
    Duration lease,
    int batchSize,
    int sendsInFlight,
    Duration pollInterval,
    Clock clock,
    RandomGenerator random,
    ZoneId zone,
    List<StatusListener> listeners,
    String instanceId,
    Optional<KeyRing> keyRing) {}
