package io.civickit.test.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * axe-core (WCAG 2.2 AA) in headless Chromium over every component page sdk-forms' own tests write
 * ({@code sdk-forms/target/component-pages/*.html}: each new component state, English and Welsh),
 * styled with GOV.UK Frontend's stylesheet from the webjar the runner serves, so colour contrast and
 * focus styles are checked as a citizen sees them.
 */
class ComponentPagesAxeTest {
  private static final Path PAGES = Path.of("..", "sdk-forms", "target", "component-pages");
  private static final String CSS = "/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css";

  @Test
  void everyComponentPageHasNoViolationsInEnglishAndWelsh() throws IOException {
    List<Path> pages = pages();
    byte[] css;
    try (InputStream in = ComponentPagesAxeTest.class.getResourceAsStream(CSS)) {
      assertThat(in).as("GOV.UK Frontend's stylesheet in the webjar").isNotNull();
      css = in.readAllBytes();
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring(1);
      byte[] body;
      String type;
      if (name.equals("govuk-frontend.min.css")) {
        body = css;
        type = "text/css";
      } else {
        Path page = PAGES.resolve(name).normalize();
        if (!page.startsWith(PAGES.normalize()) || !Files.isRegularFile(page)) {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
          return;
        }
        body = Files.readString(page, StandardCharsets.UTF_8)
            .replace("</head>", "<link rel=\"stylesheet\" href=\"/govuk-frontend.min.css\"></head>")
            .getBytes(StandardCharsets.UTF_8);
        type = "text/html; charset=utf-8";
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (ChromiumPass browser = ChromiumPass.start()) {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      for (Path page : pages) {
        String name = page.getFileName().toString();
        browser.open(base + name);
        assertThat(browser.find("main").isDisplayed()).as(name).isTrue();
        browser.check(name);
      }
      assertThat(browser.problems).as("axe violations").isEmpty();
      assertThat(browser.checked).isEqualTo(pages.size());
    } finally {
      server.stop(0);
    }
  }

  /** The pages sdk-forms' tests wrote; they are there after sdk-forms' tests ran (as in {@code mvn verify}). */
  private static List<Path> pages() throws IOException {
    List<Path> pages = List.of();
    if (Files.isDirectory(PAGES)) {
      try (Stream<Path> files = Files.list(PAGES)) {
        pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
      }
    }
    if (pages.isEmpty()) {
      String message = "no component pages in " + PAGES.toAbsolutePath().normalize()
          + ": run sdk-forms' tests first (mvn verify runs them before this module's)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but " + message);
      }
      Assumptions.abort(message + ": skipping");
    }
    assertThat(pages.stream().filter(p -> p.getFileName().toString().endsWith("-cy.html")).count())
        .as("a Welsh page for each English one").isEqualTo(pages.size() / 2);
    return pages;
  }
}
