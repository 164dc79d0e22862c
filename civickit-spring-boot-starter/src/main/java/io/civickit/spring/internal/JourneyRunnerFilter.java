package io.civickit.spring.internal;

import io.civickit.web.JourneyRunner;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import io.civickit.web.servlet.JourneyRunnerServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

/**
 * Hands each request to the journey runner; a path it has no page for goes on down the chain, to
 * the application's own controllers (and Actuator). On the container's error dispatch (a 404 from
 * the application's controllers, an exception) it answers the runner's GOV.UK-styled error page
 * for that status, with the runner's security headers. The runner is asked for at the first
 * request, once the server's port is known.
 *
 * <p>With a base path ({@code civickit.web.path}) it handles only requests under it, error
 * dispatches included: the rest, and their errors, are the application's.
 */
public final class JourneyRunnerFilter implements Filter {
  private final Supplier<JourneyRunner> runner;
  private final String basePath;

  /**
   * Creates the filter.
   *
   * @param runner gives the runner, asked once, at the first request
   * @param basePath the runner's base path, context path included: {@code /} or like {@code /bins}
   */
  public JourneyRunnerFilter(Supplier<JourneyRunner> runner, String basePath) {
    this.runner = SingletonSupplier.of(Objects.requireNonNull(runner, "runner"));
    this.basePath = Objects.requireNonNull(basePath, "basePath");
  }

  /** Whether a request URI is under the base path (compared as sent; the runner decodes and checks again). */
  private boolean mine(@Nullable Object uri) {
    if (basePath.equals("/")) {
      return true;
    }
    return uri instanceof String u && (u.equals(basePath) || u.startsWith(basePath + "/"));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
      chain.doFilter(request, response);
      return;
    }
    boolean error = req.getDispatcherType() == DispatcherType.ERROR;
    if (!mine(error ? req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : req.getRequestURI())) {
      chain.doFilter(req, res);
      return;
    }
    WebRequest r = JourneyRunnerServlet.request(req);
    if (error) {
      Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      int code = status instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
      res.resetBuffer();
      JourneyRunnerServlet.write(res, runner.get().errorPage(r, code), !"HEAD".equals(req.getMethod()));
      return;
    }
    Optional<WebResponse> answer = runner.get().handle(r);
    if (answer.isPresent()) {
      JourneyRunnerServlet.write(res, answer.get(), !"HEAD".equals(req.getMethod()));
    } else {
      chain.doFilter(req, res);
    }
  }
}
