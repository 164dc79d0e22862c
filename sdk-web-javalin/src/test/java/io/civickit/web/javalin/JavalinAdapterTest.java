package io.civickit.web.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.test.web.JourneyRunnerSuite;
import io.civickit.web.JourneyRunner;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runner's adapter suite against the Javalin 7 plugin, and Jetty's own error pages. */
class JavalinAdapterTest extends JourneyRunnerSuite {
  private int port;

  @Override
  protected AutoCloseable serve(JourneyRunner runner, int port) {
    this.port = port;
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      config.registerPlugin(new JourneyRunnerPlugin(runner));
      config.routes.get("/host-page", ctx -> ctx.result("the host's own route"));
    }).start();
    return app::stop;
  }

  private String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(4000), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void theWebServersOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
    String badRequest = raw("GET / HTTP/1.1\r\nHost: localhost\r\nBroken header line\r\n\r\n");
    assertThat(badRequest).startsWith("HTTP/1.1 400").contains("Content-Security-Policy:", "X-Frame-Options: DENY");
    String tooLarge = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    assertThat(tooLarge).startsWith("HTTP/1.1 431").contains("Content-Security-Policy:");
    String longUri = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(longUri).startsWith("HTTP/1.1 414").contains("Content-Security-Policy:");
  }

  @Test
  void pathsTheRunnerDoesNotServeReachTheHostsOwnRoutes() throws Exception {
    assertThat(raw("GET /host-page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
        .contains("the host's own route");
  }
}
