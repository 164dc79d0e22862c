package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.identity.IdentityStore;
import io.civickit.identity.onelogin.AuthorizationRedirect;
import io.civickit.identity.onelogin.LoginRequest;
import io.civickit.identity.onelogin.LoginResult;
import io.civickit.identity.onelogin.OneLogin;
import io.civickit.test.onelogin.OneLoginStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OneLoginAutoConfigurationTest {
  @RegisterExtension static final OneLoginStub ONE_LOGIN = new OneLoginStub();

  static ApplicationContextRunner configured() {
    return Contexts.withDatabase().withPropertyValues(
        "civickit.one-login.issuer=" + ONE_LOGIN.issuer(),
        "civickit.one-login.client-id=" + ONE_LOGIN.clientId(),
        "civickit.one-login.redirect-uri=https://apply.council.example/one-login/callback",
        "civickit.one-login.client-key=" + ONE_LOGIN.clientKey().toJSONString(),
        "civickit.one-login.user-agent=council-apply/1.0 (https://apply.council.example)",
        "civickit.one-login.identity-issuer=" + ONE_LOGIN.identityIssuer(),
        "civickit.one-login.identity-keys=" + ONE_LOGIN.identityKeys().toString(true));
  }

  @Test
  void aClientFromPropertiesSignsSomeoneInAgainstOneLogin() {
    configured().run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(IdentityStore.class);
      OneLogin oneLogin = ctx.getBean(OneLogin.class);
      ONE_LOGIN.nextSignIn("urn:fdc:gov.uk:2022:spring-test").enqueue();
      AuthorizationRedirect go = oneLogin.start(LoginRequest.signInOnly());
      assertThat(go.uri().toString()).startsWith(ONE_LOGIN.issuer().toString())
          .contains("client_id=" + ONE_LOGIN.clientId());
      LoginResult result = oneLogin.complete(go.pending(), ONE_LOGIN.browse(go.uri()));
      assertThat(result).isInstanceOfSatisfying(LoginResult.LoggedIn.class,
          in -> assertThat(in.subject()).isEqualTo("urn:fdc:gov.uk:2022:spring-test"));
    });
  }

  @Test
  void withoutAClientIdThereIsNoOneLogin() {
    Contexts.withDatabase().run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(OneLogin.class));
  }

  @Test
  void aMissingRedirectUriStopsTheStartSayingWhatToSet() {
    Contexts.withDatabase().withPropertyValues("civickit.one-login.client-id=abc").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription())
          .isEqualTo("civickit.one-login.client-id is set, but civickit.one-login.redirect-uri is not.");
      assertThat(a.getAction()).isEqualTo("Set civickit.one-login.redirect-uri to the redirect URI registered with "
          + "One Login, for example https://apply.council.gov.uk/one-login/callback.");
    });
  }

  @Test
  void aPublicKeyWhereThePrivateKeyBelongsIsRefusedWithoutRepeatingIt() {
    String publicOnly = ONE_LOGIN.clientKey().toPublicJWK().toJSONString();
    configured().withPropertyValues("civickit.one-login.client-key=" + publicOnly).run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("civickit.one-login.client-key is not an RSA private JSON Web Key "
          + "with a key id: the client key must include the private key, to sign client assertions.");
      assertThat(a.getDescription()).doesNotContain(ONE_LOGIN.clientKey().getModulus().toString());
    });
  }

  @Test
  void textThatIsNoJsonWebKeyIsRefused() {
    configured().withPropertyValues("civickit.one-login.client-key=-----BEGIN PRIVATE KEY-----").run(ctx ->
        assertThat(Contexts.analysis(ctx.getStartupFailure()).getDescription())
            .isEqualTo("civickit.one-login.client-key is not an RSA private JSON Web Key with a key id."));
  }

  @Test
  void theApplicationsOwnClientWins() {
    OneLogin own = OneLogin.builder().issuer(ONE_LOGIN.issuer()).clientId("own")
        .redirectUri(java.net.URI.create("https://own.example/cb")).clientKey(ONE_LOGIN.clientKey())
        .userAgent("own/1").build();
    configured().withBean(OneLogin.class, () -> own).run(ctx -> assertThat(ctx.getBean(OneLogin.class)).isSameAs(own));
  }

  @Test
  void withoutSdkIdentityThereIsNoOneLogin() {
    configured().withClassLoader(new FilteredClassLoader(OneLogin.class, IdentityStore.class)).run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean(OneLogin.class));
  }
}
