package io.civickit.identity.onelogin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.civickit.core.internal.crypto.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The core identity: the verifiable credential One Login's identity service signs with its own
 * keys (from its DID document, not the JWKS), checked as One Login's documentation lists and read
 * into a {@link VerifiedIdentity}.
 */
final class CoreIdentity {

  /** A core identity outcome: an identity, or a rejection. */
  static final class Outcome {
    final @Nullable VerifiedIdentity identity;
    final LoginResult.@Nullable Rejected rejection;

    Outcome(@Nullable VerifiedIdentity identity, LoginResult.@Nullable Rejected rejection) {
      this.identity = identity;
      this.rejection = rejection;
    }

    static Outcome no(RejectionReason reason, String detail) {
      return new Outcome(null, new LoginResult.Rejected(reason, detail));
    }
  }

  private final String identityIssuer;
  private final JWKSet identityKeys;
  private final String clientId;
  private final Duration clockSkew;
  private final Clock clock;

  CoreIdentity(String identityIssuer, JWKSet identityKeys, String clientId, Duration clockSkew, Clock clock) {
    this.identityIssuer = identityIssuer;
    this.identityKeys = identityKeys;
    this.clientId = clientId;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  /** Verifies a core identity JWT for the subject of the ID token, as One Login's documentation lists. */
  Outcome verify(String token, String expectedSubject) {
    SignedJWT jwt;
    try {
      JWT parsed = JWTParser.parse(token);
      if (!(parsed instanceof SignedJWT)) {
        return Outcome.no(RejectionReason.MALFORMED_TOKEN, "the core identity is not signed");
      }
      jwt = (SignedJWT) parsed;
    } catch (java.text.ParseException e) {
      return Outcome.no(RejectionReason.MALFORMED_TOKEN, "the core identity is not a JWT");
    }
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      return Outcome.no(RejectionReason.UNEXPECTED_ALGORITHM,
          "the core identity is signed with " + jwt.getHeader().getAlgorithm() + ", not ES256");
    }
    ECKey key = identityKey(jwt.getHeader().getKeyID());
    if (key == null) {
      return Outcome.no(RejectionReason.UNKNOWN_KEY, "no configured identity key has id "
          + jwt.getHeader().getKeyID());
    }
    JWTClaimsSet c;
    try {
      if (!jwt.verify(new ECDSAVerifier(key))) {
        return Outcome.no(RejectionReason.BAD_SIGNATURE, "the core identity's signature does not verify");
      }
      c = jwt.getJWTClaimsSet();
    } catch (JOSEException | java.text.ParseException e) {
      return Outcome.no(RejectionReason.BAD_SIGNATURE, "the core identity could not be verified: " + e.getMessage());
    }
    Instant now = clock.instant();
    if (c.getIssuer() == null || !c.getIssuer().equals(identityIssuer)) {
      return Outcome.no(RejectionReason.WRONG_ISSUER, "the core identity's iss is not " + identityIssuer);
    }
    if (c.getAudience() == null || !c.getAudience().contains(clientId)) {
      return Outcome.no(RejectionReason.WRONG_AUDIENCE, "the core identity is not for client " + clientId);
    }
    if (c.getSubject() == null || !Digests.equal(c.getSubject(), expectedSubject)) {
      return Outcome.no(RejectionReason.SUBJECT_MISMATCH, "the core identity is for another subject");
    }
    if (c.getExpirationTime() == null || !now.minus(clockSkew).isBefore(c.getExpirationTime().toInstant())) {
      return Outcome.no(RejectionReason.EXPIRED, "the core identity has expired");
    }
    if (!"P2".equals(TokenVerifier.stringClaim(c, "vot"))) {
      return Outcome.no(RejectionReason.IDENTITY_INVALID, "the core identity's vot is "
          + TokenVerifier.stringClaim(c, "vot") + ", not P2");
    }
    try {
      return new Outcome(readCredential(c, now), null);
    } catch (RuntimeException | java.text.ParseException e) {
      return Outcome.no(RejectionReason.IDENTITY_INVALID, "the identity credential cannot be read");
    }
  }

  private @Nullable ECKey identityKey(@Nullable String kid) {
    List<JWK> keys = identityKeys.getKeys();
    for (JWK k : keys) {
      if (k instanceof ECKey && kid != null && k.getKeyID() != null
          && (kid.equals(k.getKeyID()) || kid.endsWith("#" + k.getKeyID()))) {
        return (ECKey) k;
      }
    }
    if (kid == null && keys.size() == 1 && keys.get(0) instanceof ECKey) {
      return (ECKey) keys.get(0);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static VerifiedIdentity readCredential(JWTClaimsSet c, Instant now) throws java.text.ParseException {
    Map<String, Object> vc = c.getJSONObjectClaim("vc");
    Map<String, Object> subject = (Map<String, Object>) vc.get("credentialSubject");
    List<Object> names = (List<Object>) subject.get("name");
    Map<String, Object> current = null;
    for (Object n : names) {
      Map<String, Object> name = (Map<String, Object>) n;
      if (name.get("validUntil") == null) {
        current = name;
        break;
      }
    }
    if (current == null) {
      current = (Map<String, Object>) names.get(0);
    }
    List<String> given = new ArrayList<>();
    List<String> family = new ArrayList<>();
    for (Object p : (List<Object>) current.get("nameParts")) {
      Map<String, Object> part = (Map<String, Object>) p;
      String value = String.valueOf(part.get("value"));
      if ("GivenName".equals(part.get("type"))) {
        given.add(value);
      } else if ("FamilyName".equals(part.get("type"))) {
        family.add(value);
      }
    }
    List<Object> births = (List<Object>) subject.get("birthDate");
    String birth = String.valueOf(((Map<String, Object>) births.get(0)).get("value"));
    try {
      return new VerifiedIdentity(given, String.join(" ", family), LocalDate.parse(birth), now);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unreadable birth date", e);
    }
  }

  /**
   * The public keys of a One Login DID document ({@code /.well-known/did.json}), keyed by their
   * full DID key id, for {@link OneLogin.Builder#identityKeys}. Only keys whose id belongs to
   * {@code controllerId} (for example {@code did:web:identity.integration.account.gov.uk}) are
   * taken, as One Login's documentation requires.
   *
   * @throws IllegalArgumentException if the document is not a DID document of that controller
   */
  @SuppressWarnings("unchecked")
  static JWKSet keysFromDidDocument(String json, String controllerId) {
    try {
      Map<String, Object> doc = JSONObjectUtils.parse(json);
      if (!controllerId.equals(doc.get("id"))) {
        throw new IllegalArgumentException("the DID document is for " + doc.get("id") + ", not " + controllerId);
      }
      List<JWK> keys = new ArrayList<>();
      Object methods = doc.get("assertionMethod");
      if (methods instanceof List) {
        for (Object m : (List<Object>) methods) {
          if (!(m instanceof Map)) {
            continue;
          }
          Map<String, Object> method = (Map<String, Object>) m;
          Object id = method.get("id");
          Object jwk = method.get("publicKeyJwk");
          if (id instanceof String && ((String) id).startsWith(controllerId + "#") && jwk instanceof Map) {
            Map<String, Object> withKid = new LinkedHashMap<>((Map<String, Object>) jwk);
            withKid.put("kid", id);
            JWK key = JWK.parse(withKid);
            if (key instanceof ECKey && !key.isPrivate()) {
              keys.add(key);
            }
          }
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("the DID document has no EC public key of " + controllerId);
      }
      return new JWKSet(keys);
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException("not a DID document: " + e.getMessage(), e);
    }
  }
}
