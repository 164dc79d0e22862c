package io.civickit.pay.internal;

import io.civickit.core.JourneyId;
import io.civickit.pay.step.PaymentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link PaymentLedger} in memory; every method is synchronised. */
public final class InMemoryLedger implements PaymentLedger {
  private final Map<String, Entry> byKey = new HashMap<>();
  private final Map<String, Instant> leases = new HashMap<>();

  @Override
  public synchronized void record(Entry entry) {
    byKey.put(entry.idempotencyKey(), entry);
  }

  @Override
  public synchronized void forget(JourneyId journeyId) {
    byKey.values().removeIf(e -> e.journeyId().equals(journeyId));
    leases.keySet().retainAll(byKey.keySet());
  }

  @Override
  public synchronized Optional<JourneyId> journeyOf(String paymentId) {
    return byKey.values().stream().filter(e -> e.paymentId().filter(paymentId::equals).isPresent())
        .map(Entry::journeyId).findFirst();
  }

  @Override
  public synchronized List<JourneyId> claimUnfinished(Instant cutoff, Instant now, Duration lease, int limit) {
    List<Entry> due = new ArrayList<>();
    for (Entry e : byKey.values()) {
      Instant held = leases.get(e.idempotencyKey());
      if (e.isUnfinished() && e.updatedAt().isBefore(cutoff) && (held == null || held.isBefore(now))) {
        due.add(e);
      }
    }
    due.sort(Comparator.comparing(Entry::updatedAt));
    List<JourneyId> out = new ArrayList<>();
    for (Entry e : due.subList(0, Math.min(limit, due.size()))) {
      leases.put(e.idempotencyKey(), now.plus(lease));
      out.add(e.journeyId());
    }
    return out;
  }
}
