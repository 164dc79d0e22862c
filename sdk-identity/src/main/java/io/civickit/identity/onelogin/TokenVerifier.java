package io.civickit.identity.onelogin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.civickit.identity.internal.RemoteJson;
import io.civickit.identity.onelogin.OneLogin.Validated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one signature and claims check for every token One Login signs with its published keys:
 * ID tokens and back-channel logout tokens. They differ only in which algorithm is accepted: an
 * ID token's is configured ({@code ES256} unless set), a logout token's is its key's own.
 */
final class TokenVerifier {
  private static final Duration FORCED_REFRESH_GAP = Duration.ofSeconds(30);

  private final String issuer;
  private final String clientId;
  private final Duration clockSkew;
  private final Clock clock;
  private final Supplier<RemoteJson<JWKSet>> jwks;
  private Instant lastForcedRefresh = Instant.MIN;

  TokenVerifier(String issuer, String clientId, Duration clockSkew, Clock clock, Supplier<RemoteJson<JWKSet>> jwks) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clockSkew = clockSkew;
    this.clock = clock;
    this.jwks = jwks;
  }

  /**
   * Parses the token, checks its algorithm and key id (one JWKS refresh for an unknown one),
   * verifies the signature, then the claims every One Login token has ({@link #checkCommonClaims}).
   *
   * @param token the compact JWT
   * @param what the token's name in a rejection's detail: {@code "ID token"}, {@code "logout token"}
   * @param required the only algorithm accepted, or null to accept the key's own (its {@code alg},
   *     or ES256 for an EC key and RS256 for an RSA key without one)
   */
  Validated verify(String token, String what, @Nullable JWSAlgorithm required) {
    Validated signed = verifySignature(token, what, required);
    return signed.rejection != null ? signed : checkCommonClaims(java.util.Objects.requireNonNull(signed.claims));
  }

  private Validated verifySignature(String token, String what, @Nullable JWSAlgorithm required) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (java.text.ParseException e) {
      return Validated.no(RejectionReason.MALFORMED_TOKEN, "not a JWT");
    }
    if (!(jwt instanceof SignedJWT)) {
      return Validated.no(RejectionReason.MALFORMED_TOKEN, "the " + what + " is not signed (alg "
          + jwt.getHeader().getAlgorithm() + ")");
    }
    SignedJWT signed = (SignedJWT) jwt;
    JWSAlgorithm alg = signed.getHeader().getAlgorithm();
    // Before any key look-up, so a token in the wrong algorithm cannot make us fetch the JWKS.
    if (required != null && !required.equals(alg)) {
      return Validated.no(RejectionReason.UNEXPECTED_ALGORITHM, "the " + what + " is signed with " + alg + ", not "
          + required);
    }
    String kid = signed.getHeader().getKeyID();
    JWK key = kid == null ? null : jwks.get().get().getKeyByKeyId(kid);
    if (key == null && kid != null && mayForceRefresh()) {
      key = jwks.get().refresh().getKeyByKeyId(kid);
    }
    if (key == null) {
      return Validated.no(RejectionReason.UNKNOWN_KEY, "no published key has id " + kid);
    }
    boolean algFits = key.getAlgorithm() != null ? key.getAlgorithm().getName().equals(alg.getName())
        : required != null
            || (key instanceof ECKey && alg.equals(JWSAlgorithm.ES256))
            || (key instanceof RSAKey && alg.equals(JWSAlgorithm.RS256));
    if (!algFits) {
      return Validated.no(RejectionReason.UNEXPECTED_ALGORITHM, "key " + kid + " is for "
          + (key.getAlgorithm() != null ? key.getAlgorithm() : key.getKeyType()) + ", not " + alg);
    }
    try {
      JWSVerifier verifier = verifierFor(key);
      if (verifier == null || !signed.verify(verifier)) {
        return Validated.no(RejectionReason.BAD_SIGNATURE, "the signature does not verify with key " + kid);
      }
      return Validated.ok(signed.getJWTClaimsSet());
    } catch (JOSEException | java.text.ParseException e) {
      return Validated.no(RejectionReason.BAD_SIGNATURE, "the signature could not be verified: " + e.getMessage());
    }
  }

  /** iss, aud, exp, iat and sub, as every One Login token must have them. */
  Validated checkCommonClaims(JWTClaimsSet c) {
    Instant now = clock.instant();
    if (c.getIssuer() == null || !c.getIssuer().equals(issuer)) {
      return Validated.no(RejectionReason.WRONG_ISSUER, "the token's iss is not " + issuer);
    }
    if (c.getAudience() == null || !c.getAudience().contains(clientId)) {
      return Validated.no(RejectionReason.WRONG_AUDIENCE, "the token is not for client " + clientId);
    }
    if (c.getExpirationTime() == null) {
      return Validated.no(RejectionReason.MALFORMED_TOKEN, "the token has no exp");
    }
    if (!now.minus(clockSkew).isBefore(c.getExpirationTime().toInstant())) {
      return Validated.no(RejectionReason.EXPIRED, "the token expired at " + c.getExpirationTime().toInstant());
    }
    if (c.getIssueTime() != null && c.getIssueTime().toInstant().isAfter(now.plus(clockSkew))) {
      return Validated.no(RejectionReason.ISSUED_IN_FUTURE, "the token was issued in the future");
    }
    if (c.getSubject() == null || c.getSubject().isBlank()) {
      return Validated.no(RejectionReason.MALFORMED_TOKEN, "the token has no sub");
    }
    return Validated.ok(c);
  }

  /** At most one forced JWKS refresh every 30 seconds, so unknown key ids cannot hammer One Login. */
  private synchronized boolean mayForceRefresh() {
    Instant now = clock.instant();
    if (now.isBefore(lastForcedRefresh.plus(FORCED_REFRESH_GAP))) {
      return false;
    }
    lastForcedRefresh = now;
    return true;
  }

  private static @Nullable JWSVerifier verifierFor(JWK key) throws JOSEException {
    if (key instanceof ECKey) {
      return new ECDSAVerifier((ECKey) key);
    }
    if (key instanceof RSAKey) {
      return new RSASSAVerifier((RSAKey) key);
    }
    return null;
  }

  /** A claim's value if it is a string. */
  static @Nullable String stringClaim(JWTClaimsSet c, String name) {
    Object v = c.getClaim(name);
    return v instanceof String ? (String) v : null;
  }
}
