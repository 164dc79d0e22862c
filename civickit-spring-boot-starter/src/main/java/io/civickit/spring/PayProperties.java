package io.civickit.spring;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code civickit.pay.*} settings: the journey runner takes a fee through GOV.UK Pay after
 * check your answers (sdk-pay). Setting {@code civickit.pay.fees} switches payments on.
 *
 * @param fees the fee rules' JSON as a Spring resource location, for example
 *     {@code classpath:fees/garden-waste.json}; setting it switches payments on
 * @param description what is paid for, shown on GOV.UK Pay's page (1 to 255 characters); the
 *     form's title when unset
 * @param apiKey the service's GOV.UK Pay API key; required with {@code civickit.pay.fees} outside the
 *     {@code dev} profile (in {@code dev} no fee is taken without it). Best given as the
 *     environment variable {@code CIVICKIT_PAY_APIKEY}
 * @param webhookSecret the signing secret of GOV.UK Pay's webhooks; when set, they are accepted at
 *     {@code /payment/webhook}. Best given as the environment variable
 *     {@code CIVICKIT_PAY_WEBHOOKSECRET}
 * @param baseUrl GOV.UK Pay's API (https; http only on localhost, for a test double); GOV.UK Pay's
 *     own when unset
 */
@ConfigurationProperties("civickit.pay")
public record PayProperties(
    @Nullable String fees,
    @Nullable String description,
    @Nullable String apiKey,
    @Nullable String webhookSecret,
    @Nullable URI baseUrl) {

  @Override
  public String toString() {
    return "PayProperties[fees=" + fees + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", webhookSecret="
        + (webhookSecret == null ? "unset" : "set") + ", baseUrl=" + baseUrl + "]";
  }
}
