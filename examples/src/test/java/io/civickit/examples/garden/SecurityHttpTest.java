package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's protections at the HTTP level: security headers, cookies, CSRF, request size,
 * session fixation, open redirects, static file paths, and no personal data in its logs.
 */
class SecurityHttpTest {
  @TempDir static Path dir;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(dir);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private Http http() {
    return new Http(service.app.url().toString());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    Http h = http();
    for (String path : List.of("/", "/apply/address", "/no-such-page", "/assets/govuk-frontend.min.css", "/agent/login")) {
      HttpResponse<String> r = h.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
          .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
              "form-action 'self'", "base-uri 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
    }
    assertThat(h.get("/").headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void pagesHaveNoInlineScriptOrStyle() {
    String html = http().get("/").body();
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=", "<style", "onclick");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteAndSecureUnlessPlainLocalhost() {
    HttpResponse<String> r = http().get("/");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("ck-session=").contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");

    try (GardenWasteApp secure = GardenWasteApp.start(TestService.settings(dir.resolve("secure"), "0")
        .with("public-url", "https://garden-waste.example.gov.uk"))) {
      HttpResponse<String> s = new Http("http://localhost:" + secure.port()).get("/");
      assertThat(s.headers().firstValue("Set-Cookie").orElseThrow())
          .startsWith("__Host-ck-session=").contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
      assertThat(s.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
    assertThatThrownBy(() -> GardenWasteApp.start(TestService.settings(dir.resolve("insecure"), "0")
        .with("public-url", "http://garden-waste.example.gov.uk").with("insecure-cookies", "true")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only for http://localhost");
  }

  @Test
  void formsWithoutTheRightCsrfTokenAreRefused() {
    Http h = http();
    h.get("/");
    assertThat(h.post("/start", Map.of("csrf", "")).statusCode()).isEqualTo(403);
    assertThat(h.post("/start", Map.of("csrf", "x".repeat(43))).statusCode()).isEqualTo(403);
    Http stranger = http();
    assertThat(stranger.post("/start", Map.of("csrf", h.csrf)).statusCode()).as("no session").isEqualTo(403);
    HttpResponse<String> ok = h.post("/start", Map.of());
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).contains("/apply/lives-in-area");
  }

  @Test
  void requestBodiesOverTheLimitAreRefused() throws Exception {
    Http h = http();
    h.get("/");
    String cookie = h.cookies.getCookieStore().getCookies().get(0).toString();
    int declared = 64 * 1024 + 1;
    // A raw socket: the server answers as soon as it sees the length, without reading the body.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.app.port())) {
      socket.setSoTimeout(10_000);
      String head = "POST /start HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
          + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + declared + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(("csrf=" + h.csrf + "&junk=aaaa").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      assertThat(status).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void signingInGivesANewSessionIdAndTheOldOneIsWorthNothing() {
    Http h = http();
    String before = h.get("/agent/login").headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> in = h.post("/agent/login",
        Map.of("username", TestService.SUPERVISOR, "password", TestService.STAFF_PASSWORD));
    assertThat(in.headers().firstValue("Location")).contains("/agent");
    String after = in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(after).isNotEqualTo(before);
    assertThat(h.get("/agent").statusCode()).isEqualTo(200);

    HttpResponse<String> withOld = Http.withoutCookieJar(
        HttpRequest.newBuilder(URI.create(service.app.url() + "/agent")).header("Cookie", before).build());
    assertThat(withOld.statusCode()).isEqualTo(303);
    assertThat(withOld.headers().firstValue("Location")).contains("/agent/login");
  }

  @Test
  void wrongPasswordsAreRefusedWithoutSayingWhichPartWasWrong() {
    Http h = http();
    h.get("/agent/login");
    String unknownUser = h.post("/agent/login", Map.of("username", "nobody", "password", "x")).body();
    String wrongPassword = h.post("/agent/login", Map.of("username", TestService.SUPERVISOR, "password", "x")).body();
    assertThat(unknownUser).contains("Enter a correct username and password");
    assertThat(wrongPassword).contains("Enter a correct username and password");
  }

  @Test
  void languageSwitchNeverRedirectsOffSite() {
    Http h = http();
    h.get("/");
    for (String target : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example",
        "//2130706433/", "/\\/evil", "///evil.example", "/%5cevil.example", "//0x7f.1/")) {
      HttpResponse<String> r = h.post("/language", Map.of("to", "cy", "return", target));
      assertThat(r.statusCode()).as(target).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).as(target).contains("/");
    }
    assertThat(h.post("/language", Map.of("to", "en", "return", "/apply/bins")).headers().firstValue("Location"))
        .as("a path on this site is kept").contains("/apply/bins");
  }

  @Test
  void staticFilesOutsideTheAssetFoldersAreNotServed() {
    Http h = http();
    assertThat(h.get("/assets/govuk-frontend.min.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(h.get("/assets/fonts/bold-b542beb274-v2.woff2").statusCode()).isEqualTo(200);
    assertThat(h.get("/assets/..%2f..%2fMETA-INF%2fMANIFEST.MF").statusCode()).as("dot segments").isEqualTo(400);
    assertThat(h.get("/assets/io/civickit/examples/garden/GardenWasteApp.class").statusCode()).isEqualTo(404);
    assertThat(h.get("/assets/govuk-frontend.min.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
  }

  @Test
  void logsHoldNoPersonalData() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String email = "private.person@example.org";
    try {
      Http h = http();
      h.get("/");
      h.follow(h.post("/start", Map.of()));
      h.post("/apply/lives-in-area", Map.of("lives_in_area", "yes"));
      h.post("/apply/address", Map.of("address-line1", "221B Secret Street", "address-town", "Anytown",
          "address-postcode", "SW1A 1AA"));
      h.get("/apply/bins");
      h.post("/apply/bins", Map.of("action", "save", "number_of_bins", "2"));
      h.get("/save");
      h.post("/save", Map.of("email", email));
      service.awaitEmail("(" + java.util.regex.Pattern.quote(email) + ")");
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).doesNotContain(email, "private.person", "Secret Street", "SW1A 1AA");
  }

  @Test
  void theJsonFormAndTheJavaBuilderDescribeTheSameForm() {
    assertThat(GardenWasteForm.built()).isEqualTo(GardenWasteForm.form());
  }

  @Test
  void aPageNotReachedYetCannotBeSent() {
    Http h = http();
    h.get("/");
    h.follow(h.post("/start", Map.of()));
    h.post("/apply/lives-in-area", Map.of("lives_in_area", "yes"));
    LocalDate past = LocalDate.now().minusDays(3);
    assertThat(h.get("/apply/address").statusCode()).isEqualTo(200);
    assertThat(h.post("/apply/start-date", Map.of("start_date-day", String.valueOf(past.getDayOfMonth()),
        "start_date-month", String.valueOf(past.getMonthValue()), "start_date-year", String.valueOf(past.getYear())))
        .statusCode()).as("a page not reached yet cannot be sent").isEqualTo(303);
  }
}
