package io.civickit.test.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Forms;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.template.Templates;
import io.civickit.web.AgentConsole;
import io.civickit.web.JourneyRunner;
import io.civickit.web.PasswordHash;
import io.civickit.web.RunnerTemplates;
import io.civickit.web.StaffAccount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every web adapter of the journey runner must do, checked over HTTP against a real server:
 * the whole journey with its errors, check your answers and the email code; save and resume by
 * a single-use link and by reference and code; get help, an adviser, and back online; Welsh;
 * CSRF, oversized and chunked bodies, other content types and session fixation refused; only
 * same-site redirects; the security headers on every response, error pages included.
 *
 * <p>An adapter's test extends this class and starts its server on the port given:
 *
 * <pre>{@code
 * class ServletAdapterTest extends JourneyRunnerSuite {
 *   protected AutoCloseable serve(JourneyRunner runner, int port) { ... start Jetty with the servlet ... }
 * }
 * }</pre>
 *
 * <p>An adapter runs the suite a second time with the runner under a base path (override
 * {@link #basePath()}): then every {@code href}, {@code action} and {@code src} of every page the
 * suite is served, and every {@code Location}, must stay under it, and paths outside it are not
 * the runner's.
 *
 * <p>The form is a small one of the suite's own; emails are captured, not sent. One test walks
 * the pages in headless Chromium (skipped without it, failing on {@code CI=true}), in English and
 * Welsh, with and without errors, and runs axe-core against WCAG 2.2 AA on every page state; it
 * also checks that GOV.UK Frontend's JavaScript runs under the strict CSP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Over 500 lines and kept whole: it is the contract an adapter must pass, one test per scenario of
// the issue that defined it (journey, CSRF, body limits, fixation, save and return, help, Welsh,
// redirects, headers, the browser pass), and an adapter team extends one class to run all of it.
public abstract class JourneyRunnerSuite {
  /** The test adviser's name. */
  protected static final String ADVISER = "adviser";
  /** The test adviser's password. */
  protected static final String PASSWORD = "correct horse battery staple";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  /** Every link, form action and source, whatever its quoting. */
  private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(href|action|src)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
      Pattern.CASE_INSENSITIVE);
  private static final int LIMIT = 64 * 1024;

  @TempDir static Path dir;
  private JourneyRunner runner;
  private AutoCloseable server;
  private String base;
  private String origin;
  private String mount;
  private final List<String> emails = Collections.synchronizedList(new ArrayList<>());

  /**
   * Starts the adapter's server on {@code port} serving {@code runner} at the root path.
   *
   * @param runner the runner
   * @param port the port to listen on
   * @return what stops the server
   * @throws Exception if it cannot start
   */
  protected abstract AutoCloseable serve(JourneyRunner runner, int port) throws Exception;

  /**
   * The runner's base path ({@code JourneyRunner.Builder.basePath}); an adapter's second run of
   * the suite overrides it, and its {@link #serve} mounts the runner there (in a servlet
   * context, or under one).
   *
   * @return {@code /}, the site's root, unless overridden
   */
  protected String basePath() {
    return "/";
  }

  @BeforeAll
  void startRunnerAndServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    origin = "http://localhost:" + port;
    mount = basePath().equals("/") ? "" : basePath();
    base = origin + mount;
    Templates templates = RunnerTemplates.defaults().build();
    byte[] serverKey = new byte[32];
    new SecureRandom().nextBytes(serverKey);
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("suite").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    try (InputStream form = JourneyRunnerSuite.class.getResourceAsStream("suite-form.json")) {
      runner = JourneyRunner.builder()
          .form(Forms.read(form))
          .dataSource(ds)
          .keyRing(KeyRing.generate("k1"))
          .serverKey(serverKey)
          .notifier(request -> {
            RenderedMessage m = templates.render(request);
            emails.add(m.toString());
            return new NotificationId(java.util.UUID.randomUUID().toString());
          })
          .publicUrl(URI.create(origin))
          .basePath(basePath())
          .agentConsole(AgentConsole.builder()
              .account(new StaffAccount(ADVISER, PasswordHash.hash(PASSWORD.toCharArray(), 1000), Optional.empty()))
              .build())
          .purges(Duration.ZERO, Duration.ofDays(90))
          .build();
    }
    server = serve(runner, port);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (runner != null) {
      runner.close();
    }
  }

  // ---------------------------------------------------------------------------------- a client

  /** A browser without JavaScript: its own cookies, the last CSRF token it saw. */
  protected final class Client {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    String csrf = "";

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      Map<String, String> all = new LinkedHashMap<>();
      if (!fields.containsKey("csrf")) {
        all.put("csrf", csrf);
      }
      all.putAll(fields);
      String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEverythingUnderTheBasePath(request.uri().getPath(), r);
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
          csrf = m.group(1);
        }
        return r;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    String cookie() {
      return cookies.getCookieStore().getCookies().stream().map(Object::toString).findFirst().orElse("");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * A redirect's target as the runner's routes are written: the base path taken off, after
   * checking it is there ({@code /} for the base path itself).
   */
  private String location(HttpResponse<String> r) {
    String at = r.headers().firstValue("Location").orElse("");
    return at.isEmpty() ? at : unmount(at);
  }

  /** A path the runner wrote, without the base path, which it must start with. */
  private String unmount(String path) {
    if (mount.isEmpty()) {
      return path;
    }
    assertThat(path).as("a path the runner wrote").matches(Pattern.quote(mount) + "([/?#].*)?");
    String rest = path.substring(mount.length());
    return rest.isEmpty() || !rest.startsWith("/") ? "/" + rest : rest;
  }

  /** A path of the runner's as a page writes it: under the base path. */
  private String mounted(String path) {
    return mount + path;
  }

  /**
   * Every {@code href}, {@code action} and {@code src} of an HTML page served under the base
   * path, and its {@code Location}, stays under the base path (or is a fragment on the page).
   */
  private void assertEverythingUnderTheBasePath(String requested, HttpResponse<String> r) {
    if (mount.isEmpty() || !(requested.equals(mount) || requested.startsWith(mount + "/"))) {
      return;
    }
    r.headers().firstValue("Location").ifPresent(l -> assertThat(l).as("Location of " + requested)
        .matches(Pattern.quote(mount) + "([/?].*)?"));
    boolean runners = r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'");
    if (!runners || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      // only the runner's own pages: a web server's error page (a path it refused) is not the runner's
      return;
    }
    Matcher m = URL_ATTRIBUTE.matcher(r.body());
    while (m.find()) {
      String raw = m.group(2);
      assertThat(raw).as("%s of %s is quoted with \"", m.group(1), requested).startsWith("\"");
      String value = raw.substring(1, raw.length() - 1).replace("&amp;", "&").replace("&#47;", "/");
      if (!value.startsWith("#")) {
        assertThat(value).as("%s=\"%s\" on %s", m.group(1), value, requested)
            .matches(Pattern.quote(mount) + "/[^/\\\\].*|" + Pattern.quote(mount) + "/?(\\?.*)?");
      }
    }
  }

  private String lastEmail(String pattern) {
    Pattern p = Pattern.compile(pattern);
    synchronized (emails) {
      for (int i = emails.size() - 1; i >= 0; i--) {
        Matcher m = p.matcher(emails.get(i));
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new AssertionError("no email matching " + pattern + " among " + emails.size());
  }

  private static void assertSecurityHeaders(HttpResponse<String> r, String what) {
    assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
  }

  /** Starts a journey and answers the first page; ends on the contact page. */
  private Client startAndAnswerWhere() {
    Client c = new Client();
    c.get("/");
    assertThat(location(c.post("/start", Map.of()))).isEqualTo("/apply/where");
    assertThat(location(c.post("/apply/where", Map.of("where", "Outside 4 Oak Lane")))).isEqualTo("/apply/contact");
    return c;
  }

  // ---------------------------------------------------------------------------------- the suite

  @Test
  void wholeJourneyWithErrorsChangeAndTheEmailCode() {
    Client c = new Client();
    HttpResponse<String> start = c.get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("Report a fallen tree", "govuk-frontend.min.css", "civickit-web.js");
    assertSecurityHeaders(start, "start page");
    c.post("/start", Map.of());
    HttpResponse<String> empty = c.post("/apply/where", Map.of("where", ""));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("govuk-error-summary", "href=\"#where\"", "<title>Error: ");
    assertThat(location(c.post("/apply/where", Map.of("where", "Outside 4 Oak Lane")))).isEqualTo("/apply/contact");
    assertThat(location(c.post("/apply/contact", Map.of("email", "tree@example.org")))).isEqualTo("/apply/check-answers");
    HttpResponse<String> check = c.get("/apply/check-answers");
    assertThat(check.body()).contains("Outside 4 Oak Lane", "tree@example.org",
        "href=\"" + mounted("/change/where") + "\"");
    assertThat(c.get("/change/where").body()).as("a change link shows the page and changes nothing").contains("Oak Lane");
    assertThat(location(c.post("/change/where", Map.of("where", "Outside 6 Oak Lane"))))
        .isEqualTo("/apply/check-answers");
    int before = emails.size();
    assertThat(c.get("/apply/check-answers").body()).contains("Outside 6 Oak Lane");
    assertThat(emails).as("showing pages sends nothing").hasSize(before);
    assertThat(location(c.post("/apply/check-answers", Map.of()))).isEqualTo("/apply/confirm-email");
    String code = lastEmail("Your code is ([0-9]{6})");
    HttpResponse<String> wrong = c.post("/apply/confirm-email", Map.of("code", code.equals("000000") ? "111111" : "000000"));
    assertThat(wrong.body()).contains("govuk-error-summary");
    String cookieBefore = c.cookie();
    assertThat(location(c.post("/apply/confirm-email", Map.of("code", code)))).isEqualTo("/apply/confirmation");
    assertThat(c.cookie()).as("a new session id once the email address is proved").isNotEqualTo(cookieBefore);
    String confirmation = c.get("/apply/confirmation").body();
    String reference = confirmation.replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    assertThat(reference).matches("[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}");
    assertThat(lastEmail("(Your reference number is " + reference + ")")).isNotEmpty();
  }

  @Test
  void formsWithoutTheRightCsrfTokenAreRefused() {
    Client c = new Client();
    c.get("/");
    HttpResponse<String> none = c.post("/start", Map.of("csrf", ""));
    assertThat(none.statusCode()).isEqualTo(403);
    assertSecurityHeaders(none, "403 page");
    assertThat(c.post("/start", Map.of("csrf", "x".repeat(43))).statusCode()).isEqualTo(403);
    Client stranger = new Client();
    assertThat(stranger.post("/start", Map.of("csrf", c.csrf)).statusCode()).as("no session").isEqualTo(403);
    assertThat(c.post("/start", Map.of()).statusCode()).isEqualTo(303);
  }

  @Test
  void oversizedBodiesAreRefusedWhetherOrNotTheirLengthIsDeclared() {
    Client c = new Client();
    c.get("/");
    String big = "csrf=" + c.csrf + "&where=" + "a".repeat(LIMIT);
    HttpResponse<String> declared = c.send(HttpRequest.newBuilder(URI.create(base + "/start"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(big)).build());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertSecurityHeaders(declared, "413 page");
    byte[] huge = ("csrf=" + c.csrf + "&where=" + "a".repeat(4 * LIMIT)).getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> chunked = c.send(HttpRequest.newBuilder(URI.create(base + "/start"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());
    assertThat(chunked.statusCode()).as("a chunked body with no length").isEqualTo(413);
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      many.put("f" + i, "x");
    }
    assertThat(c.post("/start", many).statusCode()).as("too many fields").isEqualTo(413);
  }

  @Test
  void contentTypesTheServiceDoesNotTakeAreRefusedUnread() {
    Client c = new Client();
    c.get("/");
    HttpResponse<String> multipart = c.send(HttpRequest.newBuilder(URI.create(base + "/start"))
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x\r\nbroken")).build());
    assertThat(multipart.statusCode()).isEqualTo(415);
    assertSecurityHeaders(multipart, "415 page");
    HttpResponse<String> json = c.send(HttpRequest.newBuilder(URI.create(base + "/start"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(json.statusCode()).isEqualTo(415);
  }

  @Test
  void aSessionIdPlantedBeforeSignInIsWorthNothingAfter() {
    Client c = new Client();
    c.get(base + "/agent/login");
    String planted = c.cookie();
    HttpResponse<String> in = c.post("/agent/login", Map.of("username", ADVISER, "password", PASSWORD));
    assertThat(location(in)).isEqualTo("/agent");
    assertThat(c.cookie()).isNotEqualTo(planted);
    assertThat(c.get("/agent").statusCode()).isEqualTo(200);
    HttpResponse<String> withPlanted = new Client().send(HttpRequest.newBuilder(URI.create(base + "/agent"))
        .header("Cookie", planted).build());
    assertThat(location(withPlanted)).isEqualTo("/agent/login");
  }

  @Test
  void aSaveAndReturnLinkWorksOnceAndOnlyByPost() {
    Client c = startAndAnswerWhere();
    assertThat(location(c.post("/apply/contact", Map.of("action", "save", "email", "")))).isEqualTo("/save");
    assertThat(location(c.post("/save", Map.of("email", "saver@example.org")))).isEqualTo("/saved");
    String link = lastEmail("(http://[^\\s]+/resume\\?token=[A-Za-z0-9_-]+)");
    assertThat(link).as("the emailed link is under the base path").startsWith(base + "/resume?token=");
    Client other = new Client();
    HttpResponse<String> opened = other.get(link);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("action=\"" + mounted("/resume/link") + "\"");
    assertThat(other.get("/apply/where").statusCode()).as("opening the link binds nothing").isEqualTo(303);
    assertThat(location(other.get("/apply/where"))).isEqualTo("/");
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(location(other.post("/resume/link", Map.of("token", token)))).isEqualTo("/apply/contact");
    assertThat(other.get("/apply/contact").statusCode()).isEqualTo(200);
    Client third = new Client();
    third.get(link);
    HttpResponse<String> again = third.post("/resume/link", Map.of("token", token));
    assertThat(again.body()).contains("already been used");
    assertThat(location(third.get("/apply/contact"))).as("a used link lets nobody in").isEqualTo("/");
  }

  @Test
  void resumeByReferenceAndAnEmailedCode() {
    Client c = startAndAnswerWhere();
    c.post("/apply/contact", Map.of("action", "save", "email", ""));
    c.post("/save", Map.of("email", "coded@example.org"));
    String reference = c.get("/saved").body().replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    Client later = new Client();
    later.get("/resume");
    HttpResponse<String> bad = later.post("/resume", Map.of("reference", "", "email", ""));
    assertThat(bad.body()).contains("govuk-error-summary", "href=\"#reference\"", "href=\"#email\"");
    assertThat(location(later.post("/resume", Map.of("reference", reference.toLowerCase(), "email",
        "CODED@example.org")))).isEqualTo("/resume/code");
    String code = lastEmail("Your code is ([0-9]{6})");
    assertThat(location(later.post("/resume/code", Map.of("code", code)))).isEqualTo("/apply/contact");
  }

  @Test
  void getHelpThenAnAdviserSendsTheContinueOnlineLink() {
    Client person = startAndAnswerWhere();
    person.get("/help");
    assertThat(location(person.post("/help", Map.of("email", "helped@example.org")))).isEqualTo("/help/requested");
    String reference = person.get("/help/requested").body().replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    Client adviser = new Client();
    adviser.get("/agent/login");
    adviser.post("/agent/login", Map.of("username", ADVISER, "password", PASSWORD));
    String queue = adviser.get("/agent").body();
    assertThat(queue).contains(reference);
    String handoff = unmount(queue.replaceAll("(?s).*<a class=\"govuk-link\" id=\"handoff-" + reference + "\" href=\"([^\"]+)\".*", "$1"));
    assertThat(adviser.get(handoff).body()).contains("Asked for help", "Outside 4 Oak Lane", "helped@example.org");
    assertThat(location(adviser.post(handoff + "/accept", Map.of()))).isEqualTo(handoff);
    assertThat(location(adviser.post(handoff + "/handback", Map.of()))).isEqualTo(handoff + "?done=sent");
    String link = lastEmail("(http://[^\\s]+/resume\\?token=[A-Za-z0-9_-]+)");
    assertThat(link).as("the continue-online link is under the base path").startsWith(base + "/resume?token=");
    Client back = new Client();
    back.get(link);
    assertThat(location(back.post("/resume/link", Map.of("token", link.substring(link.indexOf("token=") + 6)))))
        .isEqualTo("/apply/contact");
  }

  @Test
  void theWholeServiceSwitchesToWelshByPost() {
    Client c = new Client();
    assertThat(c.get("/").body()).contains("lang=\"en\"");
    assertThat(c.get("/language?to=cy").statusCode()).as("a GET switches nothing").isIn(404, 405);
    assertThat(location(c.post("/language", Map.of("to", "cy", "return", mounted("/"))))).isEqualTo("/");
    String welsh = c.get("/").body();
    assertThat(welsh).contains("lang=\"cy\"", "Rhoi gwybod am goeden wedi cwympo");
  }

  @Test
  void theLanguageSwitchReturnsOnlyToPathsOnThisSite() {
    Client c = new Client();
    c.get("/");
    for (String target : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example",
        "/%5Cevil.example", "//2130706433/", "//0x7f.0.0.1/", "///evil.example", "/\tevil", "http:evil.example")) {
      HttpResponse<String> r = c.post("/language", Map.of("to", "en", "return", target));
      assertThat(location(r)).as(target).isEqualTo("/");
    }
  }

  @Test
  void theLanguageSwitchReturnsToThePageUnderTheBasePathAndNowhereElse() {
    Client c = new Client();
    c.get("/");
    assertThat(location(c.post("/language", Map.of("to", "cy", "return", mounted("/privacy"))))).isEqualTo("/privacy");
    if (!mount.isEmpty()) {
      for (String outside : List.of("/privacy", "/other-service/start", mount + "x/privacy", "/")) {
        assertThat(location(c.post("/language", Map.of("to", "en", "return", outside)))).as(outside).isEqualTo("/");
      }
    }
  }

  @Test
  void pathsOutsideTheBasePathAreNotTheRunners() {
    if (mount.isEmpty()) {
      return;
    }
    Client c = new Client();
    assertThat(c.get(origin + mount).statusCode()).as("the base path itself is the start page").isEqualTo(200);
    String css = c.get("/assets/govuk-frontend.min.css").body();
    assertThat(css).as("GOV.UK Frontend's fonts and images under the base path")
        .contains("url(" + mount + "/assets/fonts/").doesNotContain("url(/assets/");
    for (String outside : List.of("/", "/privacy", "/assets/govuk-frontend.min.css", mount + "x/privacy")) {
      HttpResponse<String> r = c.get(origin + outside);
      assertThat(r.statusCode()).as(outside).isEqualTo(404);
    }
  }

  @Test
  void errorPagesCarryTheSecurityHeaders() {
    Client c = new Client();
    HttpResponse<String> missing = c.get("/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertSecurityHeaders(missing, "404 page");
    assertThat(missing.body()).contains("Page not found");
    HttpResponse<String> traversal = c.get("/assets/..%2f..%2fMETA-INF%2fMANIFEST.MF");
    assertThat(traversal.statusCode()).as("no file outside the assets").isIn(400, 404);
    assertThat(traversal.body()).doesNotContain("Manifest-Version");
    HttpResponse<String> wrongMethod = c.send(HttpRequest.newBuilder(URI.create(base + "/start")).GET().build());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertSecurityHeaders(wrongMethod, "405 page");
    assertThat(c.get("/assets/govuk-frontend.min.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
  }

  @Test
  void everyPageStateInChromiumHasNoWcag22AaViolations() {
    try (ChromiumPass b = ChromiumPass.start()) {
      for (String lang : List.of("en", "cy")) {
        b.driver.manage().deleteAllCookies();
        b.open(base + "/");
        if (lang.equals("cy")) {
          b.click("#language-cy");
          assertThat(b.find("html").getAttribute("lang")).isEqualTo("cy");
        }
        assertThat((Boolean) b.driver.executeScript(
            "return document.body.classList.contains('govuk-frontend-supported')"))
            .as("GOV.UK Frontend's JavaScript runs under the CSP").isTrue();
        b.check(lang + "-start");
        b.click("#start");
        b.check(lang + "-where");
        b.continueOn();
        assertThat(b.find(".govuk-error-summary").isDisplayed()).isTrue();
        b.check(lang + "-where-error");
        b.type("where", "Outside 4 Oak Lane");
        b.continueOn();
        b.continueOn();
        b.check(lang + "-contact-error");
        b.type("email", "browser-" + lang + "@example.org");
        b.continueOn();
        assertThat(b.path()).isEqualTo(mounted("/apply/check-answers"));
        b.check(lang + "-check-answers");
        b.click("#accept");
        b.check(lang + "-confirm-email");
        b.type("code", "12");
        b.continueOn();
        b.check(lang + "-confirm-email-error");
        b.type("code", lastEmail("(?:Your code is|Eich cod yw) ([0-9]{6})"));
        b.continueOn();
        assertThat(b.path()).isEqualTo(mounted("/apply/confirmation"));
        b.check(lang + "-confirmation");
        for (String page : List.of("/help", "/resume", "/accessibility", "/privacy", "/cookies", "/no-such-page")) {
          b.open(base + page);
          b.check(lang + page.replace('/', '-'));
        }
        b.open(base + "/resume");
        b.continueOn();
        b.check(lang + "-resume-error");
      }
      b.driver.manage().deleteAllCookies();
      b.open(base + "/agent");
      b.check("agent-login");
      b.type("username", ADVISER);
      b.type("password", "wrong");
      b.continueOn();
      b.check("agent-login-error");
      b.type("username", ADVISER);
      b.type("password", PASSWORD);
      b.continueOn();
      assertThat(b.path()).isEqualTo(mounted("/agent"));
      b.check("agent-queue");
      b.open(base + "/agent/kpis");
      b.check("agent-kpis");
      assertThat(b.checked).isGreaterThan(25);
      assertThat(b.problems).as("axe-core WCAG 2.2 AA violations").isEmpty();
    }
  }
}
