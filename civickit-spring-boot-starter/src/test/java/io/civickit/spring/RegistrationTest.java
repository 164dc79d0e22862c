package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.spring.internal.CivicKitFailureAnalyzer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What a Spring Boot application finds in the jar: the auto-configurations, the failure analyzer, the metadata. */
class RegistrationTest {

  @Test
  void everyAutoConfigurationIsRegisteredForSpringBootToFind() {
    List<String> found = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(found::add);
    assertThat(found).contains(CivicKitSecretsAutoConfiguration.class.getName(),
        CivicKitStoresAutoConfiguration.class.getName(), CivicKitNotifyAutoConfiguration.class.getName(),
        CivicKitOneLoginAutoConfiguration.class.getName(), CivicKitMetricsAutoConfiguration.class.getName(),
        CivicKitHealthAutoConfiguration.class.getName(), CivicKitWebAutoConfiguration.class.getName(),
        CivicKitWebSecurityAutoConfiguration.class.getName());
  }

  @Test
  void theFailureAnalyzerIsRegistered() {
    assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
        .contains(CivicKitFailureAnalyzer.class.getName());
  }

  @Test
  void everyCivicKitPropertyHasGeneratedMetadataWithADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode p : metadata.get("properties")) {
      names.add(p.get("name").asText());
      assertThat(p.path("description").asText()).as(p.get("name").asText()).isNotBlank();
    }
    assertThat(names).contains("civickit.keys", "civickit.server-key", "civickit.schema.install",
        "civickit.notify.channel", "civickit.notify.api-key", "civickit.notify.templates", "civickit.notify.workers",
        "civickit.one-login.client-id", "civickit.one-login.client-key", "civickit.web.form",
        "civickit.web.agent.path", "civickit.web.agent.accounts");
  }
}
