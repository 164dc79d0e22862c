package io.civickit.web.internal;

import io.civickit.core.Journey;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.WebResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The session timeout (WCAG 2.2.1, Timing Adjustable), in the way of the GOV.UK and HMRC timeout
 * warning: on each page of an application under way, a dialog (a {@code <dialog>} that
 * {@code civickit-timeout.js} opens as a modal a set time before the session ends) with "Stay
 * signed in", a POST with the CSRF token that keeps the session, and "Save and come back later";
 * when the session has ended, the "You have been signed out" page, which offers to continue a
 * saved application. Without JavaScript there is no dialog, and the next page asked for after the
 * session ended is that page.
 */
final class SessionTimeout {
  /** Where the "You have been signed out" page is. */
  static final String SIGNED_OUT = "/signed-out";
  /** Where "Stay signed in" posts. */
  static final String EXTEND = "/session/extend";

  private final Engine engine;

  SessionTimeout(Engine engine) {
    this.engine = engine;
  }

  private static PageHandler h(Function<ExchangeImpl, WebResponse> f) {
    return ex -> f.apply((ExchangeImpl) ex);
  }

  void routes(CitizenPages.Routes r) {
    r.add("POST", EXTEND, h(this::extend));
    r.add("GET", SIGNED_OUT, h(this::signedOut));
  }

  /**
   * Whether the browser sent a session cookie the runner no longer knows: its session ended
   * (timed out, or purged), as opposed to a first visit.
   *
   * @param engine the runner
   * @param request the request
   * @param session the session found for it
   * @return true when a session has ended
   */
  static boolean ended(Engine engine, io.civickit.web.WebRequest request, Optional<Sessions.Stored> session) {
    return session.isEmpty() && Requests.cookie(request.header("Cookie"), engine.cookieName).isPresent();
  }

  /**
   * Where a page that needs a journey sends a request without one: the signed-out page (in the
   * ended session's language) if a session ended, otherwise the start.
   */
  static String noJourney(ExchangeImpl ex) {
    return ended(ex.engine(), ex.request(), ex.existingSession()) ? signedOutPath(ex.engine(), ex.request()) : "/";
  }

  static String signedOutPath(Engine engine, io.civickit.web.WebRequest request) {
    boolean cy = engine.sessions.languageOfEnded(Requests.cookie(request.header("Cookie"), engine.cookieName))
        .filter("cy"::equals).isPresent();
    return SIGNED_OUT + (cy ? "?lang=cy" : "");
  }

  /**
   * "Stay signed in": saving the session starts its idle time again. The script sends {@code js}
   * and takes the empty answer; a plain form goes back to the page it came from.
   */
  private WebResponse extend(ExchangeImpl ex) {
    ex.session().put("active", Long.toString(engine.config.clock().millis()));
    if (ex.formValue("js").isPresent()) {
      return new WebResponse(204, List.of(), new byte[0]);
    }
    String back = ex.formValue("return").orElse("/");
    return ex.redirect(Requests.isLocalPath(back) ? back : "/");
  }

  private WebResponse signedOut(ExchangeImpl ex) {
    Optional<Journey> live = ex.existingSession().flatMap(engine::journeyOf).filter(j -> !j.status().isFinal());
    if (live.isPresent()) {
      // still signed in (another tab kept the session, or a clock ran fast): back to the application
      return ex.redirect("/apply/" + live.get().currentStep());
    }
    // The session that ended held the language; the link here says which (a GET changes no session).
    Locale l = ex.existingSession().isPresent() ? ex.locale()
        : ex.query("lang").filter("cy"::equals).map(x -> Words.WELSH).orElse(Locale.UK);
    Words w = engine.words;
    String time = duration(engine.config.sessionIdle(), l);
    String content = Html.h1(w.t(l, "signedout.title"))
        + Html.p(w.t(l, "signedout.text").replace("{time}", time))
        + Html.p(w.t(l, "signedout.resume"))
        + "<div class=\"govuk-button-group\"><a href=\"" + Html.a(ex.url("/resume")) + "\" role=\"button\" draggable=\"false\" class=\"govuk-button\" "
        + "data-module=\"govuk-button\" id=\"continue-saved\">" + Html.e(w.t(l, "signedout.continue")) + "</a>"
        + Html.link(ex.url("/"), w.t(l, "start.again"), "start-again") + "</div>";
    return engine.page(l, Optional.of(ex.csrfToken()), ex.path(), w.t(l, "signedout.title"), content,
        PageOptions.CITIZEN.noHelp(), false);
  }

  /**
   * The warning dialog for a page, or nothing: only on a citizen's page of an application under
   * way. Its data attributes tell the script how long the session has left (from the session's
   * stored expiry, so a page opened late in the idle time warns in time) and when to warn.
   */
  String dialog(ExchangeImpl ex) {
    Optional<Sessions.Stored> s = ex.existingSession();
    if (s.isEmpty() || ex.journey().filter(j -> !j.status().isFinal()).isEmpty()) {
      return "";
    }
    long left = Math.max(0, engine.sessions.expiresAt(s.get()) - engine.config.clock().millis()) / 1000;
    long warn = engine.config.sessionWarning().toSeconds();
    StringBuilder b = new StringBuilder()
        .append("<dialog class=\"ck-timeout\" id=\"ck-timeout\" data-module=\"civickit-timeout\"")
        .append(" aria-labelledby=\"ck-timeout-title\" aria-describedby=\"ck-timeout-text\"")
        .append(" data-seconds-left=\"").append(left).append("\" data-warning-seconds=\"").append(warn).append('"')
        .append(" data-signed-out=\"").append(Html.a(ex.url(SIGNED_OUT))).append('"');
    for (String unit : List.of("minute", "minutes", "second", "seconds")) {
      b.append(" data-").append(unit).append("=\"").append(Html.a(ex.text("timeout." + unit))).append('"');
    }
    b.append("><h2 class=\"govuk-heading-m\" id=\"ck-timeout-title\">").append(Html.e(ex.text("timeout.title")))
        .append("</h2><p class=\"govuk-body\" id=\"ck-timeout-text\">").append(Html.e(ex.text("timeout.text")))
        .append(" <span class=\"ck-timeout__countdown\">").append(Html.e(duration(Duration.ofSeconds(warn), ex.locale())))
        .append("</span>.</p><p class=\"govuk-visually-hidden ck-timeout__announce\" aria-live=\"polite\"></p>")
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url(EXTEND))).append("\" novalidate>")
        .append(Html.csrf(ex.csrfToken())).append(Html.hidden("return", ex.path()))
        .append("<div class=\"govuk-button-group\">").append(Html.button(ex.text("timeout.stay"), Optional.empty(), false,
            "ck-timeout-stay"))
        .append(Html.link(ex.url("/save"), ex.text("save.button"), "ck-timeout-save")).append("</div></form></dialog>");
    return b.toString();
  }

  /** "2 hours", "20 minutes", "45 seconds"; in Welsh "2 awr", "20 munud", "45 eiliad". */
  String duration(Duration d, Locale l) {
    long s = d.toSeconds();
    String unit;
    long n;
    if (s >= 3600 && s % 3600 == 0) {
      n = s / 3600;
      unit = n == 1 ? "timeout.hour" : "timeout.hours";
    } else if (s >= 60) {
      n = (s + 59) / 60;
      unit = n == 1 ? "timeout.minute" : "timeout.minutes";
    } else {
      n = s;
      unit = n == 1 ? "timeout.second" : "timeout.seconds";
    }
    return n + " " + engine.words.t(l, unit);
  }
}
