package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.spring.internal.JourneyRunnerFilter;
import io.civickit.web.JourneyRunner;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** {@code civickit.web.path}: the runner under a path, and nowhere else. */
class WebPathTest {

  private static WebRequest get(String path) {
    return new WebRequest() {
      @Override
      public String method() {
        return "GET";
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public Optional<String> query() {
        return Optional.empty();
      }

      @Override
      public Optional<String> header(String name) {
        return Optional.empty();
      }

      @Override
      public InputStream body() {
        return InputStream.nullInputStream();
      }

      @Override
      public String remoteAddress() {
        return "127.0.0.1";
      }
    };
  }

  /** A GET of {@code uri} as the container hands it to a filter (only what the filter asks). */
  private static HttpServletRequest servletGet(String uri) {
    return (HttpServletRequest) Proxy.newProxyInstance(WebPathTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getDispatcherType" -> DispatcherType.REQUEST;
          case "getRequestURI" -> uri;
          case "getMethod" -> "GET";
          default -> null;
        });
  }

  private static final HttpServletResponse UNTOUCHED = (HttpServletResponse) Proxy.newProxyInstance(
      WebPathTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
        throw new AssertionError("the filter wrote a response: " + method.getName());
      });

  @Test
  void aPathPutsTheRunnerUnderItAndTheFilterLeavesEverythingElseToTheApplication() {
    WebAutoConfigurationTest.web().withPropertyValues(WebAutoConfigurationTest.FORM,
        "civickit.web.path=/report-a-fallen-tree").run(ctx -> {
          assertThat(ctx).hasNotFailed();
          Filter filter = ctx.getBean("civicKitJourneyRunnerFilter", FilterRegistrationBean.class).getFilter();
          List<String> passedOn = new ArrayList<>();
          for (String outside : List.of("/", "/privacy", "/report-a-fallen-treex", "/actuator/health")) {
            filter.doFilter(servletGet(outside), UNTOUCHED,
                (req, res) -> passedOn.add(((HttpServletRequest) req).getRequestURI()));
          }
          assertThat(passedOn).containsExactly("/", "/privacy", "/report-a-fallen-treex", "/actuator/health");
          JourneyRunner runner = ctx.getBean(JourneyRunner.class);
          assertThat(runner.basePath()).isEqualTo("/report-a-fallen-tree");
          WebResponse start = runner.handle(get("/report-a-fallen-tree/")).orElseThrow();
          assertThat(start.status()).isEqualTo(200);
          assertThat(start.bodyText()).contains("href=\"/report-a-fallen-tree/assets/govuk-frontend.min.css\"",
              "action=\"/report-a-fallen-tree/start\"").doesNotContain("href=\"/assets/");
          assertThat(runner.handle(get("/"))).as("nothing at the root").isEmpty();
          assertThat(runner.handle(get("/privacy"))).isEmpty();
        });
  }

  @Test
  void thePathIsWithinTheServletContextPath() {
    WebAutoConfigurationTest.web().withPropertyValues(WebAutoConfigurationTest.FORM,
        "server.servlet.context-path=/council", "civickit.web.path=/report-a-fallen-tree").run(ctx -> {
          assertThat(ctx).hasNotFailed();
          JourneyRunner runner = ctx.getBean(JourneyRunner.class);
          assertThat(runner.basePath()).isEqualTo("/council/report-a-fallen-tree");
          assertThat(runner.handle(get("/council/report-a-fallen-tree/privacy"))).isPresent();
        });
  }

  @Test
  void anInvalidPathStopsTheStartSayingWhatToSet() {
    WebAutoConfigurationTest.web().withPropertyValues(WebAutoConfigurationTest.FORM, "civickit.web.path=bins/")
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("civickit.web.path is \"bins/\", under the context path \"\": "
              + "the runner's path must be / or a path like /report-a-missed-bin (a leading /, no trailing /, only "
              + "letters, digits, - and _ between slashes, at most 200 characters), but was \"bins/\".");
          assertThat(a.getAction()).isEqualTo("Set civickit.web.path to the path the service is mounted at, like "
              + "/report-a-missed-bin, or leave it unset for the site's root.");
        });
  }
}
