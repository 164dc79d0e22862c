package io.civickit.core.handoff.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.handoff.Handoff;
import io.civickit.core.handoff.HandoffConflictException;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Handoffs in a map; compare-and-set on the version. */
public final class InMemoryHandoffStore implements HandoffStore {
  private final ConcurrentMap<HandoffId, Handoff> byId = new ConcurrentHashMap<>();

  @Override
  public Handoff save(Handoff h) {
    Handoff saved = bump(h);
    if (h.version() == 0) {
      if (byId.putIfAbsent(h.id(), saved) != null) {
        throw new HandoffConflictException(h.id(), 0);
      }
      return saved;
    }
    Handoff[] out = new Handoff[1];
    byId.compute(h.id(), (k, current) -> {
      if (current == null || current.version() != h.version()) {
        return current;
      }
      out[0] = saved;
      return saved;
    });
    if (out[0] == null) {
      throw new HandoffConflictException(h.id(), h.version());
    }
    return saved;
  }

  static Handoff bump(Handoff h) {
    return new Handoff(h.id(), h.journeyId(), h.reference(), h.definitionId(), h.stuckStep(), h.reason(), h.segment(),
        h.channel(), h.status(), h.agentId(), h.externalReference(), h.whatHappensNext(), h.expectedBy(),
        h.requestedAt(), h.updatedAt(), h.version() + 1);
  }

  @Override
  public Optional<Handoff> find(HandoffId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<Handoff> findByJourney(JourneyId journeyId) {
    return byId.values().stream().filter(h -> h.journeyId().equals(journeyId))
        .sorted(Comparator.comparing(Handoff::requestedAt).thenComparing(h -> h.id().value())).toList();
  }

  @Override
  public List<Handoff> findByStatus(HandoffStatus status, int limit) {
    return byId.values().stream().filter(h -> h.status() == status)
        .sorted(Comparator.comparing(Handoff::requestedAt).thenComparing(h -> h.id().value())).limit(limit).toList();
  }

  @Override
  public int purgeClosedBefore(java.time.Instant cutoff) {
    int n = 0;
    for (Handoff h : List.copyOf(byId.values())) {
      if (!h.status().isOpen() && h.updatedAt().isBefore(cutoff) && byId.remove(h.id(), h)) {
        n++;
      }
    }
    return n;
  }
}
