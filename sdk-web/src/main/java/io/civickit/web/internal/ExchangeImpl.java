package io.civickit.web.internal;

import io.civickit.core.Actor;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Outcome;
import io.civickit.core.SubmitResult;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffOutcome;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.web.Exchange;
import io.civickit.web.JourneyRunner;
import io.civickit.web.PageOptions;
import io.civickit.web.Session;
import io.civickit.web.StepPage;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One request being answered. */
final class ExchangeImpl implements Exchange {
  private final Engine engine;
  private final WebRequest request;
  private final String path;
  private final Map<String, String> params;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> form;
  private Optional<Sessions.Stored> session;
  private Optional<Journey> journey;
  private boolean discarded;

  ExchangeImpl(Engine engine, WebRequest request, String path, Map<String, String> params,
      Map<String, List<String>> query, Map<String, List<String>> form, Optional<Sessions.Stored> session) {
    this.engine = engine;
    this.request = request;
    this.path = path;
    this.params = params;
    this.query = query;
    this.form = form;
    this.session = session;
  }

  /** The runner's machinery, for its own pages. */
  Engine engine() {
    return engine;
  }

  @Override
  public WebRequest request() {
    return request;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String url(String path) {
    return engine.paths.to(path);
  }

  @Override
  public Optional<String> pathParam(String name) {
    return Optional.ofNullable(params.get(name));
  }

  @Override
  public Optional<String> query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  @Override
  public Map<String, List<String>> form() {
    return form;
  }

  @Override
  public Sessions.Stored session() {
    if (session.isEmpty()) {
      session = Optional.of(engine.sessions.create());
    }
    return session.get();
  }

  /** The session if the person has one: pages that only read it do not create one. */
  Optional<Sessions.Stored> existingSession() {
    return session;
  }

  @Override
  public Locale locale() {
    return session.flatMap(s -> s.get("lang")).filter("cy"::equals).map(x -> Words.WELSH).orElse(Locale.UK);
  }

  boolean welsh() {
    return Words.welsh(locale());
  }

  @Override
  public String csrfToken() {
    return session().get("csrf").orElseThrow();
  }

  @Override
  public String csrfField() {
    return Html.csrf(csrfToken());
  }

  @Override
  public Optional<Journey> journey() {
    if (journey == null) {
      journey = session.flatMap(engine::journeyOf);
    }
    return journey;
  }

  /** Forgets the cached journey after it changed. */
  void journeyChanged() {
    journey = null;
  }

  @Override
  public String text(String key) {
    return engine.words.t(locale(), key);
  }

  @Override
  public WebResponse page(String title, String contentHtml, PageOptions options) {
    return engine.page(locale(), Optional.of(csrfToken()), path, title, contentHtml + engine.timeout.dialog(this),
        options, false);
  }

  WebResponse staffPage(String title, String contentHtml, PageOptions options) {
    return engine.page(Locale.UK, Optional.of(csrfToken()), path, title, contentHtml,
        options.noHelp().noLanguageSwitch().fullWidth(), true);
  }

  @Override
  public JourneyRunner runner() {
    return engine.runner;
  }

  @Override
  public WebResponse submitStep(Journey j, String stepId, Map<String, List<String>> input,
      Function<SubmitResult.Invalid, WebResponse> onInvalid) {
    Locale l = locale();
    SubmitResult r = engine.journeys.submit(j.id(), stepId, input, Actor.citizen(), l);
    journeyChanged();
    Optional<HandoffOutcome> handedOff = engine.handoffs.afterSubmit(r,
        CitizenPages.contactEmail(engine, r.journey()).map(ContactPreference::email));
    if (handedOff.isPresent() && !handedOff.get().repeated()) {
      // Repeated errors, or a locked-out email code: a person takes over, with the answers so far.
      session().put("helped", "auto");
      return redirect("/help/requested");
    }
    if (r instanceof SubmitResult.Invalid invalid) {
      return onInvalid.apply(invalid);
    }
    if (r instanceof SubmitResult.Completed done && done.outcome() == Outcome.SUCCESS) {
      // The person has just proved who they are (or finished): a new session id, so none planted earlier survives.
      session().rotate();
      CitizenPages.sendConfirmation(engine, done.journey(), l);
    }
    Journey now = r.journey();
    if (!(r instanceof SubmitResult.Invalid) && !now.currentStep().equals(stepId)) {
      StepPage next = engine.stepPages.get(now.currentStep());
      if (next != null && !now.status().isFinal()) {
        next.entered(this, now);
      }
    }
    return redirect("/apply/" + now.currentStep());
  }

  /** Errors keyed by question id, as the renderer wants them (date errors arrive as {@code id-day} and so on). */
  static Map<String, String> errorsByQuestion(Optional<Page> page, List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Question> questions = page.map(Page::questions).orElse(List.of());
    for (FieldError e : errors) {
      String id = questions.stream().map(Question::id)
          .filter(q -> e.field().equals(q) || e.field().startsWith(q + "-")).findFirst().orElse(e.field());
      out.putIfAbsent(id, e.message());
    }
    return out;
  }

  void discardSessionChanges() {
    discarded = true;
  }

  /** Saves the session and sets its cookie when the browser does not have it yet. */
  WebResponse finish(WebResponse response) {
    if (session.isEmpty() || discarded) {
      return response;
    }
    Sessions.Stored s = session.get();
    engine.sessions.save(s);
    if (s.needsCookie()) {
      return response.withHeader("Set-Cookie", engine.cookieName + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Lax"
          + (engine.config.secureCookies() ? "; Secure" : ""));
    }
    return response;
  }

  /** Ends the session and starts an empty one (sign out). */
  Session resetSession() {
    session.ifPresent(engine.sessions::delete);
    session = Optional.of(engine.sessions.create());
    return session.get();
  }
}
