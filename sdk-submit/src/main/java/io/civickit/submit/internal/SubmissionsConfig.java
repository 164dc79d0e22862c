package io.civickit.submit.internal;

import io.civickit.core.progress.KeyRing;
import io.civickit.notify.Notifier;
import io.civickit.notify.outbox.Backoff;
import io.civickit.submit.Destination;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** What {@code Submissions.builder()} collected, checked. */
public record SubmissionsConfig(DataSource dataSource, KeyRing keyRing, String councilName, Locale teamLanguage,
    Map<String, List<Destination>> destinations, int maxAttempts, Backoff backoff, Duration lease, int batchSize,
    Duration pollInterval, int workers, Clock clock, RandomGenerator random, String instanceId,
    Optional<Notifier> notifier, Optional<String> copyTemplateId) {}
