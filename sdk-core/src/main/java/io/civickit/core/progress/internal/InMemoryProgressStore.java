package io.civickit.core.progress.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.progress.DuplicateJourneyException;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.core.progress.ProgressStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Journeys in a Caffeine cache that expires them after the retention period. */
public final class InMemoryProgressStore implements ProgressStore {
  private final Cache<JourneyId, Journey> journeys;
  private final ConcurrentMap<Reference, JourneyId> byReference = new ConcurrentHashMap<>();

  public InMemoryProgressStore(Duration retention, Clock clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, but was " + retention);
    }
    this.journeys = Caffeine.newBuilder()
        .expireAfterWrite(retention)
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .<JourneyId, Journey>removalListener((id, j, cause) -> {
          if (j != null && cause.wasEvicted()) {
            byReference.remove(j.reference(), id);
          }
        })
        .build();
  }

  @Override
  public Journey save(Journey journey) {
    Journey saved = journey.toBuilder().version(journey.version() + 1).build();
    if (journey.version() == 0) {
      if (byReference.putIfAbsent(journey.reference(), journey.id()) != null) {
        throw new DuplicateJourneyException("reference " + journey.reference() + " is already taken");
      }
      Journey existing = journeys.asMap().putIfAbsent(journey.id(), saved);
      if (existing != null) {
        byReference.remove(journey.reference(), journey.id());
        throw new DuplicateJourneyException("journey " + journey.id() + " already exists");
      }
      return saved;
    }
    long[] actual = {-1};
    journeys.asMap().compute(journey.id(), (id, current) -> {
      if (current == null) {
        actual[0] = -1;
        return null;
      }
      if (current.version() != journey.version()) {
        actual[0] = current.version();
        return current;
      }
      actual[0] = journey.version();
      return saved;
    });
    if (actual[0] != journey.version()) {
      throw new ProgressConflictException(journey.id(), journey.version(), actual[0]);
    }
    return saved;
  }

  @Override
  public Optional<Journey> find(JourneyId id) {
    journeys.cleanUp();
    return Optional.ofNullable(journeys.getIfPresent(id));
  }

  @Override
  public Optional<Journey> findByReference(Reference reference) {
    JourneyId id = byReference.get(reference);
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public List<JourneyId> findNotUpdatedSince(Instant cutoff, int limit) {
    journeys.cleanUp();
    return journeys.asMap().values().stream()
        .filter(j -> j.updatedAt().isBefore(cutoff))
        .sorted(Comparator.comparing(Journey::updatedAt))
        .limit(limit)
        .map(Journey::id)
        .toList();
  }

  @Override
  public boolean delete(JourneyId id) {
    Journey removed = journeys.asMap().remove(id);
    if (removed != null) {
      byReference.remove(removed.reference(), id);
    }
    return removed != null;
  }
}
