package io.civickit.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A signed context package is accepted once across every instance that shares the used-id
 * store, and its id is forgotten only after it has expired. Run against memory, H2 and PostgreSQL.
 */
abstract class UsedContextIdsContract {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));

  /** A store object as one app instance would create it, over the same data as every other call. */
  abstract UsedContextIds newInstanceStore();

  HandoffContextSigner signer(UsedContextIds store) {
    return HandoffContextSigner.builder().keyId("chat-2026").secret(SECRET).clock(clock).usedIds(store).build();
  }

  static HandoffRequest request() {
    return HandoffContextProperties.request(Map.of("name", "Ada"), "");
  }

  @Test
  void aPackageReplayedAtTheSameMomentOnTwoInstancesIsAcceptedOnce() throws Exception {
    HandoffContextSigner a = signer(newInstanceStore());
    HandoffContextSigner b = signer(newInstanceStore());
    HandoffContextSigner.SignedContext signed = a.sign(request());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        HandoffContextSigner instance = i % 2 == 0 ? a : b;
        results.add(pool.submit(() -> {
          start.await();
          return instance.verify(signed).isPresent();
        }));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Boolean> f : results) {
        accepted += f.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void idsAreForgottenOnlyOnceTheirPackagesHaveExpired() {
    UsedContextIds store = newInstanceStore();
    String early = "early" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    String late = "late-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    assertThat(store.markUsed(early, clock.instant().plus(Duration.ofMinutes(1)))).isTrue();
    assertThat(store.markUsed(late, clock.instant().plus(Duration.ofMinutes(20)))).isTrue();
    assertThat(store.purgeExpired(clock.instant().plus(Duration.ofMinutes(10)))).isGreaterThanOrEqualTo(1);
    assertThat(store.markUsed(late, clock.instant().plus(Duration.ofMinutes(20)))).as("still remembered").isFalse();
    assertThat(store.markUsed(early, clock.instant().plus(Duration.ofMinutes(1)))).as("forgotten once expired").isTrue();
  }
}
