package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.test.pay.FakeGovUkPay;
import io.civickit.web.JourneyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class PayAutoConfigurationTest {
  @RegisterExtension static final FakeGovUkPay PAY = FakeGovUkPay.start();
  static final String FEES = "civickit.pay.fees=classpath:fees/permit.json";

  static WebApplicationContextRunner web() {
    return RunnerParts.web().withPropertyValues(WebAutoConfigurationTest.FORM);
  }

  @Test
  void feesAndAnApiKeyGiveTheRunnerItsPaymentStep() {
    web().withPropertyValues(FEES, "civickit.pay.api-key=" + PAY.apiKey(), "civickit.pay.base-url=" + PAY.baseUri(),
        "civickit.pay.webhook-secret=webhook-signing-secret").run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(FeeRules.class).hasSingleBean(GovUkPay.class);
          assertThat(ctx.getBean(GovUkPay.class).baseUri()).isEqualTo(PAY.baseUri());
          assertThat(ctx.getBean(JourneyRunner.class).payments()).isPresent();
        });
  }

  @Test
  void withoutFeesNoFeeIsTaken() {
    web().run(ctx -> {
      assertThat(ctx).hasNotFailed().doesNotHaveBean(FeeRules.class).doesNotHaveBean(GovUkPay.class);
      assertThat(ctx.getBean(JourneyRunner.class).payments()).isEmpty();
    });
  }

  @Test
  void feesWithoutAnApiKeyStopTheStartSayingWhatToSet() {
    web().withPropertyValues(FEES).run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("CivicKit has fee rules to take payments with, but no GOV.UK Pay API "
          + "key: civickit.pay.api-key is not set.");
      assertThat(a.getAction()).isEqualTo("Set civickit.pay.api-key (or the environment variable CIVICKIT_PAY_APIKEY) "
          + "to the service's GOV.UK Pay API key (a test key from GOV.UK Pay's sandbox while you build the service). "
          + "For a trial on your own machine without one, run with the dev profile (spring.profiles.active=dev) and "
          + "no fee is taken.");
    });
  }

  @Test
  void inTheDevProfileFeesWithoutAnApiKeyTakeNoFee() {
    web().withPropertyValues(FEES, "spring.profiles.active=dev").run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(FeeRules.class).doesNotHaveBean(GovUkPay.class);
      assertThat(ctx.getBean(JourneyRunner.class).payments()).isEmpty();
    });
  }

  @Test
  void theApplicationsOwnClientNeedsNoApiKeyProperty() {
    GovUkPay own = GovUkPay.builder().apiKey(PAY.apiKey()).baseUri(PAY.baseUri()).build();
    web().withPropertyValues(FEES).withBean(GovUkPay.class, () -> own).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(GovUkPay.class)).isSameAs(own);
      assertThat(ctx.getBean(JourneyRunner.class).payments()).isPresent();
    });
  }

  @Test
  void theApplicationsOwnFeeRulesNeedNoFile() {
    FeeRules own = FeeRules.fromJson("{\"items\": [{\"id\": \"permit\", \"label\": \"Permit\", \"unit_pence\": 100}]}");
    web().withPropertyValues("civickit.pay.api-key=" + PAY.apiKey(), "civickit.pay.base-url=" + PAY.baseUri())
        .withBean(FeeRules.class, () -> own).run(ctx -> {
          assertThat(ctx.getBean(FeeRules.class)).isSameAs(own);
          assertThat(ctx.getBean(JourneyRunner.class).payments()).isPresent();
        });
  }

  @Test
  void withoutSdkPayNoFeeIsTaken() {
    web().withPropertyValues(FEES, "civickit.pay.api-key=" + PAY.apiKey())
        .withClassLoader(new FilteredClassLoader(GovUkPay.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(FeeRules.class).doesNotHaveBean(GovUkPay.class));
  }

  @Test
  void aFeesFileThatIsNotThereStopsTheStartSayingWhatToSet() {
    web().withPropertyValues("civickit.pay.fees=classpath:fees/missing.json", "civickit.pay.api-key=" + PAY.apiKey())
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription())
              .isEqualTo("civickit.pay.fees names classpath:fees/missing.json, which does not exist.");
          assertThat(a.getAction()).isEqualTo("Set civickit.pay.fees to the fee rules' JSON, for example "
              + "classpath:fees/my-service.json for src/main/resources/fees/my-service.json.");
        });
  }

  @Test
  void invalidFeeRulesStopTheStartWithTheirProblems() {
    web().withPropertyValues("civickit.pay.fees=classpath:fees/broken.json", "civickit.pay.api-key=" + PAY.apiKey())
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).startsWith("classpath:fees/broken.json is not valid fee rules: the fee rules "
              + "have ");
          assertThat(a.getAction()).isEqualTo("Correct the fee rules (docs/payments.md describes them; FeeRules.lint "
              + "lists every problem).");
        });
  }

  @Test
  void aMalformedApiKeyIsRefusedWithoutRepeatingIt() {
    web().withPropertyValues(FEES, "civickit.pay.api-key=secret looking text").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("civickit.pay.api-key is not a GOV.UK Pay API key: it has spaces or "
          + "characters that are not printable ASCII.");
      assertThat(a.getDescription() + a.getAction()).doesNotContain("secret looking text");
    });
  }

  @Test
  void anHttpBaseUrlOffLocalhostIsRefused() {
    web().withPropertyValues(FEES, "civickit.pay.api-key=" + PAY.apiKey(), "civickit.pay.base-url=http://pay.example.com")
        .run(ctx -> assertThat(Contexts.analysis(ctx.getStartupFailure()).getDescription())
            .isEqualTo("civickit.pay.base-url must be https (http only on localhost), but was http://pay.example.com."));
  }
}
