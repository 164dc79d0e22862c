package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.testsupport.H2Database;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application in the context {@code /council} with {@code civickit.web.path}
 * {@code /fallen-tree} and Spring Security: the runner at {@code /council/fallen-tree}, its
 * console behind the council's sign-in there, and nothing of the runner's elsewhere.
 */
class WebPathServerTest {
  static ConfigurableApplicationContext app;
  static String origin;

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(SpringSecurityAgentConsoleTest.App.class).web(WebApplicationType.SERVLET)
        .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "server.servlet.context-path=/council", "civickit.web.path=/fallen-tree",
            "spring.datasource.url=" + H2Database.inMemory().jdbcUrl(),
            "civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY,
            "civickit.web.form=classpath:io/civickit/test/web/suite-form.json",
            "civickit.notify.workers=0",
            "spring.security.user.name=jsmith", "spring.security.user.password=correct horse battery staple")
        .run();
    origin = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theRunnerAnswersUnderItsPathWithItsLinksThere() throws Exception {
    HttpClient c = SpringSecurityAgentConsoleTest.client();
    HttpResponse<String> start = get(c, "/council/fallen-tree/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("action=\"/council/fallen-tree/start\"",
        "href=\"/council/fallen-tree/assets/govuk-frontend.min.css\"", "href=\"/council/fallen-tree/agent\"")
        .doesNotContain("href=\"/assets/", "action=\"/start\"");
    HttpResponse<String> begun = post(c, "/council/fallen-tree/start", "csrf="
        + URLEncoder.encode(SpringSecurityAgentConsoleTest.field(start.body(), "csrf"), StandardCharsets.UTF_8));
    assertThat(begun.headers().firstValue("Location")).contains("/council/fallen-tree/apply/where");
  }

  @Test
  void theConsoleUnderThePathNeedsTheCouncilsSignIn() throws Exception {
    HttpResponse<String> anonymous = get(SpringSecurityAgentConsoleTest.client(), "/council/fallen-tree/agent");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void outsideItsPathTheRunnerAnswersNothing() throws Exception {
    for (String outside : new String[] {"/council/", "/council/start", "/council/assets/govuk-frontend.min.css"}) {
      HttpResponse<String> r = get(SpringSecurityAgentConsoleTest.client(), outside);
      assertThat(r.statusCode()).as(outside).isEqualTo(404);
      assertThat(r.body()).as("the application's own 404, not the runner's page").doesNotContain("govuk-template");
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(outside).isEmpty();
    }
  }

  private static HttpResponse<String> get(HttpClient c, String path) throws Exception {
    return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient c, String path, String form) throws Exception {
    return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
