package io.civickit.web.internal;

import io.civickit.core.internal.crypto.Digests;
import io.civickit.identity.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong-password counts and lockouts for the agent console, kept in the shared
 * {@link IdentityStore} so that every instance of the service sees them: five wrong passwords
 * for one username (or, with another limit, from one client address) lock it for 15 minutes on
 * all instances. Attempts while locked are not counted, so nobody can keep an account locked
 * for ever by trying it. The store holds a hash of the name, never the name.
 */
final class SignInLimit {
  private final String kind;

  private final IdentityStore store;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  SignInLimit(String kind, IdentityStore store, Clock clock, int maxFailures, Duration lockout) {
    this.kind = kind;
    this.store = store;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /** True while the username is locked out. */
  boolean locked(String username) {
    return state(username).lockedUntil() > clock.instant().getEpochSecond();
  }

  /** Records a wrong password; the fifth in a row locks the username. Ignored while locked. */
  void failed(String username) {
    String key = key(username);
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<IdentityStore.Entry> entry = store.find(kind, key);
      State s = current(entry);
      Instant now = clock.instant();
      if (s.lockedUntil() > now.getEpochSecond()) {
        return;   // locked: the attempt was refused unseen, and the lock keeps its end
      }
      State next = s.failures() + 1 >= maxFailures
          ? new State(0, now.plus(lockout).getEpochSecond())
          : new State(s.failures() + 1, s.lockedUntil());
      if (store.compareAndSet(kind, key, entry.map(IdentityStore.Entry::version).orElse(0L), next.format(),
          now.plus(lockout).plus(lockout))) {
        return;
      }
    }
    throw new IllegalStateException("could not record a failed sign-in: too much contention");
  }

  /** Forgets the failures after a correct password (a lockout still stands). */
  void succeeded(String username) {
    String key = key(username);
    Optional<IdentityStore.Entry> entry = store.find(kind, key);
    if (entry.isPresent()) {
      State s = State.parse(entry.get().value());
      store.compareAndSet(kind, key, entry.get().version(), new State(0, s.lockedUntil()).format(),
          entry.get().expiresAt());
    }
  }

  private State state(String username) {
    return current(store.find(kind, key(username)));
  }

  /** The state an entry holds, or none once it has expired. */
  private State current(Optional<IdentityStore.Entry> entry) {
    return entry.filter(e -> e.expiresAt().isAfter(clock.instant())).map(e -> State.parse(e.value()))
        .orElse(new State(0, 0));
  }

  private String key(String username) {
    return Digests.sha256Hex(kind + ":" + username);
  }

  private record State(int failures, long lockedUntil) {
    static State parse(String value) {
      int bar = value.indexOf('|');
      if (bar < 0) {
        return new State(0, 0);
      }
      return new State(Integer.parseInt(value.substring(0, bar)), Long.parseLong(value.substring(bar + 1)));
    }

    String format() {
      return failures + "|" + lockedUntil;
    }
  }
}
