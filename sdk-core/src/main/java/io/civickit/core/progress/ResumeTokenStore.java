package io.civickit.core.progress;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.internal.InMemoryResumeTokenStore;
import io.civickit.core.progress.internal.JdbcResumeTokenStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where resume tokens are kept: only as SHA-256 hashes, never the token itself. Used through
 * {@link ResumeTokens}; implement it only to keep tokens somewhere other than the built-ins.
 */
public interface ResumeTokenStore {

  /** A token's state. */
  enum State {
    /** Can be used until it expires. */
    ACTIVE,
    /** A newer token for the same journey and purpose replaced it. */
    SUPERSEDED,
    /** Withdrawn (the journey finished, or the council withdrew it). */
    REVOKED
  }

  /**
   * One stored token.
   *
   * @param hash the lower-case hex SHA-256 of the token
   * @param journeyId the journey it resumes
   * @param purpose why it was issued ({@code save-and-return}, {@code handback}...)
   * @param issuedAt when it was issued
   * @param expiresAt when it stops working
   * @param state its state
   */
  record TokenRecord(String hash, JourneyId journeyId, String purpose, Instant issuedAt, Instant expiresAt, State state) {
    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is null
     */
    public TokenRecord {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(journeyId, "journeyId");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(state, "state");
    }
  }

  /** Marks every active token of the journey and purpose superseded, then stores the new one, atomically. */
  void issue(TokenRecord token);

  /** The token with this hash. */
  Optional<TokenRecord> find(String hash);

  /** Revokes every active token of a journey; returns how many. */
  int revokeAll(JourneyId journeyId);

  /** Tokens kept in memory (single instance; lost on restart). */
  static ResumeTokenStore inMemory() {
    return new InMemoryResumeTokenStore();
  }

  /** Tokens in {@code civickit_resume_tokens}, shared by every instance on the database. */
  static ResumeTokenStore jdbc(DataSource dataSource) {
    return new JdbcResumeTokenStore(dataSource);
  }
}
