package io.civickit.web.servlet;

import io.civickit.core.ConfigurationException;
import io.civickit.web.JourneyRunner;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves a {@link JourneyRunner} from any Jakarta Servlet 6 container. Map it at {@code /*};
 * every path the runner has no page for is its "page not found" page. The body is handed to the
 * runner unread, so its limits hold for chunked bodies too; set the container's own error pages
 * to carry {@link JourneyRunner#securityHeaders()}.
 *
 * <p>The runner sees each request's whole path, context path included, so its
 * {@linkplain JourneyRunner#basePath() base path} is the path a browser sees: in the context
 * {@code ""} any base path works; in the context {@code /bins} the runner's base path is
 * {@code /bins} or a path under it ({@code /bins/missed}). A runner whose base path is outside
 * the servlet's context is refused when the servlet starts.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/report-a-missed-bin");
 * context.addServlet(new ServletHolder(new JourneyRunnerServlet(runner)), "/*"); // basePath("/report-a-missed-bin")
 * }</pre>
 */
public final class JourneyRunnerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient JourneyRunner runner;

  /**
   * A servlet serving the runner.
   *
   * @param runner the runner
   */
  public JourneyRunnerServlet(JourneyRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Checks that the runner's base path is inside the servlet's context.
   *
   * @throws ConfigurationException if it is not
   */
  @Override
  public void init() throws ServletException {
    checkContextPath(runner, getServletContext().getContextPath());
  }

  /**
   * Checks that a runner's base path is inside a servlet context: the context's own path or a
   * path under it (any base path in the root context, {@code ""}).
   *
   * @param runner the runner
   * @param contextPath the servlet context's path, {@code ""} for the root
   * @throws ConfigurationException if the runner's base path is outside the context
   */
  public static void checkContextPath(JourneyRunner runner, String contextPath) {
    String base = runner.basePath();
    if (!contextPath.isEmpty() && !contextPath.equals("/") && !base.equals(contextPath)
        && !base.startsWith(contextPath + "/")) {
      throw new ConfigurationException("JourneyRunner.Builder.basePath", "is " + base
          + ", outside the servlet context " + contextPath + " the runner is served from",
          "set the runner's base path to the context's path or a path under it, like " + contextPath);
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    WebRequest request = request(req);
    WebResponse r = runner.handle(request).orElseGet(() -> runner.notFound(request));
    write(res, r, !"HEAD".equals(req.getMethod()));
  }

  /**
   * The request as the runner sees it: its path is the whole request URI, context path
   * included.
   *
   * @param req the servlet request
   * @return the request
   */
  public static WebRequest request(HttpServletRequest req) {
    return new WebRequest() {
      @Override
      public String method() {
        return req.getMethod();
      }

      @Override
      public String path() {
        // The whole path, context path included: the runner's base path is what a browser sees.
        return req.getRequestURI();
      }

      @Override
      public Optional<String> query() {
        return Optional.ofNullable(req.getQueryString());
      }

      @Override
      public Optional<String> header(String name) {
        return Optional.ofNullable(req.getHeader(name));
      }

      @Override
      public InputStream body() throws IOException {
        return req.getInputStream();
      }

      @Override
      public String remoteAddress() {
        return String.valueOf(req.getRemoteAddr());
      }
    };
  }

  /**
   * Writes the runner's response.
   *
   * @param res the servlet response
   * @param r the runner's response
   * @param body whether to write the body (not for HEAD)
   * @throws IOException if the client has gone
   */
  public static void write(HttpServletResponse res, WebResponse r, boolean body) throws IOException {
    res.setStatus(r.status());
    for (WebResponse.Header h : r.headers()) {
      if (h.name().equalsIgnoreCase("Content-Type")) {
        res.setContentType(h.value());
      } else {
        res.addHeader(h.name(), h.value());
      }
    }
    if (body) {
      res.setContentLength(r.body().length);
      res.getOutputStream().write(r.body());
    }
  }
}
