package io.civickit.core.handoff.internal;

import io.civickit.core.handoff.UsedContextIds;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Used context ids in a map; {@code putIfAbsent} makes the first use win. */
public final class InMemoryUsedContextIds implements UsedContextIds {
  private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

  @Override
  public boolean markUsed(String id, Instant expiresAt) {
    return used.putIfAbsent(id, expiresAt) == null;
  }

  @Override
  public int purgeExpired(Instant now) {
    int before = used.size();
    used.values().removeIf(expiry -> expiry.isBefore(now));
    return before - used.size();
  }
}
