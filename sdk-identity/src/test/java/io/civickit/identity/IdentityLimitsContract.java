package io.civickit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.identity.matching.Claim;
import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.MatchPolicy;
import io.civickit.identity.matching.RecordMatcher;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.passcode.PasscodeSendResult;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.testsupport.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The brute-force limits, run against every store: two app instances (two services, each with
 * its own store object) share one set of limits.
 */
public abstract class IdentityLimitsContract {
  protected static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** A store object as one app instance would create it; each call is a new instance over the same data. */
  protected abstract IdentityStore newInstanceStore();

  protected TestClock clock;
  protected final List<NotificationRequest> sent = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void resetClock() {
    clock = TestClock.at("2026-03-01T09:00:00Z").withOffset(java.util.UUID.randomUUID());
    sent.clear();
  }

  protected Passcodes passcodes(IdentityStore store) {
    return Passcodes.builder()
        .notifier(r -> {
          sent.add(r);
          return new NotificationId("n-" + sent.size());
        })
        .emailTemplate("email-code-template")
        .smsTemplate("sms-code-template")
        .serverKey(KEY)
        .store(store)
        .clock(clock)
        .build();
  }

  protected String lastCode() {
    return (String) sent.get(sent.size() - 1).personalisation().get("code");
  }

  static String wrong(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }

  @Test
  void wrongCodesOnTwoInstancesAddUpToOneLockout() {
    Passcodes a = passcodes(newInstanceStore());
    Passcodes b = passcodes(newInstanceStore());
    Recipient jane = new Recipient.Email("jane." + clock.instant().toEpochMilli() + "@example.org");
    assertThat(a.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Sent.class);
    String code = lastCode();
    for (int i = 1; i <= 5; i++) {
      Passcodes instance = i % 2 == 0 ? a : b;
      assertThat(instance.verify(jane, wrong(code))).isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 6 - i));
    }
    CheckResult sixth = a.verify(jane, wrong(code));
    assertThat(sixth).isEqualTo(new CheckResult.LockedOut(clock.instant().plus(Duration.ofMinutes(15))));
    // Locked on the other instance too, and the right code is dead.
    assertThat(b.verify(jane, code)).isInstanceOf(CheckResult.LockedOut.class);
    assertThat(b.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.LockedOut.class);
    clock.advance(Duration.ofMinutes(15));
    assertThat(b.verify(jane, code)).isEqualTo(new CheckResult.Failed(FailureReason.NO_ACTIVE_CODE, false, 6));
  }

  @Test
  void aResendOnAnotherInstanceNeverResetsTheFailureCount() {
    Passcodes a = passcodes(newInstanceStore());
    Passcodes b = passcodes(newInstanceStore());
    Recipient phone = new Recipient.Sms("07700 9" + (clock.instant().toEpochMilli() % 100000));
    a.send(phone, Locale.ENGLISH);
    for (int i = 0; i < 3; i++) {
      a.verify(phone, wrong(lastCode()));
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(b.send(phone, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Sent.class);
    for (int i = 0; i < 2; i++) {
      assertThat(b.verify(phone, wrong(lastCode()))).isInstanceOf(CheckResult.Failed.class);
    }
    assertThat(a.verify(phone, wrong(lastCode()))).isInstanceOf(CheckResult.LockedOut.class);
  }

  @Test
  void concurrentWrongGuessesFromTwoInstancesAreEachCountedOnce() throws Exception {
    Passcodes a = passcodes(newInstanceStore());
    Passcodes b = passcodes(newInstanceStore());
    Recipient jane = new Recipient.Email("race." + clock.instant().toEpochMilli() + "@example.org");
    a.send(jane, Locale.ENGLISH);
    String bad = wrong(lastCode());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CheckResult>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Passcodes instance = i % 2 == 0 ? a : b;
        results.add(pool.submit(() -> instance.verify(jane, bad)));
      }
      int failed = 0;
      int locked = 0;
      for (Future<CheckResult> f : results) {
        CheckResult r = f.get();
        if (r instanceof CheckResult.Failed) {
          failed++;
        } else if (r instanceof CheckResult.LockedOut) {
          locked++;
        }
      }
      // Exactly five guesses are answered "wrong"; the sixth locks; every later one meets the lock.
      assertThat(failed).isEqualTo(5);
      assertThat(locked).isEqualTo(11);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordMatchingAttemptsPerReferenceAreLimitedAcrossInstances() {
    String reference = "CT" + (clock.instant().toEpochMilli() % 1_000_000);
    CouncilRecord record = new CouncilRecord(reference, Optional.of("Jane Doe"), Optional.of(LocalDate.of(1970, 1, 31)),
        Optional.of("SW1A 1AA"));
    List<String> lookups = Collections.synchronizedList(new ArrayList<>());
    RecordMatcher.Builder builder = RecordMatcher.builder()
        .lookup(ref -> {
          lookups.add(ref);
          return ref.equals(reference) ? Optional.of(record) : Optional.empty();
        })
        .policy(MatchPolicy.referenceAndPostcode())
        .serverKey(KEY)
        .clock(clock)
        .maxFailures(5)
        .lockout(Duration.ofMinutes(30));
    RecordMatcher a = builder.store(newInstanceStore()).build();
    RecordMatcher b = builder.store(newInstanceStore()).build();
    Claim guess = Claim.builder().reference(reference).postcode("SW1A 1AB").build();
    for (int i = 1; i <= 4; i++) {
      assertThat((i % 2 == 0 ? a : b).check(guess)).isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 5 - i));
    }
    assertThat(a.check(guess)).isInstanceOf(CheckResult.LockedOut.class);
    int asked = lookups.size();
    Claim right = Claim.builder().reference(reference).postcode("sw1a1aa").build();
    assertThat(b.check(right)).isInstanceOf(CheckResult.LockedOut.class);
    assertThat(lookups).as("a locked reference is not even looked up").hasSize(asked);
    clock.advance(Duration.ofMinutes(30));
    assertThat(b.check(right)).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void aUsedTotpStepIsRefusedOnTheOtherInstance() {
    byte[] secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    io.civickit.identity.totp.Totp a = io.civickit.identity.totp.Totp.builder().clock(clock).store(newInstanceStore()).build();
    io.civickit.identity.totp.Totp b = io.civickit.identity.totp.Totp.builder().clock(clock).store(newInstanceStore()).build();
    String user = "adviser-" + clock.instant().toEpochMilli();
    String code = a.generate(secret, clock.instant());
    assertThat(a.verify(user, secret, code)).isInstanceOf(CheckResult.Verified.class);
    assertThat(b.verify(user, secret, code)).isEqualTo(new CheckResult.Failed(FailureReason.REPLAYED, true, 0));
  }

  @Test
  void parallelWrongTotpCodesOnTwoInstancesAreNeverEvaluatedPastTheLimit() throws Exception {
    byte[] secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CountingStore countedA = new CountingStore(newInstanceStore());
    CountingStore countedB = new CountingStore(newInstanceStore());
    Totp a = Totp.builder().clock(clock).store(countedA).build();
    Totp b = Totp.builder().clock(clock).store(countedB).build();
    String user = "adviser-race-" + java.util.UUID.randomUUID();
    String right = a.generate(secret, clock.instant());
    int guesses = 30;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    try {
      List<Future<CheckResult>> results = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        Totp instance = i % 2 == 0 ? a : b;
        String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
        results.add(pool.submit(() -> {
          start.await();
          return instance.verify(user, secret, guess);
        }));
      }
      start.countDown();
      int failed = 0;
      for (Future<CheckResult> f : results) {
        CheckResult r = f.get();
        assertThat(r).isInstanceOfAny(CheckResult.Failed.class, CheckResult.LockedOut.class);
        if (r instanceof CheckResult.Failed) {
          failed++;
        }
      }
      // Five attempts are let through to be checked: four are answered "wrong", the fifth locks.
      assertThat(failed).isEqualTo(4);
      assertThat(countedA.failureWrites.get() + countedB.failureWrites.get())
          .as("wrong codes counted (each one evaluated)").isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    // The lock holds on both instances, against the right code too, until it ends.
    assertThat(a.verify(user, secret, right)).isInstanceOf(CheckResult.LockedOut.class);
    assertThat(b.verify(user, secret, right)).isInstanceOf(CheckResult.LockedOut.class);
    clock.advance(Duration.ofMinutes(15));
    assertThat(b.verify(user, secret, b.generate(secret, clock.instant()))).isInstanceOf(CheckResult.Verified.class);
  }

  /** The store as it is, counting the writes that record a wrong TOTP code (every one but a reset). */
  private static final class CountingStore implements IdentityStore {
    final IdentityStore inner;
    final java.util.concurrent.atomic.AtomicInteger failureWrites = new java.util.concurrent.atomic.AtomicInteger();

    CountingStore(IdentityStore inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Entry> find(String kind, String key) {
      return inner.find(kind, key);
    }

    @Override
    public boolean compareAndSet(String kind, String key, long expectedVersion, String value, java.time.Instant expiresAt) {
      boolean written = inner.compareAndSet(kind, key, expectedVersion, value, expiresAt);
      if (written && kind.equals("totp-failures") && !value.equals("0|0")) {
        failureWrites.incrementAndGet();
      }
      return written;
    }

    @Override
    public int purgeExpired(java.time.Instant now) {
      return inner.purgeExpired(now);
    }
  }

  @Test
  void theStoreWritesOnlyOverTheVersionItWasReadAt() {
    IdentityStore a = newInstanceStore();
    IdentityStore b = newInstanceStore();
    String key = "k-" + java.util.UUID.randomUUID();
    java.time.Instant later = clock.instant().plusSeconds(60);
    assertThat(a.compareAndSet("test", key, 0, "one", later)).isTrue();
    assertThat(b.compareAndSet("test", key, 0, "again", later)).as("a second insert loses").isFalse();
    assertThat(b.find("test", key)).contains(new IdentityStore.Entry("one", 1, later));
    assertThat(b.compareAndSet("test", key, 1, "two", later)).isTrue();
    assertThat(a.compareAndSet("test", key, 1, "stale", later)).as("a stale version loses").isFalse();
    assertThat(a.find("test", key).map(IdentityStore.Entry::value)).contains("two");
    assertThat(a.find("other-kind", key)).isEmpty();
  }

  @Test
  void expiredEntriesArePurged() {
    IdentityStore store = newInstanceStore();
    String key = "p-" + java.util.UUID.randomUUID();
    store.compareAndSet("test", key, 0, "x", clock.instant().minusSeconds(1));
    store.compareAndSet("test", key + "-kept", 0, "x", clock.instant().plusSeconds(600));
    assertThat(store.purgeExpired(clock.instant())).isGreaterThanOrEqualTo(1);
    assertThat(store.find("test", key)).isEmpty();
    assertThat(store.find("test", key + "-kept")).isPresent();
  }
}
