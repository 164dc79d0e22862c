package io.civickit.spring;

import io.civickit.forms.Form;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.pay.fee.FeeRulesException;
import io.civickit.web.JourneyRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Payments (sdk-pay) for the journey runner: with {@code civickit.pay.fees} set, the fee those
 * rules work out is taken through GOV.UK Pay after check your answers, with the API key in
 * {@code civickit.pay.api-key}, and GOV.UK Pay's webhooks accepted when
 * {@code civickit.pay.webhook-secret} is set.
 *
 * <p>Without an API key the application does not start, except in the {@code dev} profile, where
 * no fee is taken and the log says so. The {@link FeeRules} and {@link GovUkPay} beans each back
 * off from the application's own (a client pointed at a test double, fees made in Java); the
 * runner takes whichever there are.
 */
@AutoConfiguration(after = CivicKitWebAutoConfiguration.class)
@ConditionalOnClass({GovUkPay.class, JourneyRunner.class})
@EnableConfigurationProperties(PayProperties.class)
public class CivicKitPayAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CivicKitPayAutoConfiguration.class);

  /** Creates the configuration (Spring does). */
  public CivicKitPayAutoConfiguration() {}

  /**
   * The fee rules, read and checked at start-up.
   *
   * @param p the {@code civickit.pay.*} settings
   * @param resources to open the rules' location
   * @return the rules
   * @throws CivicKitConfigurationException if the file is missing or not valid fee rules
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("civickit.pay.fees")
  public FeeRules civicKitFeeRules(PayProperties p, ResourceLoader resources) {
    String location = String.valueOf(p.fees());
    Resource r = resources.getResource(location);
    if (!r.exists()) {
      throw new CivicKitConfigurationException("civickit.pay.fees", "civickit.pay.fees names " + location
          + ", which does not exist.", "Set civickit.pay.fees to the fee rules' JSON, for example "
          + "classpath:fees/my-service.json for src/main/resources/fees/my-service.json.");
    }
    try (InputStream in = r.getInputStream()) {
      return FeeRules.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FeeRulesException | IOException e) {
      throw new CivicKitConfigurationException("civickit.pay.fees", location + " is not valid fee rules: "
          + e.getMessage(), "Correct the fee rules (docs/payments.md describes them; FeeRules.lint lists every "
          + "problem).", e);
    }
  }

  /**
   * The GOV.UK Pay client.
   *
   * @param p the {@code civickit.pay.*} settings
   * @return the client
   * @throws CivicKitConfigurationException if the API key or the base URL is malformed
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("civickit.pay.api-key")
  public GovUkPay civicKitGovUkPay(PayProperties p) {
    GovUkPay.Builder client = GovUkPay.builder();
    try {
      client.apiKey(String.valueOf(p.apiKey()).strip());
    } catch (IllegalArgumentException e) {
      // The key's own text is never repeated.
      throw new CivicKitConfigurationException("civickit.pay.api-key",
          "civickit.pay.api-key is not a GOV.UK Pay API key: it has spaces or characters that are not printable ASCII.",
          "Copy the whole key from GOV.UK Pay's admin tool (Settings, API keys) into civickit.pay.api-key, or the "
              + "environment variable CIVICKIT_PAY_APIKEY.");
    }
    if (p.baseUrl() != null) {
      try {
        client.baseUri(p.baseUrl());
      } catch (IllegalArgumentException e) {
        throw new CivicKitConfigurationException("civickit.pay.base-url", "civickit.pay.base-url must be https "
            + "(http only on localhost), but was " + p.baseUrl() + ".", "Remove civickit.pay.base-url to use GOV.UK "
            + "Pay, or point it at a test double on localhost.");
      }
    }
    return client.build();
  }

  /**
   * Hands the payment step to the runner when there are fee rules: checked at start-up.
   *
   * @param p the {@code civickit.pay.*} settings
   * @param fees the fee rules, if payments are on
   * @param client the GOV.UK Pay client, if there is a key
   * @param form the runner's form, whose title is the default description
   * @param environment to see whether the {@code dev} profile is active
   * @return the customizer
   * @throws CivicKitConfigurationException if there are fees but no API key outside {@code dev}, or the
   *     description is too long
   */
  @Bean
  public JourneyRunnerCustomizer civicKitPaymentsCustomizer(PayProperties p, ObjectProvider<FeeRules> fees,
      ObjectProvider<GovUkPay> client, ObjectProvider<Form> form, Environment environment) {
    FeeRules rules = fees.getIfUnique();
    if (rules == null) {
      return runner -> { };
    }
    GovUkPay pay = client.getIfUnique();
    if (pay == null) {
      if (!environment.acceptsProfiles(Profiles.of(CivicKitSecretsAutoConfiguration.DEV_PROFILE))) {
        throw new CivicKitConfigurationException("civickit.pay.api-key",
            "CivicKit has fee rules to take payments with, but no GOV.UK Pay API key: civickit.pay.api-key is not set.",
            "Set civickit.pay.api-key (or the environment variable CIVICKIT_PAY_APIKEY) to the service's GOV.UK Pay API "
                + "key (a test key from GOV.UK Pay's sandbox while you build the service). For a trial on your own "
                + "machine without one, run with the dev profile (spring.profiles.active=dev) and no fee is taken.");
      }
      LOG.warn("civickit.pay.fees is set but civickit.pay.api-key is not: no fee is taken in this run (dev profile). "
          + "Set civickit.pay.api-key to a GOV.UK Pay test key to try the payment pages.");
      return runner -> { };
    }
    Form f = form.getIfUnique();
    String description = present(p.description()) ? p.description() : f == null ? "" : f.title().en();
    if (description.isBlank() || description.length() > 255) {
      throw new CivicKitConfigurationException("civickit.pay.description", "civickit.pay.description must be 1 to 255 "
          + "characters, but was " + description.length() + ".", "Set civickit.pay.description to what is paid for, "
          + "as GOV.UK Pay's page shows it, for example Garden waste collection permit.");
    }
    String webhookSecret = p.webhookSecret();
    return runner -> {
      runner.payments(pay, rules, description);
      if (present(webhookSecret)) {
        runner.payWebhooks(webhookSecret);
      }
    };
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }
}
