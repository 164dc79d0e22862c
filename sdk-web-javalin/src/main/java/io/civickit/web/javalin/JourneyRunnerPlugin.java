package io.civickit.web.javalin;

import io.civickit.web.JourneyRunner;
import io.civickit.web.WebRequest;
import io.civickit.web.servlet.JourneyRunnerServlet;
import io.civickit.web.WebResponse;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a {@link JourneyRunner} from a Javalin 7 app. Every request goes to the runner first;
 * paths it has no page for carry on to the app's own routes; a 404 from the app is the runner's
 * "page not found" page; an exception is the runner's error page (logged by class, never by
 * message); and the web server's own error pages (a malformed request, a URI or header too
 * long) carry the runner's security headers.
 *
 * <p>Under a {@linkplain JourneyRunner#basePath() base path}, requests outside it carry on to the
 * app's routes too. The base path is the whole path a browser sees: with a
 * {@code config.router.contextPath} it is that path or a path under it, checked when the server
 * starts.
 *
 * <pre>{@code
 * Javalin app = Javalin.create(config -> {
 *   config.jetty.port = 7000;
 *   config.registerPlugin(new JourneyRunnerPlugin(runner));
 * }).start();
 * }</pre>
 */
public final class JourneyRunnerPlugin extends Plugin<Void> {
  private static final String HANDLED = "civickit.handled";
  private final JourneyRunner runner;

  /**
   * A plugin serving the runner.
   *
   * @param runner the runner
   */
  public JourneyRunnerPlugin(JourneyRunner runner) {
    super();
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  @Override
  public String name() {
    return "civickit-journey-runner";
  }

  @Override
  public void onInitialize(JavalinState state) {
    state.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
    state.events.serverStarting(() -> JourneyRunnerServlet.checkContextPath(runner,
        state.router.contextPath.equals("/") ? "" : state.router.contextPath));
    state.jetty.modifyServer(server -> server.setErrorHandler(new HeadersOnErrors(runner.securityHeaders())));
    state.routes.before(ctx -> {
      Optional<WebResponse> r = runner.handle(request(ctx));
      if (r.isPresent()) {
        write(ctx, r.get());
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.skipRemainingHandlers();
      }
    });
    state.routes.error(404, ctx -> {
      if (ctx.attribute(HANDLED) == null) {
        write(ctx, runner.notFound(request(ctx)));
      }
    });
    state.routes.exception(Exception.class, (e, ctx) -> {
      org.slf4j.LoggerFactory.getLogger(JourneyRunnerPlugin.class)
          .error("request failed: {} at {} (in the host app)", e.getClass().getName(), ctx.method());
      write(ctx, runner.errorPage(request(ctx), 500));
    });
  }

  /**
   * The request as the runner sees it.
   *
   * @param ctx Javalin's context
   * @return the request
   */
  static WebRequest request(Context ctx) {
    return JourneyRunnerServlet.request(ctx.req());
  }

  static void write(Context ctx, WebResponse r) {
    ctx.status(r.status());
    for (WebResponse.Header h : r.headers()) {
      if (h.name().equalsIgnoreCase("Content-Type")) {
        ctx.contentType(h.value());
      } else if (h.name().equalsIgnoreCase("Set-Cookie")) {
        ctx.res().addHeader(h.name(), h.value());
      } else {
        ctx.res().setHeader(h.name(), h.value());
      }
    }
    ctx.result(r.body());
  }

  /** Jetty's own error pages (400, 414, 431...) with the runner's security headers. */
  static final class HeadersOnErrors extends ErrorHandler {
    private final Map<String, String> headers;

    HeadersOnErrors(Map<String, String> headers) {
      this.headers = Map.copyOf(headers);
      setShowStacks(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      headers.forEach((k, v) -> response.getHeaders().put(new HttpField(k, v)));
      return super.handle(request, response, callback);
    }
  }
}
