package io.civickit.web.internal;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventSink;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffRouter;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.handoff.Handoffs;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.Schema;
import io.civickit.forms.Form;
import io.civickit.forms.FormJourney;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.html.FormRenderer;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.step.IdentityCheckStep;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.outbox.OutboxSchema;
import io.civickit.web.JourneyRunner;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.StepPage;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runner's machinery: routing, the security checks around every request, and shared parts. */
// Over 500 lines and kept whole: the one place a request passes through in order (the base path,
// the route, the session, the body checks before reading, CSRF, the handler, the security headers,
// the error pages); the pages themselves live in CitizenPages, AgentPages and the step pages, and
// splitting the order across classes would hide it.
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(JourneyRunner.class);
  /** The step of the built-in email check. */
  public static final String EMAIL_CHECK = "confirm-email";
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'";

  final RunnerConfig config;
  final JourneyRunner runner;
  final Words words;
  final Form form;
  final FormRenderer renderer;
  final Sessions sessions;
  final IdentityStore identityStore;
  final Passcodes passcodes;
  final Totp totp;
  final Journeys journeys;
  final Handoffs handoffs;
  final HandoffStore handoffStore;
  final HelpDesk helpDesk;
  final Map<String, StepPage> stepPages;
  final Optional<SubmissionHook> submissionHook;
  /** "Find an address" on address pages, when the runner has a lookup. */
  final Optional<AddressFinder> addressFinder;
  /** The payment step's pages, when payments are taken. */
  final Optional<PaymentPage> pay;
  final String cookieName;
  /** The session timeout warning and the signed-out page. */
  final SessionTimeout timeout;
  final Paths paths;
  private final List<Route> routes = new ArrayList<>();
  private final Purger purger;

  /** A route: method, pattern with {@code {name}} segments, handler. */
  record Route(String method, String[] parts, PageHandler handler, boolean host) {}

  /**
   * Wires the runner.
   *
   * @param config the settings
   * @param runner the public face, handed to page handlers
   */
  public Engine(RunnerConfig config, JourneyRunner runner) {
    this.config = config;
    this.runner = runner;
    this.paths = config.paths();
    this.words = Words.with(config.texts());
    this.form = config.form();
    this.renderer = new FormRenderer(form.title().en());
    if (config.installSchema()) {
      Schema.install(config.dataSource(), Schema.Part.CORE, Schema.Part.IDENTITY, Schema.Part.HANDOFF, Schema.Part.WEB);
      OutboxSchema.install(config.dataSource());
      if (config.payments().isPresent()) {
        Schema.install(config.dataSource(), Schema.Part.PAY);
      }
    }
    this.sessions = new Sessions(config.dataSource(), config.clock(), config.sessionIdle());
    this.identityStore = IdentityStore.jdbc(config.dataSource());
    this.passcodes = Passcodes.builder().notifier(config.notifier()).emailTemplate(Templates.PASSCODE)
        .serverKey(config.serverKey()).store(identityStore).clock(config.clock()).build();
    this.totp = Totp.builder().store(identityStore).clock(config.clock()).build();
    FormJourney.Builder def = FormJourney.builder(form).clock(config.clock());
    config.addressLookup().ifPresent(def::addressLookup);
    this.addressFinder = config.addressLookup().map(l -> new AddressFinder(this, l));
    Map<String, StepPage> pages = new LinkedHashMap<>();
    config.emailQuestion().ifPresent(q -> {
      def.afterCheckAnswers(IdentityCheckStep.passcode(EMAIL_CHECK, "email_check", passcodes, q, true));
      pages.put(EMAIL_CHECK, new EmailCodePage(this));
    });
    config.extraSteps().forEach(def::afterCheckAnswers);
    this.pay = config.payments().map(p -> new PaymentPage(this, p));
    pay.ifPresent(p -> {
      def.afterCheckAnswers(p.step());
      pages.put(p.step().id(), p);
    });
    pages.putAll(config.stepPages());
    this.stepPages = Map.copyOf(pages);
    this.submissionHook = config.submissions().map(s -> new SubmissionHook(this, s, config.submissionRetention()));
    EventSink events = EventSink.jdbc(config.dataSource());
    EventSink withSubmissions = submissionHook.map(h -> EventSink.all(events, h)).orElse(events);
    Journeys.Builder jb = Journeys.builder().definition(def.build())
        .store(ProgressStore.jdbc(config.dataSource(), config.keyRing()))
        .tokens(ResumeTokenStore.jdbc(config.dataSource()))
        .events(UploadPage.uploadsOf(stepPages).map(u -> EventSink.all(withSubmissions, u.purgeOnExpiry()))
            .orElse(withSubmissions))
        .clock(config.clock());
    config.classifier().ifPresent(jb::classifier);
    this.journeys = jb.build();
    pay.ifPresent(PaymentPage::connect);
    this.helpDesk = new HelpDesk(config.dataSource(), config.keyRing(), config.clock(), words);
    HandoffRouter.Builder router = HandoffRouter.builder().clock(config.clock()).channel(helpDesk);
    List<String> order = new ArrayList<>(List.of(helpDesk.name()));
    for (HandoffChannel c : config.fallbackChannels()) {
      router.channel(c);
      order.add(c.name());
    }
    router.defaultRoute(order.toArray(String[]::new));
    this.handoffStore = HandoffStore.jdbc(config.dataSource());
    List<String> redact = form.questions().stream()
        .filter(q -> q.type() == QuestionType.EMAIL || q.type() == QuestionType.PHONE).map(Question::id).toList();
    this.handoffs = Handoffs.builder(journeys, router.build()).store(handoffStore)
        .redact(redact.toArray(String[]::new)).failuresBeforeHandoff(config.failuresBeforeHandoff()).build();
    this.cookieName = config.secureCookies() ? "__Host-ck-session" : "ck-session";
    config.pages().forEach((key, handler) -> {
      int space = key.indexOf(' ');
      routes.add(new Route(key.substring(0, space), split(key.substring(space + 1)), handler, true));
    });
    new CitizenPages(this).routes(this::route);
    this.timeout = new SessionTimeout(this);
    timeout.routes(this::route);
    pay.ifPresent(p -> p.routes(this::route));
    config.console().ifPresent(c -> new AgentPages(this, c).routes(this::route));
    this.purger = new Purger(this);
  }

  /** Starts the scheduled purges and the submissions' delivery workers. */
  public void start() {
    purger.start();
    submissionHook.ifPresent(SubmissionHook::start);
    pay.ifPresent(PaymentPage::start);
  }

  /**
   * The purges, for a host that schedules them itself or a test.
   *
   * @return the purger
   */
  public Purger purger() {
    return purger;
  }

  /** Stops the purges and the delivery workers. */
  public void stop() {
    purger.close();
    submissionHook.ifPresent(SubmissionHook::stop);
    pay.ifPresent(PaymentPage::stop);
  }

  /**
   * The payment step's engine.
   *
   * @return it, when payments are taken
   */
  public Optional<io.civickit.pay.step.Payments> payments() {
    return pay.map(PaymentPage::payments);
  }

  /**
   * The journeys.
   *
   * @return them
   */
  public Journeys journeys() {
    return journeys;
  }

  /**
   * The handoffs.
   *
   * @return them
   */
  public Handoffs handoffs() {
    return handoffs;
  }

  /**
   * Where completed journeys are submitted.
   *
   * @return the submissions service, if configured
   */
  public Optional<io.civickit.submit.Submissions> submissions() {
    return submissionHook.map(SubmissionHook::submissions);
  }

  /**
   * The TOTP checker of the agent console.
   *
   * @return it
   */
  public Totp totp() {
    return totp;
  }

  /**
   * Where the service is mounted.
   *
   * @return the paths under its base path
   */
  public Paths paths() {
    return paths;
  }

  void route(String method, String pattern, PageHandler handler) {
    routes.add(new Route(method, split(pattern), handler, false));
  }

  private static String[] split(String pattern) {
    return pattern.equals("/") ? new String[0] : pattern.substring(1).split("/", -1);
  }

  // ------------------------------------------------------------------------------ per request

  /**
   * Answers a request, or empty when no page of the runner's has its path.
   *
   * @param request the request
   * @return the response, with the security headers
   */
  public Optional<WebResponse> handle(WebRequest request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (request.path().length() > 2000) {
      return Optional.of(errorPage(request, 414, "bad.title", "bad.text"));
    }
    Optional<String> decoded = Requests.decodePath(request.path());
    if (decoded.isEmpty()) {
      return Optional.of(errorPage(request, 400, "bad.title", "bad.text"));
    }
    Optional<String> inside = paths.within(decoded.get());
    if (inside.isEmpty()) {
      return Optional.empty();
    }
    String path = inside.get();
    if (path.startsWith("/assets/") && (method.equals("GET") || method.equals("HEAD"))) {
      return Optional.of(secure(Assets.serve(path.substring("/assets/".length()), paths).orElseGet(
          () -> errorPage(request, 404, "notfound.title", "notfound.text")), true));
    }
    if (pay.isPresent() && pay.get().isWebhook(method, path)) {
      // GOV.UK Pay's signed JSON: no session, no CSRF token, no form body (PaymentPage.webhook).
      return Optional.of(secure(pay.get().webhook(request), false));
    }
    String lookup = method.equals("HEAD") ? "GET" : method;
    Map<String, String> params = new LinkedHashMap<>();
    Route found = null;
    boolean pathKnown = false;
    for (Route r : routes) {
      params.clear();
      if (matches(r.parts(), path, params)) {
        pathKnown = true;
        if (r.method().equals(lookup)) {
          found = r;
          break;
        }
      }
    }
    if (found == null) {
      return pathKnown ? Optional.of(errorPage(request, 405, "bad.title", "bad.text")
          .withHeader("Allow", "GET, HEAD, POST")) : Optional.empty();
    }
    return Optional.of(run(request, found, path, Map.copyOf(params)));
  }

  private WebResponse run(WebRequest request, Route route, String path, Map<String, String> params) {
    Optional<Sessions.Stored> existing = sessions.find(Requests.cookie(request.header("Cookie"), cookieName));
    Map<String, List<String>> form = Map.of();
    UploadPage upload = uploadPage(request, route, params);
    if (route.method().equals("POST") && upload == null) {
      Optional<WebResponse> refused = checkPost(request, existing);
      if (refused.isPresent()) {
        // The body was not read: the connection cannot carry another request.
        return refused.get().withHeader("Connection", "close");
      }
      try {
        byte[] body = Requests.readBounded(request.body(), config.maxBodyBytes());
        form = new LinkedHashMap<>(Requests.parseForm(new String(body, StandardCharsets.UTF_8), config.maxFields()));
      } catch (Requests.TooLarge e) {
        return errorPage(request, 413, "toolarge.title", "toolarge.text").withHeader("Connection", "close");
      } catch (Requests.Malformed e) {
        LOG.info("refused a malformed form body at {} {}", route.method(), pattern(route));
        return errorPage(request, 400, "bad.title", "bad.text");
      } catch (IOException e) {
        LOG.info("could not read a request body at {} {}: {}", route.method(), pattern(route), e.getClass().getName());
        return errorPage(request, 400, "bad.title", "bad.text");
      }
      List<String> sent = form.remove("csrf");
      String expected = existing.get().get("csrf").orElse("");
      boolean ok = sent != null && sent.size() == 1 && !expected.isEmpty()
          && Digests.equal(sent.get(0), expected);
      if (!ok) {
        return forbidden(request, existing);
      }
    }
    ExchangeImpl ex = new ExchangeImpl(this, request, path, params, Requests.query(request.query()),
        Map.copyOf(form), existing);
    WebResponse response;
    try {
      response = upload != null ? upload.receive(ex, route.parts()[0].equals("change")) : route.handler().handle(ex);
    } catch (RuntimeException e) {
      logFailure(route, e);
      ex.discardSessionChanges();
      response = errorPage(request, 500, "error.title", "error.text");
    }
    return secure(ex.finish(response), false);
  }

  /** The upload page a multipart POST is for: the file question's page at {@code /apply/} or {@code /change/}. */
  private UploadPage uploadPage(WebRequest request, Route route, Map<String, String> params) {
    String[] p = route.parts();
    boolean stepRoute = !route.host() && route.method().equals("POST") && p.length == 2
        && (p[0].equals("apply") || p[0].equals("change")) && p[1].equals("{step}");
    return stepRoute && Multipart.isMultipart(request) && stepPages.get(params.get("step")) instanceof UploadPage u
        ? u : null;
  }

  /**
   * Runs an action again when another request saved the same journey at the same moment (a
   * double click on "get help", two language switches): the actions are idempotent.
   */
  static WebResponse retryConflicts(Supplier<WebResponse> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (ProgressConflictException e) {
        if (attempt >= 4) {
          throw e;
        }
      }
    }
  }

  /**
   * The checks made before a POST body is read: a form content type, a declared length within
   * the limit, and a session (a form without one cannot carry the right token, so its body is
   * never read).
   */
  private Optional<WebResponse> checkPost(WebRequest request, Optional<Sessions.Stored> session) {
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int semi = type.indexOf(';');
    String mediaType = (semi < 0 ? type : type.substring(0, semi)).strip();
    if (!mediaType.equals("application/x-www-form-urlencoded")) {
      // multipart and anything else: refused unread (upload pages will bring a bounded reader)
      return Optional.of(errorPage(request, 415, "bad.title", "bad.text"));
    }
    Optional<String> length = request.header("Content-Length");
    if (length.isPresent()) {
      try {
        if (Long.parseLong(length.get().strip()) > config.maxBodyBytes()) {
          return Optional.of(errorPage(request, 413, "toolarge.title", "toolarge.text"));
        }
      } catch (NumberFormatException e) {
        return Optional.of(errorPage(request, 400, "bad.title", "bad.text"));
      }
    }
    boolean staffPath = config.console().filter(c -> request.path().startsWith(c.path())).isPresent();
    if (!staffPath && SessionTimeout.ended(this, request, session)) {
      return Optional.of(secure(WebResponse.redirect(SessionTimeout.signedOutPath(this, request)), false));
    }
    if (session.isEmpty()) {
      return Optional.of(forbidden(request, session));
    }
    return Optional.empty();
  }

  WebResponse forbidden(WebRequest request, Optional<Sessions.Stored> session) {
    Locale l = session.flatMap(s -> s.get("lang")).filter("cy"::equals).map(x -> Words.WELSH).orElse(Locale.UK);
    return page(l, Optional.empty(), "/", words.t(l, "forbidden.title"), Html.h1(words.t(l, "forbidden.title"))
        + Html.p(words.t(l, "forbidden.text")), PageOptions.CITIZEN.noHelp().noLanguageSwitch().status(403), false);
  }

  private static String pattern(Route r) {
    return "/" + String.join("/", r.parts());
  }

  /**
   * Logs a failure with its class and where it was thrown, never its message (a message may
   * quote what someone typed, or a database driver's quoted values).
   */
  private static void logFailure(Route route, Throwable e) {
    StringBuilder where = new StringBuilder();
    StackTraceElement[] trace = e.getStackTrace();
    for (int i = 0; i < Math.min(trace.length, 8); i++) {
      where.append("\n\tat ").append(trace[i]);
    }
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      where.append("\n\tcaused by ").append(cause.getClass().getName());
    }
    LOG.error("request failed: {} at {} {}{}", e.getClass().getName(), route.method(), pattern(route), where);
  }

  private static boolean matches(String[] parts, String path, Map<String, String> params) {
    String[] segs = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    if (segs.length != parts.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (segs[i].isEmpty() || segs[i].length() > 100) {
          return false;
        }
        params.put(p.substring(1, p.length() - 1), segs[i]);
      } else if (!p.equals(segs[i])) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------ pages

  /**
   * Adds the security headers a response lacks: CSP, no sniffing, no framing, no referrer, the
   * isolation headers, HSTS when cookies are secure, {@code no-store} on pages.
   */
  WebResponse secure(WebResponse r, boolean cacheable) {
    WebResponse out = r.withDefaultHeader("Content-Security-Policy", CSP)
        .withDefaultHeader("X-Content-Type-Options", "nosniff")
        .withDefaultHeader("X-Frame-Options", "DENY")
        .withDefaultHeader("Referrer-Policy", "no-referrer")
        .withDefaultHeader("Cross-Origin-Opener-Policy", "same-origin")
        .withDefaultHeader("Cross-Origin-Resource-Policy", "same-origin")
        .withDefaultHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (config.secureCookies()) {
      out = out.withDefaultHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    return cacheable ? out : out.withDefaultHeader("Cache-Control", "no-store");
  }

  /**
   * The headers every response carries, for an adapter to put on responses the runner did not
   * make (the web server's own errors).
   *
   * @return name to value
   */
  public Map<String, String> securityHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    secure(new WebResponse(200, List.of(), new byte[0]), false).headers().forEach(x -> h.put(x.name(), x.value()));
    return h;
  }

  /**
   * A simple page for an error, in the person's language, with every security header.
   *
   * @param request the request
   * @param status the status
   * @param titleKey the heading's text key
   * @param textKey the paragraph's text key
   * @return the response
   */
  public WebResponse errorPage(WebRequest request, int status, String titleKey, String textKey) {
    Locale l = Locale.UK;
    try {
      Optional<Sessions.Stored> s = sessions.find(Requests.cookie(request.header("Cookie"), cookieName));
      l = s.flatMap(x -> x.get("lang")).filter("cy"::equals).map(x -> Words.WELSH).orElse(Locale.UK);
    } catch (RuntimeException e) {
      // the database is down: an English page it is
    }
    return page(l, Optional.empty(), "/", words.t(l, titleKey),
        Html.h1(words.t(l, titleKey)) + Html.p(words.t(l, textKey)),
        PageOptions.CITIZEN.noHelp().noLanguageSwitch().status(status), false);
  }

  WebResponse page(Locale l, Optional<String> csrf, String path, String title, String content, PageOptions o,
      boolean staff) {
    List<String[]> nav = new ArrayList<>();
    config.console().filter(c -> staff).ifPresent(c -> {
      nav.add(new String[] {paths.to(c.path()), "Handoffs"});
      nav.add(new String[] {paths.to(c.path() + "/kpis"), "Service performance"});
      submissionHook.ifPresent(h -> nav.add(DeliveryPages.nav(paths, c.path())));
      pay.ifPresent(p -> nav.add(new String[] {paths.to(c.path() + PaymentPage.AGENT_PATH), "Payments"}));
    });
    String service = staff ? "Agent console" : form.title().in(l);
    String home = paths.to(staff ? config.console().map(c -> c.path()).orElse("/") : "/");
    Html.Chrome chrome = new Html.Chrome(l, service, home, config.branding(), words, csrf, paths.to(path),
        config.console().map(c -> paths.to(c.path())), staff, nav, paths);
    return secure(WebResponse.html(o.status(), Html.page(chrome, title, content, o)), false);
  }

  /** The journey a session is on. */
  Optional<Journey> journeyOf(io.civickit.web.Session s) {
    return s.get("journey").flatMap(JourneyId::tryParse).flatMap(journeys::find);
  }
}
