package io.civickit.core.progress;

import io.civickit.core.JourneyId;
import io.civickit.core.internal.crypto.Digests;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and redeems resume tokens: 256 random bits, given to the person once (in a magic link)
 * and stored only as a hash. Following GOV.UK's pattern for email links, a link expires, a newer
 * link for the same journey supersedes older ones, and redeeming tells expired, superseded and
 * unknown apart so the page can say the right thing.
 */
public final class ResumeTokens {
  /** Default life of a token: 7 days. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ResumeTokenStore store;
  private final Clock clock;
  private final Duration ttl;

  /** Tokens kept in {@code store}, living {@code ttl}, timed by {@code clock}. */
  public ResumeTokens(ResumeTokenStore store, Clock clock, Duration ttl) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a token's life must be positive, but was " + ttl);
    }
    this.ttl = ttl;
  }

  /**
   * A token given out once. {@link #toString()} does not print the token.
   *
   * @param token the token itself, URL-safe; only its hash is stored, so it cannot be shown again
   * @param journeyId the journey it resumes
   * @param purpose why it was issued ({@code save-and-return}, {@code handback}...)
   * @param expiresAt when it stops working
   */
  public record IssuedToken(String token, JourneyId journeyId, String purpose, Instant expiresAt) {
    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is null
     */
    public IssuedToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(journeyId, "journeyId");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The magic link: {@code base} with {@code ?token=} (or {@code &token=}) added. */
    public URI link(URI base) {
      String b = base.toString();
      return URI.create(b + (b.contains("?") ? "&" : "?") + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "IssuedToken[journey=" + journeyId + ", purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** What redeeming a token found. */
  public sealed interface Redemption {
    /**
     * The token is good: resume this journey.
     *
     * @param journeyId the journey to resume
     * @param purpose what the token was issued for ({@code save-and-return}, {@code handback}...)
     */
    record Valid(JourneyId journeyId, String purpose) implements Redemption {}

    /**
     * The token was good but has expired: offer to send a new link.
     *
     * @param journeyId the journey the token was for, to send the new link for
     */
    record Expired(JourneyId journeyId) implements Redemption {}

    /**
     * A newer link was sent: tell the person to use the latest one.
     *
     * @param journeyId the journey the token was for
     */
    record Superseded(JourneyId journeyId) implements Redemption {}

    /**
     * The token was withdrawn (for example the application was already submitted).
     *
     * @param journeyId the journey the token was for
     */
    record Revoked(JourneyId journeyId) implements Redemption {}

    /** No such token: mistyped, truncated or made up. */
    record Unknown() implements Redemption {}
  }

  /** Issues a token for a journey, superseding that journey's earlier tokens for the same purpose. */
  public IssuedToken issue(JourneyId journeyId, String purpose) {
    if (!purpose.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("a token purpose is 1 to 32 lower-case letters, digits and hyphens, but was \""
          + purpose + "\"");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    store.issue(new ResumeTokenStore.TokenRecord(hash(token), journeyId, purpose, now, expires,
        ResumeTokenStore.State.ACTIVE));
    return new IssuedToken(token, journeyId, purpose, expires);
  }

  /** Looks a token up. Never throws for a malformed token: it is {@link Redemption.Unknown}. */
  public Redemption redeem(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return new Redemption.Unknown();
    }
    Optional<ResumeTokenStore.TokenRecord> found = store.find(hash(token));
    if (found.isEmpty()) {
      return new Redemption.Unknown();
    }
    ResumeTokenStore.TokenRecord r = found.get();
    switch (r.state()) {
      case SUPERSEDED:
        return new Redemption.Superseded(r.journeyId());
      case REVOKED:
        return new Redemption.Revoked(r.journeyId());
      default:
        break;
    }
    if (!clock.instant().isBefore(r.expiresAt())) {
      return new Redemption.Expired(r.journeyId());
    }
    return new Redemption.Valid(r.journeyId(), r.purpose());
  }

  /** Revokes every token of a journey (for example once it is submitted). */
  public int revokeAll(JourneyId journeyId) {
    return store.revokeAll(journeyId);
  }

  /** The lower-case hex SHA-256 of a token, as stored. */
  public static String hash(String token) {
    return Digests.sha256Hex(token);
  }
}
