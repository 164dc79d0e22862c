package io.civickit.identity.onelogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.civickit.identity.AuthenticationLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client registered for RS256 ID tokens (One Login's alternative to ES256). */
class OneLoginRs256Test {
  static MockOAuth2Server server;
  static RSAKey clientKey;

  @BeforeAll
  static void start() throws Exception {
    server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
        new OAuth2TokenProvider(new KeyProvider(List.of(), "RS256"))));
    server.start();
    clientKey = new RSAKeyGenerator(2048).keyID("client-rs").generate();
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  OneLogin relyingParty(String alg) {
    return OneLogin.builder().issuer(server.issuerUrl("onelogin").uri()).clientId("rs-client")
        .redirectUri(URI.create("https://apply.example.gov.uk/cb")).clientKey(clientKey).userAgent("test/1")
        .idTokenAlgorithm(alg).build();
  }

  LoginResult signIn(OneLogin rp) throws Exception {
    server.enqueueCallback(new DefaultOAuth2TokenCallback("onelogin", "urn:fdc:gov.uk:2022:rs", "JWT",
        List.of("rs-client"), Map.of("vot", "Cl.Cm"), 120));
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(go.uri()).build(),
        HttpResponse.BodyHandlers.discarding());
    return rp.complete(go.pending(), URI.create(r.headers().firstValue("Location").orElseThrow()));
  }

  @Test
  void signsInWhenRegisteredForRs256() throws Exception {
    LoginResult result = signIn(relyingParty("RS256"));
    assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(((LoginResult.LoggedIn) result).authentication()).isEqualTo(AuthenticationLevel.MEDIUM);
  }

  @Test
  void refusesRs256TokensWhenRegisteredForEs256() throws Exception {
    LoginResult result = signIn(relyingParty("ES256"));
    assertThat(((LoginResult.Rejected) result).reason()).isEqualTo(RejectionReason.UNEXPECTED_ALGORITHM);
  }
}
