package io.civickit.spring;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.onelogin.OneLogin;
import java.text.ParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A GOV.UK One Login relying party from {@code civickit.one-login.*}, when
 * {@code civickit.one-login.client-id} is set. Logout token ids are remembered in the
 * {@link IdentityStore} bean (shared by every instance on the database). Nothing is fetched from
 * One Login until the first sign-in. Backs off from a {@link OneLogin} bean the application
 * defines.
 */
@AutoConfiguration(after = CivicKitStoresAutoConfiguration.class)
@ConditionalOnClass(OneLogin.class)
@ConditionalOnProperty(prefix = "civickit.one-login", name = "client-id")
@EnableConfigurationProperties(OneLoginProperties.class)
public class CivicKitOneLoginAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitOneLoginAutoConfiguration() {}

  /**
   * The One Login client.
   *
   * @param p the {@code civickit.one-login.*} settings
   * @param store where logout token ids are remembered, if there is a store bean
   * @return the client
   * @throws CivicKitConfigurationException naming the setting that is missing or wrong
   */
  @Bean
  @ConditionalOnMissingBean
  public OneLogin civicKitOneLogin(OneLoginProperties p, ObjectProvider<IdentityStore> store) {
    OneLogin.Builder b = OneLogin.builder().issuer(p.issuer()).clientId(require(p.clientId(), "client-id", ""));
    b.redirectUri(require(p.redirectUri(), "redirect-uri",
        " to the redirect URI registered with One Login, for example https://apply.council.gov.uk/one-login/callback"));
    String keyJson = require(p.clientKey(), "client-key", " (or the environment variable CIVICKIT_ONELOGIN_CLIENTKEY)"
        + " to the RSA private key registered with One Login, as a JSON Web Key with a kid");
    try {
      b.clientKey(RSAKey.parse(keyJson));
    } catch (ParseException | IllegalArgumentException e) {
      // Never the key's text: the problem only.
      throw new CivicKitConfigurationException("civickit.one-login.client-key", "civickit.one-login.client-key is "
          + "not an RSA private JSON Web Key with a key id" + (e instanceof IllegalArgumentException ? ": "
          + e.getMessage() : "") + ".", "Set civickit.one-login.client-key to the RSA private key registered with "
          + "One Login, as a JSON Web Key with \"kty\":\"RSA\", a \"kid\" and its private parts.");
    }
    b.userAgent(require(p.userAgent(), "user-agent",
        " to name the service and a contact URL, for example council-apply/1.4 (https://apply.council.gov.uk)"));
    if (p.identityIssuer() != null) {
      b.identityIssuer(p.identityIssuer());
    }
    if (p.identityKeys() != null) {
      try {
        b.identityKeys(JWKSet.parse(p.identityKeys()));
      } catch (ParseException e) {
        throw new CivicKitConfigurationException("civickit.one-login.identity-keys", "civickit.one-login.identity-keys"
            + " is not a JSON Web Key Set.", "Set civickit.one-login.identity-keys to the public keys from One "
            + "Login's DID document as {\"keys\":[...]}, or remove it if the service does not check identity.");
      }
    }
    try {
      b.idTokenAlgorithm(p.idTokenAlgorithm()).timeout(p.timeout());
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.one-login", e.getMessage() + ".",
          "Correct civickit.one-login.id-token-algorithm (ES256 or RS256) or civickit.one-login.timeout.");
    }
    store.ifAvailable(b::store);
    return b.build();
  }

  private static <T> T require(T value, String name, String how) {
    if (value == null || value.toString().isBlank()) {
      throw new CivicKitConfigurationException("civickit.one-login." + name, "civickit.one-login.client-id is set, "
          + "but civickit.one-login." + name + " is not.", "Set civickit.one-login." + name + how + ".");
    }
    return value;
  }
}
