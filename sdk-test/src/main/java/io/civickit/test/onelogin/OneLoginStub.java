package io.civickit.test.onelogin;

import com.nimbusds.jose.JOSEException;
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
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a real OpenID Connect server set up like GOV.UK One Login, so a
 * council can test its own One Login integration without the integration environment:
 *
 * <ul>
 *   <li>ID tokens signed with ES256 (One Login's default) under a published JWKS;</li>
 *   <li>{@code vot}, {@code vtm} and {@code sid} claims on the ID token, {@code email} and the
 *       core identity and address claims at userinfo;</li>
 *   <li>a core identity JWT signer with its own EC P-256 key, standing in for One Login's DID key
 *       ({@link #identityKeys()} is what the service under test should trust);</li>
 *   <li>an RSA client key pair for {@code private_key_jwt} ({@link #clientKey()}), and a way to
 *       read back every token request the server received and check its client assertion, which
 *       the server itself does not do ({@link #tokenRequests()}, {@link TokenRequestRecord#problems}).</li>
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension static final OneLoginStub ONE_LOGIN = new OneLoginStub();
 *
 * @Test void signsInWithIdentity() {
 *   ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:abc").identity("Jane", "Doe", LocalDate.of(1970, 1, 31)).enqueue();
 *   URI callback = ONE_LOGIN.browse(myService.authorisationUrl());     // what the browser would do
 *   ... myService.handleCallback(callback) ...
 *   assertThat(ONE_LOGIN.tokenRequests()).allSatisfy(r -> assertThat(r.problems(ONE_LOGIN.clientKey())).isEmpty());
 * }
 * }</pre>
 */
public final class OneLoginStub implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  /** The issuer id on the server: the issuer URL ends with it. */
  public static final String ISSUER_ID = "onelogin";
  /** The core identity claim at userinfo. */
  public static final String CORE_IDENTITY_CLAIM = "https://vocab.account.gov.uk/v1/coreIdentityJWT";
  /** The address claim at userinfo. */
  public static final String ADDRESS_CLAIM = "https://vocab.account.gov.uk/v1/address";
  /** The back-channel logout event. */
  public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private final String clientId;
  private final String identityIssuer;
  private final RSAKey clientKey;
  private final ECKey identityKey;
  private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<Seen> seen = new ArrayList<>();
  private MockOAuth2Server server;

  /** A stub for client id {@code council-client-id} and identity issuer {@code https://identity.stub.account.gov.uk/}. */
  public OneLoginStub() {
    this("council-client-id", "https://identity.stub.account.gov.uk/");
  }

  /** A stub with the given client id and core identity issuer. */
  public OneLoginStub(String clientId, String identityIssuer) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.identityIssuer = Objects.requireNonNull(identityIssuer, "identityIssuer");
    try {
      this.clientKey = new RSAKeyGenerator(2048).keyID("client-" + UUID.randomUUID()).generate();
      this.identityKey = new ECKeyGenerator(Curve.P_256)
          .keyID("did:web:" + URI.create(identityIssuer).getHost() + "#" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate test keys", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  /** Each test sees only its own requests in {@link #tokenRequests()}. */
  @Override
  public void beforeEach(ExtensionContext context) {
    forgetRequests();
  }

  /** Forgets the requests received so far. */
  public synchronized void forgetRequests() {
    collect();
    seen.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Starts the server on a free port (the extension does this before the test class). */
  public synchronized void start() {
    if (server == null) {
      server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
          new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))));
      server.start();
    }
  }

  /** Stops the server. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  /** The running server, for anything this class does not cover. */
  public MockOAuth2Server server() {
    if (server == null) {
      throw new IllegalStateException("the One Login stub is not running: register it with @RegisterExtension");
    }
    return server;
  }

  /** The issuer URL (its discovery document is at {@code issuer + /.well-known/openid-configuration}). */
  public URI issuer() {
    return server().issuerUrl(ISSUER_ID).uri();
  }

  /** The token endpoint: the {@code aud} of client assertions. */
  public URI tokenEndpoint() {
    return server().tokenEndpointUrl(ISSUER_ID).uri();
  }

  /** The client id tokens are issued for. */
  public String clientId() {
    return clientId;
  }

  /** The client key pair (private included) the service under test signs client assertions with. */
  public RSAKey clientKey() {
    return clientKey;
  }

  /** The issuer of core identity JWTs. */
  public String identityIssuer() {
    return identityIssuer;
  }

  /** The public key(s) core identity JWTs are signed with: what One Login's DID document would publish. */
  public JWKSet identityKeys() {
    return new JWKSet(identityKey.toPublicJWK());
  }

  /** The DID controller id of the identity key, for example {@code did:web:identity.stub.account.gov.uk}. */
  public String didController() {
    String kid = identityKey.getKeyID();
    return kid.substring(0, kid.indexOf('#'));
  }

  /** A DID document publishing the identity key, shaped like One Login's {@code /.well-known/did.json}. */
  public String didDocument() {
    ECKey pub = identityKey.toPublicJWK();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("crv", "P-256");
    jwk.put("x", pub.getX().toString());
    jwk.put("y", pub.getY().toString());
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("id", identityKey.getKeyID());
    method.put("type", "JsonWebKey");
    method.put("controller", didController());
    method.put("publicKeyJwk", jwk);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"));
    doc.put("id", didController());
    doc.put("assertionMethod", List.of(method));
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(doc);
  }

  /** Describes the next sign-in the server will answer. */
  public SignIn nextSignIn(String subject) {
    return new SignIn(subject);
  }

  /** A signed core identity JWT, as One Login's identity service issues it. */
  public String coreIdentityJwt(String subject, String vot, List<String> givenNames, String familyName,
      LocalDate dateOfBirth, Instant expiresAt) {
    List<Map<String, Object>> parts = new ArrayList<>();
    for (String g : givenNames) {
      parts.add(Map.of("value", g, "type", "GivenName"));
    }
    parts.add(Map.of("value", familyName, "type", "FamilyName"));
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(subject).issuer(identityIssuer).audience(clientId)
        .notBeforeTime(Date.from(now)).issueTime(Date.from(now)).expirationTime(Date.from(expiresAt))
        .claim("vot", vot)
        .claim("vtm", issuer() + "/trustmark")
        .claim("vc", Map.of("type", List.of("VerifiableCredential", "VerifiableIdentityCredential"),
            "credentialSubject", Map.of("name", List.of(Map.of("nameParts", parts)),
                "birthDate", List.of(Map.of("value", dateOfBirth.toString())))))
        .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(identityKey.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(identityKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a core identity JWT", e);
    }
  }

  /** A back-channel logout token for the subject, signed with the server's published key. */
  public String logoutToken(String subject, String sessionId, String jti) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    claims.put("jti", jti);
    claims.put("sid", sessionId);
    return server().issueToken(ISSUER_ID, clientId,
        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "logout+jwt", List.of(clientId), claims, 120)).serialize();
  }

  /**
   * Follows an authorisation URL as the browser would, and returns the callback URL the server
   * redirects to (with {@code code} and {@code state}).
   */
  public URI browse(URI authorizationUrl) {
    try {
      HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      Optional<String> location = r.headers().firstValue("Location");
      if (r.statusCode() != 302 || location.isEmpty()) {
        throw new IllegalStateException("the authorisation endpoint answered HTTP " + r.statusCode() + " without a redirect");
      }
      return URI.create(location.get());
    } catch (IOException e) {
      throw new IllegalStateException("could not reach the One Login stub", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Every token request the server has received in this test (or since {@link #forgetRequests()}), oldest first. */
  public synchronized List<TokenRequestRecord> tokenRequests() {
    collect();
    List<TokenRequestRecord> out = new ArrayList<>();
    for (Seen r : seen) {
      if (r.path().endsWith("/token")) {
        out.add(new TokenRequestRecord(form(r.body()), r.userAgent(), tokenEndpoint()));
      }
    }
    return out;
  }

  /** The User-Agent header of every server-to-server request so far (discovery, JWKS, token, userinfo). */
  public synchronized List<Optional<String>> serverToServerUserAgents() {
    collect();
    List<Optional<String>> out = new ArrayList<>();
    for (Seen r : seen) {
      if (!r.path().contains("/authorize")) {
        out.add(r.userAgent());
      }
    }
    return out;
  }

  private void collect() {
    while (true) {
      try {
        RecordedRequest r = server().takeRequest(50, TimeUnit.MILLISECONDS);
        if (r == null) {
          return;
        }
        String path = r.getPath();
        seen.add(new Seen(path == null ? "" : path, Optional.ofNullable(r.getHeader("User-Agent")), r.getBody().readUtf8()));
      } catch (RuntimeException none) {
        return;
      }
    }
  }

  /** A request as received, read once (its body can be read only once). */
  private record Seen(String path, Optional<String> userAgent, String body) {}

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The next sign-in: who, at what level, with what claims. */
  public final class SignIn {
    private final String subject;
    private String vot = "Cl.Cm";
    private final Map<String, Object> claims = new HashMap<>();
    private List<String> audience = List.of(clientId);
    private long lifetimeSeconds = 120;

    private SignIn(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      claims.put("vtm", issuer() + "/trustmark");
      claims.put("sid", "sid-" + UUID.randomUUID());
    }

    /** The credential level reached ({@code Cl} or {@code Cl.Cm}, the default). */
    public SignIn vot(String value) {
      this.vot = value;
      return this;
    }

    /** The verified email address at userinfo. */
    public SignIn email(String value) {
      claims.put("email", value);
      claims.put("email_verified", true);
      return this;
    }

    /** A P2 core identity for this subject at userinfo. */
    public SignIn identity(String givenName, String familyName, LocalDate dateOfBirth) {
      claims.put(CORE_IDENTITY_CLAIM, coreIdentityJwt(subject, "P2", List.of(givenName), familyName, dateOfBirth,
          Instant.now().plus(Duration.ofMinutes(10))));
      return this;
    }

    /** Any claim, for example a core identity JWT made with {@link #coreIdentityJwt} for another subject. */
    public SignIn claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    /** An address at userinfo, with One Login's field names. */
    public SignIn address(Map<String, String> fields) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) claims.computeIfAbsent(ADDRESS_CLAIM, k -> new ArrayList<>());
      list.add(Map.copyOf(fields));
      return this;
    }

    /** How long the tokens live (One Login: 120 seconds). */
    public SignIn lifetime(Duration value) {
      this.lifetimeSeconds = value.toSeconds();
      return this;
    }

    /** Queues this sign-in: the next token request is answered with it. */
    public void enqueue() {
      Map<String, Object> all = new HashMap<>(claims);
      all.put("vot", vot);
      server().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, all, lifetimeSeconds));
    }
  }

  /**
   * One token request as the server received it.
   *
   * @param form the form fields
   * @param userAgent the User-Agent header, if any
   * @param tokenEndpoint the token endpoint (the assertion's expected audience)
   */
  public record TokenRequestRecord(Map<String, String> form, Optional<String> userAgent, URI tokenEndpoint) {
    /**
     * Checks the components and takes an unmodifiable copy of the form fields.
     *
     * @throws NullPointerException if any component is null, or the form holds a null name or value
     */
    public TokenRequestRecord {
      form = Map.copyOf(form);
      Objects.requireNonNull(userAgent, "userAgent");
      Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    }

    /**
     * What is wrong with the client authentication, checked as One Login checks it: a
     * {@code private_key_jwt} assertion signed RS256 by the client key, {@code iss} and
     * {@code sub} the client id, {@code aud} the token endpoint, a {@code jti}, an unexpired
     * {@code exp} at most 5 minutes after {@code iat}; plus a PKCE {@code code_verifier} and a
     * User-Agent. Empty when all is well.
     */
    public List<String> problems(RSAKey clientKey, String clientId) {
      List<String> problems = new ArrayList<>();
      if (userAgent.filter(s -> !s.isBlank()).isEmpty()) {
        problems.add("no User-Agent header");
      }
      if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
        problems.add("client_assertion_type is " + form.get("client_assertion_type"));
      }
      if (!form.containsKey("code_verifier")) {
        problems.add("no PKCE code_verifier");
      }
      String assertion = form.get("client_assertion");
      if (assertion == null) {
        problems.add("no client_assertion");
        return problems;
      }
      try {
        SignedJWT jwt = SignedJWT.parse(assertion);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
          problems.add("assertion alg is " + jwt.getHeader().getAlgorithm());
        }
        if (!jwt.verify(new RSASSAVerifier(clientKey.toPublicJWK()))) {
          problems.add("assertion signature does not verify with the client key");
        }
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
          problems.add("assertion iss/sub are not the client id");
        }
        if (c.getAudience() == null || !c.getAudience().contains(tokenEndpoint.toString())) {
          problems.add("assertion aud is not the token endpoint");
        }
        if (c.getJWTID() == null || c.getJWTID().isBlank()) {
          problems.add("assertion has no jti");
        }
        if (c.getExpirationTime() == null || c.getExpirationTime().toInstant().isBefore(Instant.now().minusSeconds(60))) {
          problems.add("assertion exp is missing or past");
        } else if (c.getIssueTime() != null
            && Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()).compareTo(Duration.ofMinutes(5)) > 0) {
          problems.add("assertion lives longer than 5 minutes");
        }
      } catch (ParseException | JOSEException e) {
        problems.add("assertion is not a signed JWT: " + e.getMessage());
      }
      return problems;
    }

    /** The {@code jti} of the client assertion, to check that none is reused. */
    public Optional<String> assertionId() {
      try {
        return Optional.ofNullable(SignedJWT.parse(form.getOrDefault("client_assertion", "")).getJWTClaimsSet().getJWTID());
      } catch (ParseException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "TokenRequestRecord[" + form.keySet() + "]";
    }
  }
}
