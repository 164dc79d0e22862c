package io.civickit.web.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.test.web.JourneyRunnerSuite;
import io.civickit.web.JourneyRunner;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The adapter suite again with the runner under a base path inside a Javalin context path
 * ({@code /council} and {@code /council/fallen-tree}); the app's own routes outside it still answer.
 */
class JavalinUnderBasePathTest extends JourneyRunnerSuite {
  private int port;

  @Override
  protected String basePath() {
    return "/council/fallen-tree";
  }

  @Override
  protected AutoCloseable serve(JourneyRunner runner, int port) {
    this.port = port;
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      config.router.contextPath = "/council";
      config.registerPlugin(new JourneyRunnerPlugin(runner));
      config.routes.get("/host-page", ctx -> ctx.result("the host's own route"));
    }).start();
    return app::stop;
  }

  @Test
  void theAppsOwnRoutesOutsideTheBasePathStillAnswer() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/council/host-page")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("the host's own route");
  }
}
