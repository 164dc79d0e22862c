package io.civickit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.ResumeTokenStore.State;
import io.civickit.core.progress.ResumeTokenStore.TokenRecord;
import io.civickit.test.internal.AtOnce;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ResumeTokenStore} must meet: CivicKit's own stores and a supplier's.
 * Extend it and return a store (ids and hashes here are random, so a shared one is fine):
 *
 * <pre>{@code
 * class MyTokenStoreTest extends ResumeTokenStoreContract {
 *   @Override protected ResumeTokenStore newStore() { return new MyTokenStore(...); }
 * }
 * }</pre>
 */
public abstract class ResumeTokenStoreContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The store under test. */
  protected abstract ResumeTokenStore newStore();

  /** A token hash as {@code ResumeTokens} makes one: 64 lower-case hex digits. */
  protected static String hash() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** An active token for a journey and purpose, issued now (whole milliseconds) for 7 days. */
  protected static TokenRecord token(JourneyId journey, String purpose) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new TokenRecord(hash(), journey, purpose, now, now.plus(Duration.ofDays(7)), State.ACTIVE);
  }

  @Test
  void anIssuedTokenIsFoundByItsHashExactlyAsIssued() {
    ResumeTokenStore store = newStore();
    TokenRecord t = token(JourneyId.random(), "save-and-return");
    store.issue(t);
    assertThat(store.find(t.hash())).contains(t);
    assertThat(store.find(hash())).isEmpty();
  }

  @Test
  void aNewTokenSupersedesTheActiveOnesOfTheSameJourneyAndPurposeOnly() {
    ResumeTokenStore store = newStore();
    JourneyId journey = JourneyId.random();
    TokenRecord first = token(journey, "save-and-return");
    TokenRecord handback = token(journey, "handback");
    TokenRecord otherJourney = token(JourneyId.random(), "save-and-return");
    store.issue(first);
    store.issue(handback);
    store.issue(otherJourney);
    TokenRecord second = token(journey, "save-and-return");
    store.issue(second);
    assertThat(store.find(first.hash()).map(TokenRecord::state)).contains(State.SUPERSEDED);
    assertThat(store.find(second.hash()).map(TokenRecord::state)).contains(State.ACTIVE);
    assertThat(store.find(handback.hash()).map(TokenRecord::state)).contains(State.ACTIVE);
    assertThat(store.find(otherJourney.hash()).map(TokenRecord::state)).contains(State.ACTIVE);
  }

  @Test
  void revokingAJourneysTokensCountsOnlyTheActiveOnesAndLeavesOthersAlone() {
    ResumeTokenStore store = newStore();
    JourneyId journey = JourneyId.random();
    TokenRecord superseded = token(journey, "save-and-return");
    store.issue(superseded);
    TokenRecord active = token(journey, "save-and-return");
    store.issue(active);
    TokenRecord handback = token(journey, "handback");
    store.issue(handback);
    TokenRecord someoneElse = token(JourneyId.random(), "save-and-return");
    store.issue(someoneElse);

    assertThat(store.revokeAll(journey)).isEqualTo(2);
    assertThat(store.find(active.hash()).map(TokenRecord::state)).contains(State.REVOKED);
    assertThat(store.find(handback.hash()).map(TokenRecord::state)).contains(State.REVOKED);
    assertThat(store.find(superseded.hash()).map(TokenRecord::state)).contains(State.SUPERSEDED);
    assertThat(store.find(someoneElse.hash()).map(TokenRecord::state)).contains(State.ACTIVE);
    assertThat(store.revokeAll(journey)).as("nothing active is left").isZero();
  }

  @Test
  void tokensIssuedAtOnceForOneJourneyLeaveExactlyOneActive() throws Exception {
    ResumeTokenStore store = newStore();
    JourneyId journey = JourneyId.random();
    List<TokenRecord> tokens = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tokens.add(token(journey, "save-and-return"));
    }
    List<Callable<Void>> issuers = new ArrayList<>();
    for (TokenRecord t : tokens) {
      issuers.add(() -> {
        store.issue(t);
        return null;
      });
    }
    AtOnce.run(issuers);
    long active = tokens.stream()
        .filter(t -> store.find(t.hash()).map(TokenRecord::state).orElseThrow() == State.ACTIVE).count();
    assertThat(active).as("a link sent earlier never stays usable beside a newer one").isEqualTo(1);
  }
}
