package io.civickit.identity.onelogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.civickit.core.progress.Schema;
import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.AuthenticationLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.IdentityStore;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.TestClock;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relying party against a real OIDC server (mock-oauth2-server) set up like GOV.UK One Login. */
class OneLoginTest {
  static final String ISSUER_ID = "onelogin";
  static final String CLIENT_ID = "council-client";
  static final String IDENTITY_ISSUER = "https://identity.test.account.gov.uk/";
  static final String USER_AGENT = "civickit-tests/1.0 (https://civickit.io)";
  static final String SUBJECT = "urn:fdc:gov.uk:2022:subject-1";
  static final URI REDIRECT = URI.create("https://apply.example.gov.uk/callback");

  static MockOAuth2Server server;
  static RSAKey clientKey;
  static ECKey didKey;
  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  TestClock clock;
  OneLogin rp;

  @BeforeAll
  static void startServer() throws Exception {
    server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
        new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))), new CannedTokenRoute());
    server.start();
    clientKey = new RSAKeyGenerator(2048).keyID("client-key-1").generate();
    didKey = new ECKeyGenerator(Curve.P_256).keyID("did:web:identity.test.account.gov.uk#key-1").generate();
  }

  @AfterAll
  static void stopServer() {
    server.shutdown();
  }

  @BeforeEach
  void newRelyingParty() throws Exception {
    clock = new TestClock(Instant.now());
    rp = relyingParty(IdentityStore.inMemory());
    drain();
  }

  OneLogin relyingParty(IdentityStore store) {
    return OneLogin.builder()
        .issuer(server.issuerUrl(ISSUER_ID).uri())
        .clientId(CLIENT_ID)
        .redirectUri(REDIRECT)
        .clientKey(clientKey)
        .userAgent(USER_AGENT)
        .identityIssuer(IDENTITY_ISSUER)
        .identityKeys(new JWKSet(didKey.toPublicJWK()))
        .clock(clock)
        .clockSkew(Duration.ofSeconds(30))
        .store(store)
        .build();
  }

  // ---------------------------------------------------------------- helpers

  static void drain() {
    recorded(20);
  }

  static List<RecordedRequest> recorded() {
    return recorded(200);
  }

  /** The requests the server received since the last look (it throws when there are no more). */
  static List<RecordedRequest> recorded(long waitMillis) {
    List<RecordedRequest> out = new ArrayList<>();
    while (true) {
      try {
        RecordedRequest r = server.takeRequest(waitMillis, TimeUnit.MILLISECONDS);
        if (r == null) {
          return out;
        }
        out.add(r);
      } catch (RuntimeException none) {
        return out;
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static void enqueueTokens(String subject, List<String> audience, Map<String, Object> claims) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, 120));
  }

  static Map<String, Object> oneLoginClaims(String vot) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("vot", vot);
    claims.put("vtm", "https://oidc.test.account.gov.uk/trustmark");
    claims.put("sid", "session-1");
    claims.put("email", "jane@example.org");
    claims.put("email_verified", true);
    return claims;
  }

  String coreIdentity(String subject, String vot, Instant exp) throws Exception {
    Map<String, Object> name = Map.of("nameParts", List.of(
        Map.of("value", "Jane", "type", "GivenName"),
        Map.of("value", "Alice", "type", "GivenName"),
        Map.of("value", "O’Donnell", "type", "FamilyName")));
    Map<String, Object> previous = Map.of("validUntil", "2020-03-01", "nameParts", List.of(
        Map.of("value", "Jane", "type", "GivenName"), Map.of("value", "Doe", "type", "FamilyName")));
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(IDENTITY_ISSUER)
        .audience(CLIENT_ID)
        .notBeforeTime(Date.from(clock.instant()))
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(exp))
        .claim("vot", vot)
        .claim("vtm", "https://oidc.test.account.gov.uk/trustmark")
        .claim("vc", Map.of("type", List.of("VerifiableCredential", "VerifiableIdentityCredential"),
            "credentialSubject", Map.of("name", List.of(previous, name),
                "birthDate", List.of(Map.of("value", "1970-01-31")))))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(didKey.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(didKey));
    return jwt.serialize();
  }

  /** The browser's part: follow the authorisation URL to the callback. */
  static URI authorize(URI authorizationUrl) throws Exception {
    HttpResponse<Void> r = BROWSER.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).isEqualTo(302);
    URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT.toString());
    return location;
  }

  LoginResult login(LoginRequest request) throws Exception {
    AuthorizationRedirect go = rp.start(request);
    return rp.complete(go.pending(), authorize(go.uri()));
  }

  // ---------------------------------------------------------------- happy paths

  @Test
  void signsInWithIdentityAndAddressAndReadsTheVerifiedNameAndDateOfBirth() throws Exception {
    Map<String, Object> claims = oneLoginClaims("Cl.Cm");
    claims.put(OneLogin.CORE_IDENTITY_CLAIM, coreIdentity(SUBJECT, "P2", clock.instant().plusSeconds(600)));
    claims.put(OneLogin.ADDRESS_CLAIM, List.of(Map.of("uprn", "10022812929", "buildingNumber", "16",
        "streetName", "HIGH STREET", "addressLocality", "GREAT MISSENDEN", "postalCode", "HP16 0AL",
        "validFrom", "2022-01-01")));
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), claims);

    LoginResult result = login(LoginRequest.identityWithAddress());

    assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    LoginResult.LoggedIn in = (LoginResult.LoggedIn) result;
    assertThat(in.subject()).isEqualTo(SUBJECT);
    assertThat(in.authentication()).isEqualTo(AuthenticationLevel.MEDIUM);
    assertThat(in.sessionId()).contains("session-1");
    assertThat(in.email()).contains("jane@example.org");
    VerifiedIdentity identity = in.identity().orElseThrow();
    assertThat(identity.givenNames()).containsExactly("Jane", "Alice");
    assertThat(identity.familyName()).isEqualTo("O’Donnell");
    assertThat(identity.fullName()).isEqualTo("Jane Alice O’Donnell");
    assertThat(identity.dateOfBirth()).isEqualTo(LocalDate.of(1970, 1, 31));
    assertThat(in.addresses()).singleElement().satisfies(a -> {
      assertThat(a.postalCode()).contains("HP16 0AL");
      assertThat(a.uprn()).contains("10022812929");
      assertThat(a.isCurrent()).isTrue();
    });
    assertThat(in.toString()).doesNotContain("Jane").doesNotContain(SUBJECT);
    CheckResult check = result.toCheckResult();
    assertThat(check).isInstanceOf(CheckResult.Verified.class);
    assertThat(((CheckResult.Verified) check).level()).isEqualTo(AssuranceLevel.MEDIUM);
  }

  @SuppressWarnings("unchecked")
  @Test
  void authorisationRequestCarriesStateNoncePkceVtrClaimsAndWelsh() throws Exception {
    AuthorizationRedirect go = rp.start(LoginRequest.identityWithAddress().in(Locale.forLanguageTag("cy")));
    Map<String, String> q = query(go.uri().getRawQuery());
    assertThat(go.uri().toString()).startsWith(server.authorizationEndpointUrl(ISSUER_ID).toString());
    assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", REDIRECT.toString()).containsEntry("ui_locales", "cy")
        .containsEntry("vtr", "[\"Cl.Cm.P2\"]").containsEntry("code_challenge_method", "S256")
        .containsEntry("state", go.pending().state()).containsEntry("nonce", go.pending().nonce());
    assertThat(q.get("scope").split(" ")).contains("openid", "email");
    Map<String, Object> claims = parse(q.get("claims"));
    assertThat((Map<String, Object>) claims.get("userinfo")).containsOnlyKeys(OneLogin.CORE_IDENTITY_CLAIM,
        OneLogin.ADDRESS_CLAIM);
    assertThat(q.get("code_challenge")).isNotBlank().isNotEqualTo(go.pending().codeVerifier());
    assertThat(go.uri().toString().length()).isLessThanOrEqualTo(OneLogin.MAX_AUTHORIZE_URL_LENGTH);
    assertThat(go.pending().toString()).doesNotContain(go.pending().state()).doesNotContain(go.pending().nonce());

    AuthorizationRedirect second = rp.start(LoginRequest.signInOnly());
    assertThat(second.pending().state()).isNotEqualTo(go.pending().state());
    assertThat(query(second.uri().getRawQuery())).containsEntry("vtr", "[\"Cl.Cm\"]").doesNotContainKey("claims");
  }

  @Test
  void tokenRequestIsAuthenticatedWithAFreshPrivateKeyJwtAndEveryCallHasTheUserAgent() throws Exception {
    List<String> jtis = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
      AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
      drain();
      LoginResult result = rp.complete(go.pending(), authorize(go.uri()));
      assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);

      List<RecordedRequest> requests = recorded();
      RecordedRequest token = requests.stream().filter(r -> r.getPath().endsWith("/token")).findFirst().orElseThrow();
      Map<String, String> form = query(token.getBody().readUtf8());
      assertThat(form).containsEntry("grant_type", "authorization_code")
          .containsEntry("redirect_uri", REDIRECT.toString())
          .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
          .containsEntry("code_verifier", go.pending().codeVerifier());
      SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
      assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
      assertThat(assertion.getHeader().getKeyID()).isEqualTo("client-key-1");
      assertThat(assertion.verify(new RSASSAVerifier(clientKey.toPublicJWK()))).isTrue();
      JWTClaimsSet c = assertion.getJWTClaimsSet();
      assertThat(c.getIssuer()).isEqualTo(CLIENT_ID);
      assertThat(c.getSubject()).isEqualTo(CLIENT_ID);
      assertThat(c.getAudience()).containsExactly(server.tokenEndpointUrl(ISSUER_ID).toString());
      assertThat(c.getJWTID()).isNotBlank();
      assertThat(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()))
          .isLessThanOrEqualTo(Duration.ofMinutes(5)).isPositive();
      jtis.add(c.getJWTID());
      for (RecordedRequest r : requests) {
        if (!r.getPath().contains("/authorize")) {
          assertThat(r.getHeader("User-Agent")).as("User-Agent on " + r.getPath()).isEqualTo(USER_AGENT);
        }
      }
      assertThat(requests).anyMatch(r -> r.getPath().endsWith("/userinfo"));
    }
    assertThat(jtis.get(0)).isNotEqualTo(jtis.get(1));
  }

  @Test
  void anAuthorisationUrlOverOneLoginsLengthLimitIsRefused() {
    Set<String> many = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 80; i++) {
      many.add("https://vocab.account.gov.uk/v1/made-up-claim-number-" + i);
    }
    LoginRequest huge = new LoginRequest(AuthenticationLevel.MEDIUM, false, many, Set.of(), Locale.ENGLISH);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rp.start(huge))
        .isInstanceOf(io.civickit.core.CivicKitException.class).hasMessageContaining("4096");
  }

  // ---------------------------------------------------------------- rejections through the whole flow

  @Test
  void aCallbackWithAnotherStateIsRejectedBeforeTheCodeIsRedeemed() throws Exception {
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    drain();
    Map<String, String> params = query(callback.getRawQuery());
    params.put("state", "forged-state");
    LoginResult result = rp.complete(go.pending(), params);
    assertThat(result).isEqualTo(new LoginResult.Rejected(RejectionReason.STATE_MISMATCH, "the state returned is not the one sent"));
    assertThat(recorded()).noneMatch(r -> r.getPath().endsWith("/token"));
  }

  @Test
  void anIdTokenWithAnotherNonceIsRejected() throws Exception {
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    PendingLogin p = go.pending();
    PendingLogin otherNonce = new PendingLogin(p.state(), "another-nonce", p.codeVerifier(), p.authentication(),
        p.identity(), p.createdAt());
    assertThat(reason(rp.complete(otherNonce, callback))).isEqualTo(RejectionReason.NONCE_MISMATCH);
  }

  @Test
  void anIdTokenForAnotherAudienceIsRejected() {
    // The server always addresses ID tokens of the code flow to the client that redeemed the code,
    // so the token for another client is one it issued directly, signed with its published key.
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", "n-1");
    SignedJWT other = server.issueToken(ISSUER_ID, "another-client",
        new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", List.of("another-client"), claims, 120));
    assertThat(rp.validateIdToken(other.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.WRONG_AUDIENCE);
  }

  /** An ID token the server signs, with {@code azp} the client named (the server always sets it). */
  SignedJWT idTokenFor(String authorisedParty, List<String> audience) {
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", "n-1");
    return server.issueToken(ISSUER_ID, authorisedParty,
        new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", audience, claims, 120));
  }

  @Test
  void anIdTokenWhoseAuthorisedPartyIsAnotherClientIsRejected() throws Exception {
    SignedJWT other = idTokenFor("another-client", List.of(CLIENT_ID));
    assertThat(other.getJWTClaimsSet().getStringClaim("azp")).isEqualTo("another-client");
    assertThat(rp.validateIdToken(other.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection)
        .isEqualTo(new LoginResult.Rejected(RejectionReason.WRONG_AUDIENCE, "the ID token's azp is not client " + CLIENT_ID));
    SignedJWT mine = idTokenFor(CLIENT_ID, List.of(CLIENT_ID));
    assertThat(rp.validateIdToken(mine.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection).isNull();
  }

  @Test
  void anIdTokenForSeveralAudiencesIsTakenOnlyWhenThisClientIsItsAuthorisedParty() throws Exception {
    SignedJWT named = idTokenFor(CLIENT_ID, List.of(CLIENT_ID, "another-client"));
    assertThat(named.getJWTClaimsSet().getAudience()).hasSize(2);
    assertThat(rp.validateIdToken(named.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection).isNull();
    SignedJWT theirs = idTokenFor("another-client", List.of(CLIENT_ID, "another-client"));
    assertThat(rp.validateIdToken(theirs.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.WRONG_AUDIENCE);
  }

  @Test
  void aSignInStartedLongerAgoThanItsLifetimeIsRefusedWithoutRedeemingTheCode() throws Exception {
    OneLogin shortLived = OneLogin.builder().issuer(server.issuerUrl(ISSUER_ID).uri()).clientId(CLIENT_ID)
        .redirectUri(REDIRECT).clientKey(clientKey).userAgent(USER_AGENT).identityIssuer(IDENTITY_ISSUER)
        .identityKeys(new JWKSet(didKey.toPublicJWK())).clock(clock).pendingLoginLifetime(Duration.ofMinutes(10))
        .build();
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    AuthorizationRedirect go = shortLived.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    drain();
    clock.advance(Duration.ofMinutes(10));
    assertThat(reason(shortLived.complete(go.pending(), callback))).isEqualTo(RejectionReason.LOGIN_EXPIRED);
    assertThat(recorded()).noneMatch(r -> r.getPath().endsWith("/token"));

    clock.set(Instant.now());
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    AuthorizationRedirect again = shortLived.start(LoginRequest.signInOnly());
    URI callback2 = authorize(again.uri());
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(reason(shortLived.complete(again.pending(), callback2)))
        .as("within its lifetime the sign-in goes on (to a token expired by then)").isEqualTo(RejectionReason.EXPIRED);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneLogin.builder().pendingLoginLifetime(Duration.ofSeconds(30)))
        .hasMessageContaining("PT30S");
  }

  @Test
  void aTokenResponseOverItsSizeLimitIsRefusedWithoutBeingReadWhole() throws Exception {
    Map<String, Object> claims = oneLoginClaims("Cl.Cm");
    claims.put("padding", "x".repeat(70_000));
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), claims);
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rp.complete(go.pending(), callback))
        .isInstanceOf(OneLoginUnavailableException.class).hasMessageContaining("more than 65536 bytes");
  }

  @Test
  void anIdTokenFromAnotherIssuerOnTheSameServerIsRejected() throws Exception {
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", "n-1");
    SignedJWT other = server.issueToken("not-one-login", CLIENT_ID,
        new DefaultOAuth2TokenCallback("not-one-login", SUBJECT, "JWT", List.of(CLIENT_ID), claims, 120));
    // Signed by another issuer's key: unknown to One Login's JWKS, and the issuer is wrong anyway.
    assertThat(rp.validateIdToken(other.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isIn(RejectionReason.UNKNOWN_KEY, RejectionReason.WRONG_ISSUER);
  }

  @Test
  void anExpiredIdTokenIsRejectedBeyondTheSkewButAcceptedWithinIt() throws Exception {
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    clock.advance(Duration.ofSeconds(120 + 31));
    assertThat(reason(rp.complete(go.pending(), callback))).isEqualTo(RejectionReason.EXPIRED);

    clock.set(Instant.now());
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    AuthorizationRedirect again = rp.start(LoginRequest.signInOnly());
    URI callback2 = authorize(again.uri());
    clock.advance(Duration.ofSeconds(120 + 20));
    assertThat(rp.complete(again.pending(), callback2)).isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  void aLowerVectorOfTrustThanAskedIsRejected() throws Exception {
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl"));
    assertThat(reason(login(LoginRequest.signInOnly()))).isEqualTo(RejectionReason.LEVEL_TOO_LOW);
  }

  @Test
  void aCoreIdentityForAnotherSubjectIsRejected() throws Exception {
    Map<String, Object> claims = oneLoginClaims("Cl.Cm");
    claims.put(OneLogin.CORE_IDENTITY_CLAIM, coreIdentity("urn:fdc:gov.uk:2022:someone-else", "P2",
        clock.instant().plusSeconds(600)));
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), claims);
    assertThat(reason(login(LoginRequest.identityWithAddress()))).isEqualTo(RejectionReason.SUBJECT_MISMATCH);
  }

  @Test
  void aCoreIdentityBelowP2OrMissingIsRejected() throws Exception {
    Map<String, Object> claims = oneLoginClaims("Cl.Cm");
    claims.put(OneLogin.CORE_IDENTITY_CLAIM, coreIdentity(SUBJECT, "P1", clock.instant().plusSeconds(600)));
    enqueueTokens(SUBJECT, List.of(CLIENT_ID), claims);
    assertThat(reason(login(LoginRequest.identityWithAddress()))).isEqualTo(RejectionReason.IDENTITY_INVALID);

    enqueueTokens(SUBJECT, List.of(CLIENT_ID), oneLoginClaims("Cl.Cm"));
    assertThat(reason(login(LoginRequest.identityWithAddress()))).isEqualTo(RejectionReason.IDENTITY_MISSING);
  }

  @Test
  void aCoreIdentitySignedByAnotherKeyOrExpiredIsRejected() throws Exception {
    String good = coreIdentity(SUBJECT, "P2", clock.instant().plusSeconds(600));
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(didKey.getKeyID()).generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(didKey.getKeyID()).build(),
        SignedJWT.parse(good).getJWTClaimsSet());
    forged.sign(new ECDSASigner(impostor));
    assertThat(rp.verifyCoreIdentity(forged.serialize(), SUBJECT).rejection.reason())
        .isEqualTo(RejectionReason.BAD_SIGNATURE);
    String expired = coreIdentity(SUBJECT, "P2", clock.instant().minusSeconds(60));
    assertThat(rp.verifyCoreIdentity(expired, SUBJECT).rejection.reason()).isEqualTo(RejectionReason.EXPIRED);
    assertThat(rp.verifyCoreIdentity(good, SUBJECT).identity).isNotNull();
  }

  OneLogin cannedRelyingParty() {
    return OneLogin.builder().issuer(server.issuerUrl("canned").uri()).clientId(CLIENT_ID).redirectUri(REDIRECT)
        .clientKey(clientKey).userAgent(USER_AGENT).clock(clock).build();
  }

  @Test
  void aTokenResponseWithAnUnsignedIdTokenIsRejectedInTheWholeFlow() throws Exception {
    OneLogin rp = cannedRelyingParty();
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(server.issuerUrl("canned").toString()).audience(CLIENT_ID)
        .subject(SUBJECT).claim("nonce", go.pending().nonce()).claim("vot", "Cl.Cm")
        .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(120))).build();
    String body = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":180,\"id_token\":\""
        + new PlainJWT(claims).serialize() + "\"}";
    CannedTokenRoute.answer(200, body);
    assertThat(reason(rp.complete(go.pending(), callback))).isEqualTo(RejectionReason.MALFORMED_TOKEN);
  }

  @Test
  void anAtHashThatDoesNotMatchTheAccessTokenIsRejected() throws Exception {
    OneLogin rp = cannedRelyingParty();
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", go.pending().nonce());
    claims.put("at_hash", "not-the-hash-of-the-access-token");
    String idToken = server.issueToken("canned", CLIENT_ID,
        new DefaultOAuth2TokenCallback("canned", SUBJECT, "JWT", List.of(CLIENT_ID), claims, 120)).serialize();
    CannedTokenRoute.answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":180,\"id_token\":\""
        + idToken + "\"}");
    assertThat(reason(rp.complete(go.pending(), callback))).isEqualTo(RejectionReason.ACCESS_TOKEN_MISMATCH);
  }

  @Test
  void aTokenEndpointErrorIsARejection() throws Exception {
    OneLogin rp = cannedRelyingParty();
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    URI callback = authorize(go.uri());
    CannedTokenRoute.answer(400, "{\"error\":\"invalid_grant\"}");
    LoginResult result = rp.complete(go.pending(), callback);
    assertThat(result).isEqualTo(new LoginResult.Rejected(RejectionReason.TOKEN_ERROR, "the token endpoint answered invalid_grant"));
  }

  @Test
  void theJwksIsKeptThroughAnOutageOfOneLogin() {
    OneLogin rp = cannedRelyingParty();
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", "n-1");
    SignedJWT token = server.issueToken("canned", CLIENT_ID,
        new DefaultOAuth2TokenCallback("canned", SUBJECT, "JWT", List.of(CLIENT_ID), claims, 3600));
    try {
      assertThat(rp.validateIdToken(token.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection).isNull();
      int fetched = rp.jwksFetches();
      CannedTokenRoute.jwksDown = true;
      clock.advance(Duration.ofMinutes(30));   // past any max-age: the cache is stale and a refresh fails
      assertThat(rp.validateIdToken(token.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection).isNull();
      assertThat(rp.jwksFetches()).as("the refresh was tried").isGreaterThan(fetched);
    } finally {
      CannedTokenRoute.jwksDown = false;
    }
  }

  @Test
  void anErrorFromTheAuthorisationEndpointIsARejection() {
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    LoginResult result = rp.complete(go.pending(), Map.of("state", go.pending().state(), "error", "access_denied"));
    assertThat(result).isEqualTo(new LoginResult.Rejected(RejectionReason.AUTHORIZATION_ERROR, "One Login answered access_denied"));
  }

  // ---------------------------------------------------------------- forged ID tokens against the server's JWKS

  SignedJWT genuine(Map<String, Object> extra) {
    Map<String, Object> claims = new HashMap<>(oneLoginClaims("Cl.Cm"));
    claims.put("nonce", "n-1");
    claims.putAll(extra);
    return server.issueToken(ISSUER_ID, CLIENT_ID,
        new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", List.of(CLIENT_ID), claims, 120));
  }

  @Test
  void aGenuineIdTokenFromTheServerValidates() {
    OneLogin.Validated v = rp.validateIdToken(genuine(Map.of()).serialize(), "n-1", AuthenticationLevel.MEDIUM);
    assertThat(v.rejection).isNull();
    assertThat(v.claims.getSubject()).isEqualTo(SUBJECT);
  }

  @Test
  void anUnsignedIdTokenWithAlgNoneIsRejected() throws Exception {
    PlainJWT none = new PlainJWT(genuine(Map.of()).getJWTClaimsSet());
    assertThat(rp.validateIdToken(none.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.MALFORMED_TOKEN);
  }

  @Test
  void anIdTokenWithATamperedPayloadFailsItsSignature() throws Exception {
    String[] parts = genuine(Map.of()).serialize().split("\\.");
    JWTClaimsSet changed = new JWTClaimsSet.Builder(SignedJWT.parse(String.join(".", parts)).getJWTClaimsSet())
        .subject("urn:fdc:gov.uk:2022:attacker").build();
    String payload = com.nimbusds.jose.util.Base64URL.encode(changed.toString()).toString();
    String tampered = parts[0] + "." + payload + "." + parts[2];
    assertThat(rp.validateIdToken(tampered, "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void anIdTokenSignedByAnotherKeyUnderAPublishedKeyIdFailsItsSignature() throws Exception {
    SignedJWT real = genuine(Map.of());
    ECKey impostor = new ECKeyGenerator(Curve.P_256).generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(real.getHeader().getKeyID()).build(),
        real.getJWTClaimsSet());
    forged.sign(new ECDSASigner(impostor));
    assertThat(rp.validateIdToken(forged.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void anUnknownKeyIdIsRejectedAfterExactlyOneRefreshOfTheJwks() throws Exception {
    assertThat(rp.validateIdToken(genuine(Map.of()).serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection).isNull();
    int before = rp.jwksFetches();
    ECKey rotatedAway = new ECKeyGenerator(Curve.P_256).keyID("not-published").generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("not-published").build(),
        genuine(Map.of()).getJWTClaimsSet());
    forged.sign(new ECDSASigner(rotatedAway));
    assertThat(rp.validateIdToken(forged.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.UNKNOWN_KEY);
    assertThat(rp.jwksFetches()).isEqualTo(before + 1);
    // A flood of unknown key ids does not turn into a flood of fetches.
    rp.validateIdToken(forged.serialize(), "n-1", AuthenticationLevel.MEDIUM);
    assertThat(rp.jwksFetches()).isEqualTo(before + 1);
  }

  @Test
  void anIdTokenSignedWithAnotherAlgorithmThanRegisteredIsRejected() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
        genuine(Map.of()).getJWTClaimsSet());
    rs.sign(new com.nimbusds.jose.crypto.RSASSASigner(rsa));
    assertThat(rp.validateIdToken(rs.serialize(), "n-1", AuthenticationLevel.MEDIUM).rejection.reason())
        .isEqualTo(RejectionReason.UNEXPECTED_ALGORITHM);
  }

  // ---------------------------------------------------------------- logout

  @Test
  void logoutUrlGoesToTheEndSessionEndpointWithTheHintRedirectAndState() {
    URI uri = rp.logoutUri("id.token.value", Optional.of(URI.create("https://apply.example.gov.uk/signed-out")),
        Optional.of("s1"));
    assertThat(uri.toString()).startsWith(server.endSessionEndpointUrl(ISSUER_ID).toString());
    assertThat(query(uri.getRawQuery())).containsEntry("id_token_hint", "id.token.value")
        .containsEntry("post_logout_redirect_uri", "https://apply.example.gov.uk/signed-out")
        .containsEntry("state", "s1");
  }

  SignedJWT logoutToken(String jti) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("events", Map.of(OneLogin.BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    claims.put("jti", jti);
    claims.put("sid", "session-1");
    return server.issueToken(ISSUER_ID, CLIENT_ID,
        new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "logout+jwt", List.of(CLIENT_ID), claims, 120));
  }

  @Test
  void aBackChannelLogoutTokenIsAcceptedOnceAcrossInstancesSharingTheStore() {
    DataSource ds = H2Database.inMemory().dataSource();
    Schema.install(ds, "identity");
    OneLogin first = relyingParty(IdentityStore.jdbc(ds));
    OneLogin second = relyingParty(IdentityStore.jdbc(ds));
    String token = logoutToken(UUID.randomUUID().toString()).serialize();

    LogoutResult result = first.validateLogoutToken(token);
    assertThat(result).isEqualTo(new LogoutResult.Valid(SUBJECT, Optional.of("session-1")));
    assertThat(second.validateLogoutToken(token)).isInstanceOfSatisfying(LogoutResult.Invalid.class,
        i -> assertThat(i.reason()).isEqualTo(RejectionReason.REPLAYED));
  }

  @Test
  void aLogoutTokenWithoutTheLogoutEventOrForAnotherClientIsRejected() {
    Map<String, Object> claims = Map.of("jti", "j-1");
    String noEvent = server.issueToken(ISSUER_ID, CLIENT_ID,
        new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", List.of(CLIENT_ID), claims, 120)).serialize();
    assertThat(((LogoutResult.Invalid) rp.validateLogoutToken(noEvent)).reason()).isEqualTo(RejectionReason.MALFORMED_TOKEN);
    String otherClient = server.issueToken(ISSUER_ID, "x", new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT",
        List.of("another-client"), Map.of("jti", "j-2", "events", Map.of(OneLogin.BACKCHANNEL_LOGOUT_EVENT, Map.of())),
        120)).serialize();
    assertThat(((LogoutResult.Invalid) rp.validateLogoutToken(otherClient)).reason()).isEqualTo(RejectionReason.WRONG_AUDIENCE);
  }

  @Test
  void keysAreReadFromADidDocumentOfTheRightControllerOnly() throws Exception {
    String controller = "did:web:identity.test.account.gov.uk";
    ECKey pub = didKey.toPublicJWK();
    String doc = "{\"@context\":[\"https://www.w3.org/ns/did/v1\"],\"id\":\"" + controller + "\",\"assertionMethod\":["
        + "{\"id\":\"" + didKey.getKeyID() + "\",\"type\":\"JsonWebKey\",\"controller\":\"" + controller
        + "\",\"publicKeyJwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + pub.getX() + "\",\"y\":\"" + pub.getY() + "\"}},"
        + "{\"id\":\"did:web:evil.example#k\",\"type\":\"JsonWebKey\",\"publicKeyJwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
        + pub.getX() + "\",\"y\":\"" + pub.getY() + "\"}}]}";
    JWKSet keys = OneLogin.keysFromDidDocument(doc, controller);
    assertThat(keys.getKeys()).singleElement().satisfies(k -> assertThat(k.getKeyID()).isEqualTo(didKey.getKeyID()));
    OneLogin fromDid = OneLogin.builder().issuer(server.issuerUrl(ISSUER_ID).uri()).clientId(CLIENT_ID)
        .redirectUri(REDIRECT).clientKey(clientKey).userAgent(USER_AGENT).identityIssuer(IDENTITY_ISSUER)
        .identityKeys(keys).clock(clock).build();
    assertThat(fromDid.verifyCoreIdentity(coreIdentity(SUBJECT, "P2", clock.instant().plusSeconds(600)), SUBJECT).identity)
        .isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneLogin.keysFromDidDocument(doc, "did:web:other"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not did:web:other");
  }

  // ---------------------------------------------------------------- configuration

  @Test
  void theBuilderRefusesAPublicClientKeyAnEmptyUserAgentAndALargeSkew() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneLogin.builder().clientKey(clientKey.toPublicJWK()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneLogin.builder().userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User-Agent");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneLogin.builder().clockSkew(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT2M");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoginRequest(AuthenticationLevel.LOW, true, Set.of(),
        Set.of(), Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cl.Cm");
  }

  static Map<String, Object> parse(String json) throws java.text.ParseException {
    return com.nimbusds.jose.util.JSONObjectUtils.parse(json);
  }

  static RejectionReason reason(LoginResult result) {
    assertThat(result).isInstanceOf(LoginResult.Rejected.class);
    return ((LoginResult.Rejected) result).reason();
  }

  /** Answers token requests of the issuer {@code canned} with whatever a test put in {@link #NEXT}. */
  static final class CannedTokenRoute implements no.nav.security.mock.oauth2.http.Route {
    static final java.util.concurrent.atomic.AtomicReference<no.nav.security.mock.oauth2.http.OAuth2HttpResponse> NEXT =
        new java.util.concurrent.atomic.AtomicReference<>();

    static volatile boolean jwksDown;

    @Override
    public boolean match(no.nav.security.mock.oauth2.http.OAuth2HttpRequest request) {
      String path = request.getUrl().encodedPath();
      return (path.equals("/canned/token") && NEXT.get() != null) || (path.equals("/canned/jwks") && jwksDown);
    }

    @Override
    public no.nav.security.mock.oauth2.http.OAuth2HttpResponse invoke(no.nav.security.mock.oauth2.http.OAuth2HttpRequest request) {
      if (request.getUrl().encodedPath().equals("/canned/jwks")) {
        return new no.nav.security.mock.oauth2.http.OAuth2HttpResponse(okhttp3.Headers.of(), 503, "down", null);
      }
      return NEXT.getAndSet(null);
    }

    static void answer(int status, String json) {
      NEXT.set(new no.nav.security.mock.oauth2.http.OAuth2HttpResponse(
          okhttp3.Headers.of("Content-Type", "application/json"), status, json, null));
    }
  }
}
