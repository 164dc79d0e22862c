package io.civickit.test.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.identity.IdentityStore;
import io.civickit.identity.IdentityStore.Entry;
import io.civickit.test.internal.AtOnce;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IdentityStore} must meet, CivicKit's own and a supplier's: the store
 * behind the passcode, lockout, record-matching and TOTP limits. Extend it and return an empty
 * store each time:
 *
 * <pre>{@code
 * class MyIdentityStoreTest extends IdentityStoreContract {
 *   @Override protected IdentityStore newStore() { return new MyIdentityStore(freshTable()); }
 * }
 * }</pre>
 *
 * <p>The limits hold across app instances only if {@code compareAndSet} is a true compare-and-set:
 * of writers racing from one version exactly one wins, and a write from a version that has moved
 * on changes nothing. Times are whole milliseconds.
 */
public abstract class IdentityStoreContract {
  /** A time entries here expire around. */
  protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.250Z");

  /** An empty store. */
  protected abstract IdentityStore newStore();

  /** A key as the checks make one (a keyed hash, never the contact itself). */
  protected static String key() {
    return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void theFirstWriteCreatesVersionOneAndReadsBackExactly() {
    IdentityStore store = newStore();
    String key = key();
    assertThat(store.find("passcode", key)).isEmpty();
    assertThat(store.compareAndSet("passcode", key, 0, "{\"hash\":\"ab12\",\"wrong\":0}", T0)).isTrue();
    assertThat(store.find("passcode", key)).contains(new Entry("{\"hash\":\"ab12\",\"wrong\":0}", 1, T0));
  }

  @Test
  void aSecondFirstWriteLosesAndKeepsTheFirst() {
    IdentityStore store = newStore();
    String key = key();
    assertThat(store.compareAndSet("lockout", key, 0, "first", T0)).isTrue();
    assertThat(store.compareAndSet("lockout", key, 0, "second", T0.plusSeconds(1))).isFalse();
    assertThat(store.find("lockout", key)).contains(new Entry("first", 1, T0));
  }

  @Test
  void aWriteFromTheCurrentVersionMovesItOnAndAWriteFromAnOldOneChangesNothing() {
    IdentityStore store = newStore();
    String key = key();
    store.compareAndSet("passcode", key, 0, "v1", T0);
    assertThat(store.compareAndSet("passcode", key, 1, "v2", T0.plusSeconds(60))).isTrue();
    assertThat(store.find("passcode", key)).contains(new Entry("v2", 2, T0.plusSeconds(60)));
    assertThat(store.compareAndSet("passcode", key, 1, "stale", T0.plusSeconds(90))).isFalse();
    assertThat(store.compareAndSet("passcode", key, 3, "ahead", T0.plusSeconds(90))).isFalse();
    assertThat(store.find("passcode", key)).contains(new Entry("v2", 2, T0.plusSeconds(60)));
    assertThat(store.compareAndSet("passcode", key(), 1, "nothing there", T0)).as("no entry to move on").isFalse();
  }

  @Test
  void kindsKeepTheSameKeyApart() {
    IdentityStore store = newStore();
    String key = key();
    store.compareAndSet("passcode", key, 0, "a passcode", T0);
    store.compareAndSet("match", key, 0, "match attempts", T0);
    store.compareAndSet("match", key, 1, "match attempts, again", T0);
    assertThat(store.find("passcode", key)).contains(new Entry("a passcode", 1, T0));
    assertThat(store.find("match", key)).contains(new Entry("match attempts, again", 2, T0));
  }

  @Test
  void ofInstancesWritingFromOneVersionAtOnceExactlyOneWins() throws Exception {
    IdentityStore store = newStore();
    String key = key();
    store.compareAndSet("passcode", key, 0, "wrong=0", T0);
    List<Callable<Boolean>> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String value = "wrong=1 by writer " + i;
      writers.add(() -> store.compareAndSet("passcode", key, 1, value, T0));
    }
    assertThat(AtOnce.run(writers)).as("a wrong code is counted once, not once per instance")
        .filteredOn(won -> won).hasSize(1);
    assertThat(store.find("passcode", key)).hasValueSatisfying(e -> assertThat(e.version()).isEqualTo(2));
  }

  @Test
  void purgingRemovesOnlyEntriesThatExpiredBeforeNow() {
    IdentityStore store = newStore();
    String gone = key();
    String expiresNow = key();
    String later = key();
    store.compareAndSet("passcode", gone, 0, "old", T0.minus(Duration.ofMillis(1)));
    store.compareAndSet("passcode", expiresNow, 0, "edge", T0);
    store.compareAndSet("lockout", later, 0, "new", T0.plus(Duration.ofMinutes(15)));
    assertThat(store.purgeExpired(T0)).isEqualTo(1);
    assertThat(store.find("passcode", gone)).isEmpty();
    assertThat(store.find("passcode", expiresNow)).as("expiring at the instant itself is not yet expired").isPresent();
    assertThat(store.find("lockout", later)).isPresent();
    assertThat(store.purgeExpired(T0)).isZero();
  }
}
