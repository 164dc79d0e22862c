package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.progress.ProgressStore;
import io.civickit.testsupport.H2Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Spring Boot application, as a council team would start it: auto-configuration found on the class path. */
class ApplicationStartTest {

  @SpringBootApplication
  static class App {}

  static SpringApplicationBuilder app(String... properties) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(properties)
        .properties("spring.main.banner-mode=off");
  }

  @Test
  void anApplicationWithADatasourceUrlAndTheSecretsGetsTheStores() {
    try (ConfigurableApplicationContext ctx = app("spring.datasource.url=" + H2Database.inMemory().jdbcUrl(),
        "civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY).run()) {
      assertThat(ctx.getBeansOfType(ProgressStore.class)).hasSize(1);
      assertThat(ctx.getBean(CivicKitSchema.class).installed()).contains("core", "outbox");
    }
  }

  @Test
  void anApplicationWithoutTheKeyRingRefusesToStartAndSpringBootPrintsWhatToDo() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(both);
    System.setOut(both);
    try {
      assertThatThrownBy(() -> app("spring.datasource.url=" + H2Database.inMemory().jdbcUrl(),
          "civickit.server-key=" + Contexts.SERVER_KEY).run().close())
          .hasRootCauseInstanceOf(CivicKitConfigurationException.class);
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("APPLICATION FAILED TO START")
        .contains("CivicKit has no key ring to encrypt saved answers and queued notifications: civickit.keys is not "
            + "set.")
        .contains("Set civickit.keys (or the environment variable CIVICKIT_KEYS)");
  }
}
