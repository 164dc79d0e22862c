package io.civickit.identity.onelogin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.civickit.core.ConfigurationException;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.identity.AuthenticationLevel;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.internal.BoundedBody;
import io.civickit.identity.internal.RemoteJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GOV.UK One Login relying party, following One Login's technical documentation, on the Nimbus
 * OAuth 2.0 / OpenID Connect SDK.
 *
 * <pre>{@code
 * OneLogin oneLogin = OneLogin.builder()
 *     .issuer(URI.create("https://oidc.integration.account.gov.uk/"))
 *     .clientId("your-client-id")
 *     .redirectUri(URI.create("https://apply.example.gov.uk/one-login/callback"))
 *     .clientKey(rsaPrivateJwk)                       // private_key_jwt, RS256, with a kid
 *     .userAgent("example-council-apply/1.4 (https://apply.example.gov.uk)")
 *     .identityIssuer("https://identity.integration.account.gov.uk/")
 *     .identityKeys(didPublicKeys)                    // from One Login's DID document
 *     .store(IdentityStore.jdbc(dataSource))          // logout jti replay, shared
 *     .build();
 *
 * AuthorizationRedirect go = oneLogin.start(LoginRequest.identityWithAddress().in(Locale.forLanguageTag("cy")));
 * session.put("one-login", go.pending());  response.redirect(go.uri());
 * ...
 * LoginResult result = oneLogin.complete(session.remove("one-login"), callbackQueryParameters);
 * }</pre>
 *
 * <p>Checked on every sign-in: the sign-in is younger than {@code pendingLoginLifetime};
 * {@code state}; a token request authenticated by
 * {@code private_key_jwt} (RS256, fresh {@code jti}, five-minute life) with the PKCE verifier; the
 * ID token's algorithm (ES256 unless configured), key id (the JWKS is fetched again once for an
 * unknown one), signature, {@code iss}, {@code aud}, {@code azp} (this client when present, and
 * present when there are several audiences), {@code exp} and {@code iat} (with a small
 * clock skew), {@code nonce}, {@code vot} and {@code at_hash} when present; userinfo's {@code sub}; and for identity the core
 * identity JWT (ES256 against the configured key, {@code iss}, {@code aud}, {@code sub},
 * {@code exp}, {@code vot = P2}). Every server-to-server call carries the configured
 * {@code User-Agent}. Discovery and JWKS are cached for their {@code Cache-Control: max-age} and
 * kept through an outage. Response bodies are bounded (64 KiB for the token response and
 * documents, 256 KiB for userinfo), with or without a declared length.
 */
// Over 500 lines and kept whole: the relying party's facade (start, complete, logout URL) with the
// token and userinfo calls it makes and its builder's documented settings. Token verification
// (TokenVerifier, once for ID and logout tokens), the core identity (CoreIdentity) and back-channel
// logout (BackChannelLogout) are classes of their own.
public final class OneLogin {
  /** The core identity claim. */
  public static final String CORE_IDENTITY_CLAIM = "https://vocab.account.gov.uk/v1/coreIdentityJWT";
  /** The address claim. */
  public static final String ADDRESS_CLAIM = "https://vocab.account.gov.uk/v1/address";
  /** The passport claim. */
  public static final String PASSPORT_CLAIM = "https://vocab.account.gov.uk/v1/passport";
  /** The driving permit claim. */
  public static final String DRIVING_PERMIT_CLAIM = "https://vocab.account.gov.uk/v1/drivingPermit";
  /** The return code claim. */
  public static final String RETURN_CODE_CLAIM = "https://vocab.account.gov.uk/v1/returnCode";
  /** One Login's limit on the length of an authorisation URL. */
  public static final int MAX_AUTHORIZE_URL_LENGTH = 4096;
  /** One Login's limit on the length of a logout URL. */
  public static final int MAX_LOGOUT_URL_LENGTH = 2048;
  /** The event a back-channel logout token carries. */
  public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
  private static final Logger LOG = LoggerFactory.getLogger(OneLogin.class);

  private final URI issuer;
  private final ClientID clientId;
  private final URI redirectUri;
  private final RSAKey clientKey;
  private final String userAgent;
  private final JWSAlgorithm idTokenAlgorithm;
  private final Duration clockSkew;
  private final Duration pendingLifetime;
  private final Duration timeout;
  private final Clock clock;
  private final SecureRandom random;
  private final HttpClient http;
  private final RemoteJson<OIDCProviderMetadata> discovery;
  private @Nullable RemoteJson<JWKSet> jwks;
  private final TokenVerifier tokens;
  private final CoreIdentity coreIdentity;
  private final BackChannelLogout backChannelLogout;

  private OneLogin(Builder b) {
    this.issuer = b.issuer;
    this.clientId = new ClientID(b.clientId);
    this.redirectUri = b.redirectUri;
    this.clientKey = b.clientKey;
    this.userAgent = b.userAgent;
    this.idTokenAlgorithm = b.idTokenAlgorithm;
    this.clockSkew = b.clockSkew;
    this.pendingLifetime = b.pendingLifetime;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.random = b.random;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
    this.discovery = new RemoteJson<>(URI.create(base + ".well-known/openid-configuration"), http, userAgent, timeout,
        clock, Duration.ofHours(1), OneLogin::parseMetadata);
    this.tokens = new TokenVerifier(issuer.toString(), clientId.getValue(), clockSkew, clock, this::jwks);
    this.coreIdentity = new CoreIdentity(b.identityIssuer, b.identityKeys, clientId.getValue(), clockSkew, clock);
    this.backChannelLogout = new BackChannelLogout(tokens, b.store, clockSkew, clock);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static OIDCProviderMetadata parseMetadata(String json) {
    try {
      return OIDCProviderMetadata.parse(json);
    } catch (ParseException e) {
      throw new OneLoginUnavailableException("the discovery document is not OpenID provider metadata: " + e.getMessage(), e);
    }
  }

  private OIDCProviderMetadata metadata() {
    OIDCProviderMetadata m = discovery.get();
    if (!same(m.getIssuer().getValue(), issuer.toString())) {
      throw new OneLoginUnavailableException("the discovery document names issuer " + m.getIssuer()
          + ", not the configured " + issuer);
    }
    return m;
  }

  private static boolean same(String a, String b) {
    return a.equals(b);
  }

  private synchronized RemoteJson<JWKSet> jwks() {
    if (jwks == null) {
      jwks = new RemoteJson<>(metadata().getJWKSetURI(), http, userAgent, timeout, clock, Duration.ofMinutes(5), s -> {
        try {
          return JWKSet.parse(s);
        } catch (java.text.ParseException e) {
          throw new OneLoginUnavailableException("the JWKS is not a JWK set: " + e.getMessage(), e);
        }
      });
    }
    return jwks;
  }

  /** How many times the JWKS has been fetched (for this package's tests of caching and rotation). */
  int jwksFetches() {
    return jwks == null ? 0 : jwks().fetches();
  }

  // ---------------------------------------------------------------- authorisation request

  /**
   * Starts a sign-in: a new {@code state}, {@code nonce} and PKCE verifier, and the URL to send
   * the person to.
   *
   * @throws ConfigurationException if the URL would be longer than One Login accepts (too many claims)
   */
  public AuthorizationRedirect start(LoginRequest request) {
    Objects.requireNonNull(request, "request");
    State state = new State(randomToken(24));
    Nonce nonce = new Nonce(randomToken(24));
    CodeVerifier verifier = new CodeVerifier(randomToken(48));
    AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope(request.scopes().toArray(new String[0])), clientId, redirectUri)
        .endpointURI(metadata().getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .customParameter("vtr", request.vtr());
    b.customParameter("ui_locales", request.language().getLanguage());
    if (!request.userInfoClaims().isEmpty()) {
      ClaimsSetRequest userinfo = new ClaimsSetRequest();
      for (String claim : request.userInfoClaims()) {
        userinfo = userinfo.add(claim);
      }
      b.claims(new OIDCClaimsRequest().withUserInfoClaimsRequest(userinfo));
    }
    URI uri = b.build().toURI();
    if (uri.toString().length() > MAX_AUTHORIZE_URL_LENGTH) {
      throw new ConfigurationException("the login request's claims", "make the authorisation URL " + uri.toString().length()
          + " characters, over One Login's limit of " + MAX_AUTHORIZE_URL_LENGTH, "ask for fewer claims");
    }
    return new AuthorizationRedirect(uri, new PendingLogin(state.getValue(), nonce.getValue(), verifier.getValue(),
        request.authentication(), request.identity(), clock.instant()));
  }

  private String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  // ---------------------------------------------------------------- callback

  /** {@link #complete(PendingLogin, Map)} with the query string of the callback URL. */
  public LoginResult complete(PendingLogin pending, URI callback) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = callback.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(k, v);
      }
    }
    return complete(pending, params);
  }

  /**
   * Completes a sign-in from the callback's parameters ({@code code}, {@code state}, or
   * {@code error}): checks the state, redeems the code, validates the ID token, reads userinfo
   * and, when identity was asked for, verifies the core identity.
   *
   * @throws OneLoginUnavailableException if One Login cannot be reached
   */
  public LoginResult complete(PendingLogin pending, Map<String, String> callback) {
    LoginResult result = doComplete(pending, callback);
    if (result instanceof LoginResult.Rejected) {
      LoginResult.Rejected r = (LoginResult.Rejected) result;
      // Reasons and details name claims and key ids, never tokens or personal data.
      LOG.warn("One Login sign-in rejected: {} ({})", r.reason(), r.detail());
    }
    return result;
  }

  private LoginResult doComplete(PendingLogin pending, Map<String, String> callback) {
    Objects.requireNonNull(pending, "pending");
    if (!clock.instant().isBefore(pending.createdAt().plus(pendingLifetime))) {
      return new LoginResult.Rejected(RejectionReason.LOGIN_EXPIRED, "the sign-in was started more than "
          + pendingLifetime.toMinutes() + " minutes ago: start again");
    }
    String state = callback.getOrDefault("state", "");
    if (!constantTimeEquals(state, pending.state())) {
      return new LoginResult.Rejected(RejectionReason.STATE_MISMATCH, "the state returned is not the one sent");
    }
    if (callback.containsKey("error")) {
      return new LoginResult.Rejected(RejectionReason.AUTHORIZATION_ERROR, "One Login answered " + callback.get("error"));
    }
    String code = callback.get("code");
    if (code == null || code.isBlank()) {
      return new LoginResult.Rejected(RejectionReason.AUTHORIZATION_ERROR, "the callback has no code");
    }
    OIDCProviderMetadata meta = metadata();
    TokenResponse response = tokenRequest(meta.getTokenEndpointURI(), code, pending.codeVerifier());
    if (!response.indicatesSuccess()) {
      TokenErrorResponse error = response.toErrorResponse();
      return new LoginResult.Rejected(RejectionReason.TOKEN_ERROR, "the token endpoint answered "
          + (error.getErrorObject() == null ? "an error" : error.getErrorObject().getCode()));
    }
    OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
    String idToken = tokens.getOIDCTokens().getIDTokenString();
    if (idToken == null) {
      return new LoginResult.Rejected(RejectionReason.MALFORMED_TOKEN, "the token response has no ID token");
    }
    Validated validated = validateIdToken(idToken, pending.nonce(), pending.authentication());
    if (validated.rejection != null) {
      return validated.rejection;
    }
    JWTClaimsSet claims = Objects.requireNonNull(validated.claims);
    AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
    String atHash = stringClaim(claims, "at_hash");
    if (atHash != null) {
      JWSAlgorithm alg = idTokenAlgorithm;
      AccessTokenHash expected = AccessTokenHash.compute(accessToken, alg);
      if (expected == null || !constantTimeEquals(expected.getValue(), atHash)) {
        return new LoginResult.Rejected(RejectionReason.ACCESS_TOKEN_MISMATCH,
            "the ID token's at_hash does not match the access token");
      }
    }
    String subject = claims.getSubject();
    Map<String, Object> userinfo;
    try {
      userinfo = userinfo(meta.getUserInfoEndpointURI(), accessToken.getValue());
    } catch (UserinfoRefused e) {
      return new LoginResult.Rejected(RejectionReason.USERINFO_ERROR, e.getMessage());
    }
    if (!subject.equals(userinfo.get("sub"))) {
      return new LoginResult.Rejected(RejectionReason.SUBJECT_MISMATCH, "userinfo is for another subject");
    }
    Optional<VerifiedIdentity> identity = Optional.empty();
    if (pending.identity()) {
      Object jwt = userinfo.get(CORE_IDENTITY_CLAIM);
      if (!(jwt instanceof String)) {
        return new LoginResult.Rejected(RejectionReason.IDENTITY_MISSING,
            "no core identity came back: One Login could not prove this person's identity");
      }
      CoreIdentity.Outcome outcome = verifyCoreIdentity((String) jwt, subject);
      if (outcome.rejection != null) {
        return outcome.rejection;
      }
      identity = Optional.of(Objects.requireNonNull(outcome.identity));
    }
    AuthenticationLevel vot = AuthenticationLevel.fromVector(stringClaim(claims, "vot")).orElseThrow();
    return new LoginResult.LoggedIn(subject, vot, idToken, Optional.ofNullable(stringClaim(claims, "sid")),
        Optional.ofNullable((String) stringOrNull(userinfo.get("email"))),
        Optional.ofNullable((String) stringOrNull(userinfo.get("phone_number"))), identity, addresses(userinfo),
        clock.instant());
  }

  private static @Nullable Object stringOrNull(@Nullable Object o) {
    return o instanceof String ? o : null;
  }

  private TokenResponse tokenRequest(URI tokenEndpoint, String code, String verifier) {
    try {
      Instant now = clock.instant();
      JWTAuthenticationClaimsSet assertion = new JWTAuthenticationClaimsSet(clientId,
          List.of(new Audience(tokenEndpoint.toString())), Date.from(now.plus(Duration.ofMinutes(5))), null,
          Date.from(now), new JWTID(randomToken(24)));
      PrivateKeyJWT auth = new PrivateKeyJWT(assertion, JWSAlgorithm.RS256, clientKey.toPrivateKey(),
          clientKey.getKeyID(), null);
      TokenRequest request = new TokenRequest.Builder(tokenEndpoint, auth,
          new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(verifier))).build();
      HTTPRequest form = request.toHTTPRequest();
      HttpRequest.Builder post = HttpRequest.newBuilder(form.getURI()).timeout(timeout)
          .header("User-Agent", userAgent).header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form.getBody()));
      form.getHeaderMap().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
          values.forEach(v -> post.header(name, v));
        }
      });
      HttpResponse<java.io.InputStream> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofInputStream());
      HTTPResponse response = new HTTPResponse(answer.statusCode());
      Optional<String> contentType = answer.headers().firstValue("Content-Type");
      if (contentType.isPresent()) {
        response.setContentType(contentType.get());
      }
      response.setBody(BoundedBody.read(answer, BoundedBody.TOKEN_RESPONSE_BYTES, "One Login's token endpoint"));
      return OIDCTokenResponseParser.parse(response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OneLoginUnavailableException("interrupted while calling One Login's token endpoint", e);
    } catch (IOException e) {
      throw new OneLoginUnavailableException("could not reach One Login's token endpoint: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw new ConfigurationException("OneLogin.builder().clientKey", "cannot sign the client assertion (" + e.getMessage() + ")",
          "give the private key whose public half One Login holds for this client", e);
    } catch (ParseException e) {
      throw new OneLoginUnavailableException("One Login's token endpoint answered something unreadable: "
          + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- ID token

  /** A token check's outcome: its claims, or why it was rejected (see {@link TokenVerifier}). */
  static final class Validated {
    final @Nullable JWTClaimsSet claims;
    final LoginResult.@Nullable Rejected rejection;

    private Validated(@Nullable JWTClaimsSet claims, LoginResult.@Nullable Rejected rejection) {
      this.claims = claims;
      this.rejection = rejection;
    }

    static Validated ok(JWTClaimsSet claims) {
      return new Validated(claims, null);
    }

    static Validated no(RejectionReason reason, String detail) {
      return new Validated(null, new LoginResult.Rejected(reason, detail));
    }
  }

  /** Validates an ID token as One Login's documentation lists. */
  Validated validateIdToken(String idToken, String expectedNonce, AuthenticationLevel asked) {
    Validated checked = tokens.verify(idToken, "ID token", idTokenAlgorithm);
    if (checked.rejection != null) {
      return checked;
    }
    JWTClaimsSet c = Objects.requireNonNull(checked.claims);
    if (c.getIssueTime() == null) {
      return Validated.no(RejectionReason.MALFORMED_TOKEN, "the ID token has no iat");
    }
    // OpenID Connect Core 3.1.3.7, items 4 and 5: several audiences need an azp, and an azp must be this client.
    String azp = stringClaim(c, "azp");
    if (c.getClaim("azp") != null && (azp == null || !azp.equals(clientId.getValue()))) {
      return Validated.no(RejectionReason.WRONG_AUDIENCE, "the ID token's azp is not client " + clientId);
    }
    if (azp == null && c.getAudience().size() > 1) {
      return Validated.no(RejectionReason.WRONG_AUDIENCE, "the ID token has several audiences and no azp");
    }
    String nonce = stringClaim(c, "nonce");
    if (nonce == null || !constantTimeEquals(nonce, expectedNonce)) {
      return Validated.no(RejectionReason.NONCE_MISMATCH, "the ID token's nonce is not the one sent");
    }
    String vot = stringClaim(c, "vot");
    Optional<AuthenticationLevel> reached = vot == null ? Optional.empty() : AuthenticationLevel.fromVector(vot);
    if (reached.isEmpty() || !reached.get().isAtLeast(asked)) {
      return Validated.no(RejectionReason.LEVEL_TOO_LOW,
          "the ID token's vot is " + vot + ", lower than the " + asked.vectorOfTrust() + " asked for");
    }
    return Validated.ok(c);
  }

  private static @Nullable String stringClaim(JWTClaimsSet c, String name) {
    return TokenVerifier.stringClaim(c, name);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return Digests.equal(a, b);
  }

  // ---------------------------------------------------------------- userinfo

  private static final class UserinfoRefused extends Exception {
    private static final long serialVersionUID = 1L;

    UserinfoRefused(String message) {
      super(message);
    }
  }

  private Map<String, Object> userinfo(URI endpoint, String accessToken) throws UserinfoRefused {
    try {
      HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
          .header("Authorization", "Bearer " + accessToken).header("User-Agent", userAgent)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
      }
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new UserinfoRefused("userinfo answered HTTP " + response.statusCode());
      }
      if (response.statusCode() != 200) {
        throw new OneLoginUnavailableException("userinfo answered HTTP " + response.statusCode());
      }
      return JSONObjectUtils.parse(BoundedBody.read(response, BoundedBody.USERINFO_BYTES, "One Login's userinfo endpoint"));
    } catch (IOException e) {
      throw new OneLoginUnavailableException("could not reach One Login's userinfo endpoint: " + e.getMessage(), e);
    } catch (java.text.ParseException e) {
      throw new OneLoginUnavailableException("userinfo answered something that is not JSON", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OneLoginUnavailableException("interrupted while calling userinfo", e);
    }
  }

  private static List<PostalAddress> addresses(Map<String, Object> userinfo) {
    Object raw = userinfo.get(ADDRESS_CLAIM);
    List<PostalAddress> out = new ArrayList<>();
    if (raw instanceof List) {
      for (Object item : (List<?>) raw) {
        if (item instanceof Map) {
          Map<String, String> fields = new LinkedHashMap<>();
          ((Map<?, ?>) item).forEach((k, v) -> {
            if (k instanceof String && v != null) {
              fields.put((String) k, String.valueOf(v));
            }
          });
          out.add(new PostalAddress(fields));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- core identity

  /** Verifies a core identity JWT for the subject of the ID token (see {@link CoreIdentity}). */
  CoreIdentity.Outcome verifyCoreIdentity(String token, String expectedSubject) {
    return coreIdentity.verify(token, expectedSubject);
  }

  /**
   * The public keys of a One Login DID document ({@code /.well-known/did.json}), keyed by their
   * full DID key id, for {@link Builder#identityKeys}. Only keys whose id belongs to
   * {@code controllerId} (for example {@code did:web:identity.integration.account.gov.uk}) are
   * taken, as One Login's documentation requires.
   *
   * @throws IllegalArgumentException if the document is not a DID document of that controller
   */
  public static JWKSet keysFromDidDocument(String json, String controllerId) {
    return CoreIdentity.keysFromDidDocument(json, controllerId);
  }

  // ---------------------------------------------------------------- logout

  /**
   * The URL that logs the person out of One Login, to redirect their browser to.
   *
   * @param idTokenHint the ID token from {@link LoginResult.LoggedIn#idToken()}
   * @param postLogoutRedirect where One Login sends them after (must be registered), if anywhere
   * @param state a value to get back on that redirect, if any
   * @throws ConfigurationException if the URL is longer than One Login's 2048-character limit
   */
  public URI logoutUri(String idTokenHint, Optional<URI> postLogoutRedirect, Optional<String> state) {
    URI endpoint = metadata().getEndSessionEndpointURI();
    if (endpoint == null) {
      throw new OneLoginUnavailableException("the discovery document has no end_session_endpoint");
    }
    StringBuilder s = new StringBuilder(endpoint.toString()).append("?id_token_hint=").append(enc(idTokenHint));
    postLogoutRedirect.ifPresent(u -> s.append("&post_logout_redirect_uri=").append(enc(u.toString())));
    state.ifPresent(v -> s.append("&state=").append(enc(v)));
    if (s.length() > MAX_LOGOUT_URL_LENGTH) {
      throw new ConfigurationException("the post-logout redirect URI and state", "make the logout URL " + s.length()
          + " characters, over One Login's limit of " + MAX_LOGOUT_URL_LENGTH, "use a shorter redirect URI or state");
    }
    return URI.create(s.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Validates a back-channel logout token (the {@code logout_token} form field One Login POSTs):
   * the key id in the JWKS and the algorithm of that key, the signature, {@code iss},
   * {@code aud}, {@code iat}, {@code exp}, {@code sub}, the back-channel logout event, and a
   * {@code jti} not seen before by any instance sharing the store.
   */
  public LogoutResult validateLogoutToken(String logoutToken) {
    return backChannelLogout.validate(logoutToken);
  }

  /** Builds {@link OneLogin}; each setter validates at once. */
  public static final class Builder {
    private URI issuer;
    private String clientId;
    private URI redirectUri;
    private RSAKey clientKey;
    private String userAgent;
    private String identityIssuer;
    private JWKSet identityKeys = new JWKSet();
    private JWSAlgorithm idTokenAlgorithm = JWSAlgorithm.ES256;
    private Duration clockSkew = Duration.ofSeconds(30);
    private Duration pendingLifetime = Duration.ofMinutes(60);
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private IdentityStore store = IdentityStore.inMemory();
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /** One Login's issuer, exactly as its discovery document gives it. Required. */
    public Builder issuer(URI value) {
      this.issuer = Objects.requireNonNull(value, "issuer");
      return this;
    }

    /** The client id One Login gave this service. Required. */
    public Builder clientId(String value) {
      Objects.requireNonNull(value, "clientId");
      if (value.isBlank()) {
        throw new IllegalArgumentException("the client id must not be blank");
      }
      this.clientId = value;
      return this;
    }

    /** The registered redirect URI. Required. */
    public Builder redirectUri(URI value) {
      this.redirectUri = Objects.requireNonNull(value, "redirectUri");
      return this;
    }

    /** The RSA private key (with a key id) whose public half is registered with One Login. Required. */
    public Builder clientKey(RSAKey value) {
      Objects.requireNonNull(value, "clientKey");
      if (!value.isPrivate()) {
        throw new IllegalArgumentException("the client key must include the private key, to sign client assertions");
      }
      if (value.getKeyID() == null) {
        throw new IllegalArgumentException("the client key needs a key id (kid)");
      }
      this.clientKey = value;
      return this;
    }

    /** The User-Agent on every call to One Login, for example {@code council-apply/1.4 (https://apply.example.gov.uk)}. Required. */
    public Builder userAgent(String value) {
      Objects.requireNonNull(value, "userAgent");
      if (value.isBlank()) {
        throw new IllegalArgumentException("One Login refuses calls with an empty User-Agent");
      }
      this.userAgent = value;
      return this;
    }

    /** The issuer of core identity JWTs, for example {@code https://identity.integration.account.gov.uk/}. */
    public Builder identityIssuer(String value) {
      this.identityIssuer = Objects.requireNonNull(value, "identityIssuer");
      return this;
    }

    /** The public keys (EC P-256) from One Login's DID document that sign core identity JWTs. */
    public Builder identityKeys(JWKSet value) {
      this.identityKeys = Objects.requireNonNull(value, "identityKeys").toPublicJWKSet();
      return this;
    }

    /** The ID token algorithm registered for this client: {@code ES256} (One Login's default) or {@code RS256}. */
    public Builder idTokenAlgorithm(String value) {
      JWSAlgorithm alg = JWSAlgorithm.parse(value);
      if (!alg.equals(JWSAlgorithm.ES256) && !alg.equals(JWSAlgorithm.RS256)) {
        throw new IllegalArgumentException("One Login signs ID tokens with ES256 or RS256, not " + value);
      }
      this.idTokenAlgorithm = alg;
      return this;
    }

    /**
     * How long a started sign-in ({@link PendingLogin}) may be completed: 1 minute to 24 hours,
     * 60 minutes by default (long enough to prove an identity in the One Login app). A callback
     * for an older one is refused with {@link RejectionReason#LOGIN_EXPIRED} before One Login is
     * called, so a state and nonce left in a session cannot be used later.
     */
    public Builder pendingLoginLifetime(Duration value) {
      Objects.requireNonNull(value, "pendingLoginLifetime");
      if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException("a pending sign-in lasts 1 minute to 24 hours, but was " + value);
      }
      this.pendingLifetime = value;
      return this;
    }

    /** The clock skew allowed on exp and iat: 0 to 60 seconds, small against One Login's two-minute token life. */
    public Builder clockSkew(Duration value) {
      Objects.requireNonNull(value, "clockSkew");
      if (value.isNegative() || value.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("the clock skew must be 0 to 60 seconds, but was " + value);
      }
      this.clockSkew = value;
      return this;
    }

    /** The connect and read timeout of calls to One Login. */
    public Builder timeout(Duration value) {
      Objects.requireNonNull(value, "timeout");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("the timeout must be positive, but was " + value);
      }
      this.timeout = value;
      return this;
    }

    /** The clock tokens are checked against. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Where logout token ids are remembered; {@link IdentityStore#jdbc} when several instances run. */
    public Builder store(IdentityStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The random source for state, nonce, PKCE verifier and jti. */
    public Builder random(SecureRandom value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * Builds it. Nothing is fetched until the first sign-in.
     *
     * @throws IllegalStateException if a required setting is missing
     */
    public OneLogin build() {
      require(issuer, "issuer");
      require(clientId, "clientId");
      require(redirectUri, "redirectUri");
      require(clientKey, "clientKey");
      require(userAgent, "userAgent");
      if (identityIssuer == null) {
        String host = issuer.getHost() == null ? "" : issuer.getHost();
        identityIssuer = host.startsWith("oidc.") ? "https://identity." + host.substring(5) + "/" : issuer.toString();
      }
      return new OneLogin(this);
    }

    private static void require(@Nullable Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required");
      }
    }
  }
}
