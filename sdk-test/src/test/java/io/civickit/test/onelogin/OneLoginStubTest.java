package io.civickit.test.onelogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.onelogin.AuthorizationRedirect;
import io.civickit.identity.onelogin.LoginRequest;
import io.civickit.identity.onelogin.LoginResult;
import io.civickit.identity.onelogin.LogoutResult;
import io.civickit.identity.onelogin.OneLogin;
import io.civickit.identity.onelogin.RejectionReason;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stub, driven by CivicKit's own relying party as a council's integration would be. */
class OneLoginStubTest {
  @RegisterExtension
  static final OneLoginStub ONE_LOGIN = new OneLoginStub();

  static final String UA = "council-service/2.0 (https://apply.example.gov.uk)";

  OneLogin relyingParty() {
    return OneLogin.builder()
        .issuer(ONE_LOGIN.issuer())
        .clientId(ONE_LOGIN.clientId())
        .redirectUri(URI.create("https://apply.example.gov.uk/callback"))
        .clientKey(ONE_LOGIN.clientKey())
        .userAgent(UA)
        .identityIssuer(ONE_LOGIN.identityIssuer())
        .identityKeys(ONE_LOGIN.identityKeys())
        .store(IdentityStore.inMemory())
        .build();
  }

  @Test
  void aCouncilIntegrationSignsInWithIdentityAndItsClientAssertionChecksOut() {
    OneLogin rp = relyingParty();
    ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:stub-1").email("jane@example.org")
        .identity("Jane", "Doe", LocalDate.of(1970, 1, 31))
        .address(Map.of("postalCode", "SW1A 1AA", "uprn", "100023336956")).enqueue();

    AuthorizationRedirect go = rp.start(LoginRequest.identityWithAddress());
    LoginResult result = rp.complete(go.pending(), ONE_LOGIN.browse(go.uri()));

    assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    LoginResult.LoggedIn in = (LoginResult.LoggedIn) result;
    assertThat(in.identity().orElseThrow().fullName()).isEqualTo("Jane Doe");
    assertThat(in.addresses()).hasSize(1);
    List<OneLoginStub.TokenRequestRecord> tokens = ONE_LOGIN.tokenRequests();
    assertThat(tokens).isNotEmpty().allSatisfy(t ->
        assertThat(t.problems(ONE_LOGIN.clientKey(), ONE_LOGIN.clientId())).isEmpty());
    assertThat(ONE_LOGIN.serverToServerUserAgents()).isNotEmpty().allSatisfy(ua -> assertThat(ua).contains(UA));
  }

  @Test
  void aSignInBelowTheLevelAskedOrForAnotherIdentityIsRefusedByTheIntegration() {
    OneLogin rp = relyingParty();
    ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:stub-2").vot("Cl").enqueue();
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    assertThat(rp.complete(go.pending(), ONE_LOGIN.browse(go.uri())))
        .isEqualTo(new LoginResult.Rejected(RejectionReason.LEVEL_TOO_LOW,
            "the ID token's vot is Cl, lower than the Cl.Cm asked for"));

    String otherPersonsIdentity = ONE_LOGIN.coreIdentityJwt("urn:fdc:gov.uk:2022:someone-else", "P2", List.of("Eve"),
        "Mallory", LocalDate.of(1990, 1, 1), Instant.now().plusSeconds(600));
    ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:stub-3").claim(OneLoginStub.CORE_IDENTITY_CLAIM, otherPersonsIdentity).enqueue();
    AuthorizationRedirect again = rp.start(LoginRequest.identityWithAddress());
    LoginResult refused = rp.complete(again.pending(), ONE_LOGIN.browse(again.uri()));
    assertThat(((LoginResult.Rejected) refused).reason()).isEqualTo(RejectionReason.SUBJECT_MISMATCH);
  }

  @Test
  void theStubsDidDocumentGivesTheKeysItsIdentitiesAreSignedWith() {
    assertThat(OneLogin.keysFromDidDocument(ONE_LOGIN.didDocument(), ONE_LOGIN.didController()).toPublicJWKSet().toString())
        .isEqualTo(ONE_LOGIN.identityKeys().toString());
  }

  @Test
  void logoutTokensFromTheStubValidateOnce() {
    OneLogin rp = relyingParty();
    String token = ONE_LOGIN.logoutToken("urn:fdc:gov.uk:2022:stub-4", "sid-9", "jti-" + System.nanoTime());
    assertThat(rp.validateLogoutToken(token)).isEqualTo(new LogoutResult.Valid("urn:fdc:gov.uk:2022:stub-4", Optional.of("sid-9")));
    assertThat(rp.validateLogoutToken(token)).isInstanceOf(LogoutResult.Invalid.class);
  }

  @Test
  void theAssertionCheckFindsWhatIsWrong() throws Exception {
    RSAKey someoneElse = new RSAKeyGenerator(2048).keyID("x").generate();
    OneLogin rp = OneLogin.builder().issuer(ONE_LOGIN.issuer()).clientId(ONE_LOGIN.clientId())
        .redirectUri(URI.create("https://apply.example.gov.uk/callback")).clientKey(someoneElse).userAgent(UA)
        .identityKeys(ONE_LOGIN.identityKeys()).identityIssuer(ONE_LOGIN.identityIssuer()).build();
    ONE_LOGIN.tokenRequests();
    int before = ONE_LOGIN.tokenRequests().size();
    ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:stub-5").enqueue();
    AuthorizationRedirect go = rp.start(LoginRequest.signInOnly());
    rp.complete(go.pending(), ONE_LOGIN.browse(go.uri()));
    List<OneLoginStub.TokenRequestRecord> all = ONE_LOGIN.tokenRequests();
    assertThat(all).hasSize(before + 1);
    assertThat(all.get(all.size() - 1).problems(ONE_LOGIN.clientKey(), ONE_LOGIN.clientId()))
        .containsExactly("assertion signature does not verify with the client key");
    assertThat(new OneLoginStub.TokenRequestRecord(Map.of(), Optional.empty(), ONE_LOGIN.tokenEndpoint())
        .problems(ONE_LOGIN.clientKey(), ONE_LOGIN.clientId()))
        .contains("no User-Agent header", "no PKCE code_verifier", "no client_assertion");
  }
}
