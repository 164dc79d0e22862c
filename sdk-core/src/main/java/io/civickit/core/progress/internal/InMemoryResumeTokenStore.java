package io.civickit.core.progress.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.ResumeTokenStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Resume tokens in memory, for a single app instance. */
public final class InMemoryResumeTokenStore implements ResumeTokenStore {
  private final Map<String, TokenRecord> tokens = new LinkedHashMap<>();

  @Override
  public synchronized void issue(TokenRecord token) {
    tokens.replaceAll((h, r) -> r.journeyId().equals(token.journeyId()) && r.purpose().equals(token.purpose())
        && r.state() == State.ACTIVE ? withState(r, State.SUPERSEDED) : r);
    tokens.put(token.hash(), token);
  }

  private static TokenRecord withState(TokenRecord r, State s) {
    return new TokenRecord(r.hash(), r.journeyId(), r.purpose(), r.issuedAt(), r.expiresAt(), s);
  }

  @Override
  public synchronized Optional<TokenRecord> find(String hash) {
    return Optional.ofNullable(tokens.get(hash));
  }

  @Override
  public synchronized int revokeAll(JourneyId journeyId) {
    int[] n = {0};
    tokens.replaceAll((h, r) -> {
      if (r.journeyId().equals(journeyId) && r.state() == State.ACTIVE) {
        n[0]++;
        return withState(r, State.REVOKED);
      }
      return r;
    });
    return n[0];
  }
}
