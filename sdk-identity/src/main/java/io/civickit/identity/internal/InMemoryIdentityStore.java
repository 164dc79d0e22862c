package io.civickit.identity.internal;

import io.civickit.identity.IdentityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link IdentityStore} in a concurrent map. */
public final class InMemoryIdentityStore implements IdentityStore {
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  private static String id(String kind, String key) {
    return kind + '\u0000' + key;
  }

  @Override
  public Optional<Entry> find(String kind, String key) {
    return Optional.ofNullable(entries.get(id(kind, key)));
  }

  @Override
  public boolean compareAndSet(String kind, String key, long expectedVersion, String value, Instant expiresAt) {
    String id = id(kind, key);
    if (expectedVersion == 0) {
      return entries.putIfAbsent(id, new Entry(value, 1, expiresAt)) == null;
    }
    boolean[] written = {false};
    entries.computeIfPresent(id, (k, current) -> {
      if (current.version() != expectedVersion) {
        return current;
      }
      written[0] = true;
      return new Entry(value, expectedVersion + 1, expiresAt);
    });
    return written[0];
  }

  @Override
  public int purgeExpired(Instant now) {
    int before = entries.size();
    entries.values().removeIf(e -> e.expiresAt().isBefore(now));
    return before - entries.size();
  }
}
