package io.civickit.web.servlet;

import io.civickit.test.web.JourneyRunnerSuite;
import io.civickit.web.JourneyRunner;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The adapter suite again with the runner under a base path, served from a servlet context that
 * is part of it: the context {@code /council}, the runner at {@code /council/fallen-tree}.
 */
class ServletUnderBasePathTest extends JourneyRunnerSuite {
  @Override
  protected String basePath() {
    return "/council/fallen-tree";
  }

  @Override
  protected AutoCloseable serve(JourneyRunner runner, int port) throws Exception {
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
