package io.civickit.web.servlet;

import io.civickit.web.JourneyRunner;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves a {@link JourneyRunner} from any Jakarta Servlet 6 container. Map it at {@code /*} of a
 * context at the root ({@code ""}); every path the runner has no page for is its "page not
 * found" page. The body is handed to the runner unread, so its limits hold for chunked bodies
 * too; set the container's own error pages to carry {@link JourneyRunner#securityHeaders()}.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/");
 * context.addServlet(new ServletHolder(new JourneyRunnerServlet(runner)), "/*");
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

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    WebRequest request = request(req);
    WebResponse r = runner.handle(request).orElseGet(() -> runner.notFound(request));
    write(res, r, !"HEAD".equals(req.getMethod()));
  }

  /**
   * The request as the runner sees it.
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
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
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
