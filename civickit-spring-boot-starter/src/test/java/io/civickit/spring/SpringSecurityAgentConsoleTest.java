package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.testsupport.H2Database;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application with Spring Security and no security configuration of its own: the
 * citizen pages are open and their forms work (the runner checks its own CSRF token), the agent
 * console needs the council's sign-in, not the runner's own.
 */
class SpringSecurityAgentConsoleTest {
  static ConfigurableApplicationContext app;
  static String base;

  @SpringBootApplication
  static class App {}

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
        .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "spring.datasource.url=" + H2Database.inMemory().jdbcUrl(),
            "civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY,
            "civickit.web.form=classpath:io/civickit/test/web/suite-form.json",
            "civickit.notify.workers=0",
            "spring.security.user.name=jsmith", "spring.security.user.password=correct horse battery staple")
        .run();
    base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpClient client() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  static HttpResponse<String> get(HttpClient c, String path) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(HttpClient c, String path, String form) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as(name + " in the page").isTrue();
    return m.group(1);
  }

  @Test
  void citizenPagesAreOpenAndTheRunnersOwnCsrfTokenIsWhatTheirFormsNeed() throws Exception {
    HttpClient c = client();
    HttpResponse<String> start = get(c, "/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> begun = post(c, "/start", "csrf=" + URLEncoder.encode(field(start.body(), "csrf"),
        StandardCharsets.UTF_8));
    assertThat(begun.statusCode()).isEqualTo(303);
    assertThat(post(c, "/start", "csrf=forged").statusCode()).isEqualTo(403);
  }

  @Test
  void theAgentConsoleNeedsTheCouncilsSignInAndThenKnowsTheAdviser() throws Exception {
    HttpClient c = client();
    HttpResponse<String> anonymous = get(c, "/agent");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

    String login = get(c, "/login").body();
    HttpResponse<String> signedIn = post(c, "/login", "username=jsmith&password="
        + URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(field(login, "_csrf"), StandardCharsets.UTF_8));
    assertThat(signedIn.statusCode()).isEqualTo(302);

    HttpResponse<String> console = get(c, "/agent");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains("People waiting for help").doesNotContain("Sign in");
  }

  @Test
  void aPathTheRunnerDoesNotHaveIsItsGovUkPageNotFound() throws Exception {
    HttpResponse<String> missing = get(client(), "/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found").contains("govuk-");
  }
}
