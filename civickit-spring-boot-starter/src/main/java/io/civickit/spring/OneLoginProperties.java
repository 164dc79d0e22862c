package io.civickit.spring;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code civickit.one-login.*} settings: a GOV.UK One Login relying party, configured when
 * {@link #clientId()} is set.
 *
 * @param issuer One Login's issuer, exactly as its discovery document gives it (integration:
 *     {@code https://oidc.integration.account.gov.uk/}; production:
 *     {@code https://oidc.account.gov.uk/})
 * @param clientId the client id One Login gave this service; setting it switches One Login on
 * @param redirectUri the redirect URI registered with One Login
 * @param clientKey the RSA private key whose public half is registered with One Login, as a JSON
 *     Web Key with a key id ({@code kid}); best given as the environment variable
 *     {@code CIVICKIT_ONELOGIN_CLIENTKEY}
 * @param userAgent the User-Agent on every call to One Login, for example
 *     {@code council-apply/1.4 (https://apply.example.gov.uk)}
 * @param identityIssuer the issuer of core identity JWTs; derived from the issuer when unset
 * @param identityKeys the public keys (a JSON Web Key Set, EC P-256) that sign core identity
 *     JWTs, from One Login's DID document; needed only for identity journeys
 * @param idTokenAlgorithm the ID token algorithm registered for the client: {@code ES256} or {@code RS256}
 * @param timeout the connect and read timeout of calls to One Login
 */
@ConfigurationProperties("civickit.one-login")
public record OneLoginProperties(
    @DefaultValue("https://oidc.integration.account.gov.uk/") URI issuer,
    @Nullable String clientId,
    @Nullable URI redirectUri,
    @Nullable String clientKey,
    @Nullable String userAgent,
    @Nullable String identityIssuer,
    @Nullable String identityKeys,
    @DefaultValue("ES256") String idTokenAlgorithm,
    @DefaultValue("10s") Duration timeout) {

  @Override
  public String toString() {
    return "OneLoginProperties[issuer=" + issuer + ", clientId=" + clientId + ", clientKey="
        + (clientKey == null ? "unset" : "set") + "]";
  }
}
