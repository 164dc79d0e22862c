package io.civickit.web.servlet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.ConfigurationException;
import io.civickit.test.web.JourneyRunnerSuite;
import io.civickit.web.JourneyRunner;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The adapter suite again with the runner under a base path, served from a servlet context that
 * is part of it: the context {@code /council}, the runner at {@code /council/fallen-tree}.
 */
class ServletUnderBasePathTest extends JourneyRunnerSuite {
  private JourneyRunner runner;

  @Test
  void aBasePathOutsideTheServletContextIsRefusedSayingWhatToSet() {
    JourneyRunnerServlet.checkContextPath(runner, "/council");
    JourneyRunnerServlet.checkContextPath(runner, "");
    assertThatThrownBy(() -> JourneyRunnerServlet.checkContextPath(runner, "/elsewhere"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("JourneyRunner.Builder.basePath is /council/fallen-tree, outside the servlet context /elsewhere the "
            + "runner is served from: set the runner's base path to the context's path or a path under it, like /elsewhere");
    assertThatThrownBy(() -> JourneyRunnerServlet.checkContextPath(runner, "/council/fallen"))
        .as("a context that is only the start of a segment").isInstanceOf(ConfigurationException.class);
  }
  @Override
  protected String basePath() {
    return "/council/fallen-tree";
  }

  @Override
  protected AutoCloseable serve(JourneyRunner runner, int port) throws Exception {
    this.runner = runner;
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/council");
    context.addServlet(new ServletHolder(new JourneyRunnerServlet(runner)), "/*");
    server.setHandler(context);
    server.start();
    return server::stop;
  }
}
