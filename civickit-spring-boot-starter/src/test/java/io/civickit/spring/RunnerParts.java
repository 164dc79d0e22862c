package io.civickit.spring;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The runner's context with submissions, payments and uploads configured beside it. */
final class RunnerParts {
  private RunnerParts() {}

  static WebApplicationContextRunner web() {
    return WebAutoConfigurationTest.web().withConfiguration(AutoConfigurations.of(
        CivicKitSubmitAutoConfiguration.class, CivicKitPayAutoConfiguration.class,
        CivicKitUploadAutoConfiguration.class));
  }
}
