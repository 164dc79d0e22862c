package io.civickit.spring;

import io.civickit.core.progress.KeyRing;
import io.civickit.testsupport.H2Database;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import io.civickit.spring.internal.CivicKitFailureAnalyzer;

/** Shared set-up of the auto-configuration tests. */
final class Contexts {
  static final String KEYS = KeyRing.generate("k1").format();
  static final String SERVER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private Contexts() {}

  /** Every CivicKit auto-configuration, no beans of the application's, no properties. */
  static ApplicationContextRunner bare() {
    return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
        CivicKitSecretsAutoConfiguration.class, CivicKitStoresAutoConfiguration.class,
        CivicKitNotifyAutoConfiguration.class, CivicKitOneLoginAutoConfiguration.class,
        CivicKitMetricsAutoConfiguration.class, CivicKitHealthAutoConfiguration.class));
  }

  /** {@link #bare()} with the secrets set and a fresh in-memory H2 database as the DataSource. */
  static ApplicationContextRunner withDatabase() {
    DataSource ds = H2Database.inMemory().dataSource();
    return bare()
        .withPropertyValues("civickit.keys=" + KEYS, "civickit.server-key=" + SERVER_KEY)
        .withBean(DataSource.class, () -> ds);
  }

  /** What Spring Boot prints for a start-up failure, or null if the failure is not CivicKit's. */
  static FailureAnalysis analysis(Throwable startupFailure) {
    return new CivicKitFailureAnalyzer().analyze(startupFailure);
  }
}
