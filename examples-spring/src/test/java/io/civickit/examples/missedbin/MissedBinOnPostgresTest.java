package io.civickit.examples.missedbin;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.testsupport.PostgresDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The same service on PostgreSQL, chosen only by Spring Boot's standard spring.datasource.* settings. */
class MissedBinOnPostgresTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @TempDir Path outbox;

  @Test
  void theServiceKeepsItsJourneysInPostgresAndReportsItselfHealthy() throws Exception {
    try (ConfigurableApplicationContext app = SpringApplication.run(MissedBinService.class, "--server.port=0",
        "--server.address=127.0.0.1", "--spring.datasource.url=" + PG.jdbcUrl(), "--civickit.notify.workers=0",
        "--civickit.notify.outbox-dir=" + outbox)) {
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      String start = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(start);
      assertThat(csrf.find()).isTrue();
      HttpResponse<String> begun = http.send(HttpRequest.newBuilder(URI.create(base + "/start"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(begun.statusCode()).isEqualTo(303);
      assertThat(begun.headers().firstValue("Location")).hasValue("/apply/bin-type");

      try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT definition_id FROM civickit_journeys")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("missed-bin");
      }
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }
  }
}
