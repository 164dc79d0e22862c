package io.civickit.identity.onelogin;

import com.nimbusds.jwt.JWTClaimsSet;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.onelogin.OneLogin.Validated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-channel logout: a logout token One Login POSTs is checked by the shared
 * {@link TokenVerifier} (its key's own algorithm), then for the logout event, no nonce, and a
 * {@code jti} not seen before by any instance sharing the {@link IdentityStore}.
 */
final class BackChannelLogout {
  /** The identity store kind under which seen logout token ids are kept (as hashes). */
  static final String JTI_KIND = "onelogin-jti";
  private static final Logger LOG = LoggerFactory.getLogger(OneLogin.class);

  private final TokenVerifier tokens;
  private final IdentityStore store;
  private final Duration clockSkew;
  private final Clock clock;

  BackChannelLogout(TokenVerifier tokens, IdentityStore store, Duration clockSkew, Clock clock) {
    this.tokens = tokens;
    this.store = store;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  LogoutResult validate(String logoutToken) {
    Validated checked = tokens.verify(logoutToken, "logout token", null);
    if (checked.rejection != null) {
      return new LogoutResult.Invalid(checked.rejection.reason(), checked.rejection.detail());
    }
    JWTClaimsSet c = Objects.requireNonNull(checked.claims);
    if (c.getIssueTime() == null) {
      return new LogoutResult.Invalid(RejectionReason.MALFORMED_TOKEN, "the logout token has no iat");
    }
    Object events = c.getClaim("events");
    if (!(events instanceof Map) || ((Map<?, ?>) events).size() != 1
        || !(((Map<?, ?>) events).get(OneLogin.BACKCHANNEL_LOGOUT_EVENT) instanceof Map)
        || !((Map<?, ?>) ((Map<?, ?>) events).get(OneLogin.BACKCHANNEL_LOGOUT_EVENT)).isEmpty()) {
      return new LogoutResult.Invalid(RejectionReason.MALFORMED_TOKEN, "the logout token has no back-channel logout event");
    }
    if (c.getClaim("nonce") != null) {
      return new LogoutResult.Invalid(RejectionReason.MALFORMED_TOKEN, "a logout token must not carry a nonce");
    }
    String jti = c.getJWTID();
    if (jti == null || jti.isBlank()) {
      return new LogoutResult.Invalid(RejectionReason.MALFORMED_TOKEN, "the logout token has no jti");
    }
    if (!firstSighting(jti, c.getExpirationTime().toInstant())) {
      LOG.warn("One Login back-channel logout token replayed");
      return new LogoutResult.Invalid(RejectionReason.REPLAYED, "this logout token was received before");
    }
    return new LogoutResult.Valid(c.getSubject(), Optional.ofNullable(TokenVerifier.stringClaim(c, "sid")));
  }

  private boolean firstSighting(String jti, Instant exp) {
    String key = Digests.sha256Hex(jti);
    // Remembered until well after the token could still be accepted (One Login: at least 3 minutes).
    Instant keep = max(exp.plus(clockSkew), clock.instant().plus(Duration.ofMinutes(3))).plus(Duration.ofMinutes(5));
    for (int race = 0; race < 20; race++) {
      Optional<IdentityStore.Entry> seen = store.find(JTI_KIND, key);
      if (seen.isPresent() && !seen.get().expiresAt().isBefore(clock.instant())) {
        return false;
      }
      if (store.compareAndSet(JTI_KIND, key, seen.map(IdentityStore.Entry::version).orElse(0L), "seen", keep)) {
        return true;
      }
    }
    return false;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
