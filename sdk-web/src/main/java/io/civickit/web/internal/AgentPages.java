package io.civickit.web.internal;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.Handoff;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffTransition;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.identity.CheckResult;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.web.AgentConsole;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.PasswordHash;
import io.civickit.web.StaffAccount;
import io.civickit.web.WebResponse;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.codec.binary.Base32;

/**
 * The agent console: behind a sign-in (the built-in password and TOTP pages, or the council's
 * SSO), the handoff queue a page at a time, each person's context, accept, send the "continue
 * online" link, resolve, and the service performance page. English only: it is a staff tool.
 */
final class AgentPages {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));

  private final Engine engine;
  private final AgentConsole console;
  private final String base;
  private final SignInLimit perAccount;
  private final SignInLimit perClient;
  /**
   * Checked when the user name is unknown, with the same cost as the accounts' own hashes, so a
   * wrong name takes as long as a wrong password.
   */
  private final String dummyHash;

  AgentPages(Engine engine, AgentConsole console) {
    this.engine = engine;
    this.console = console;
    this.base = console.path();
    this.perAccount = new SignInLimit("staff-sign-in", engine.identityStore, engine.config.clock(),
        console.maxFailures(), console.lockout());
    this.perClient = new SignInLimit("staff-client", engine.identityStore, engine.config.clock(),
        console.maxFailuresPerClient(), console.lockout());
    this.dummyHash = standIn(console.accounts());
  }

  /** A hash of nothing with the highest cost among the accounts, to check unknown names against. */
  static String standIn(List<StaffAccount> accounts) {
    int cost = accounts.stream().mapToInt(a -> PasswordHash.iterations(a.passwordHash()).orElse(1000))
        .max().orElse(PasswordHash.DEFAULT_ITERATIONS);
    return PasswordHash.hash("not-a-password".toCharArray(), Math.max(cost, 1000));
  }

  private static PageHandler h(Function<ExchangeImpl, WebResponse> f) {
    return ex -> f.apply((ExchangeImpl) ex);
  }

  /** A page for signed-in advisers only. */
  private PageHandler staff(BiFunction<ExchangeImpl, String, WebResponse> f) {
    return ex -> {
      ExchangeImpl x = (ExchangeImpl) ex;
      Optional<String> who = console.sso().isPresent() ? console.sso().get().adviser(x.request())
          : x.existingSession().flatMap(s -> s.get("staff"));
      if (who.isEmpty()) {
        return console.sso().isPresent()
            ? x.staffPage("Not signed in", Html.h1("Sign in through your council account first"),
                PageOptions.CITIZEN.status(403))
            : x.redirect(base + "/login");
      }
      return f.apply(x, who.get());
    };
  }

  void routes(CitizenPages.Routes r) {
    if (console.sso().isEmpty()) {
      r.add("GET", base + "/login", h(ex -> showLogin(ex, Optional.empty())));
      r.add("POST", base + "/login", h(this::login));
      r.add("GET", base + "/login/code", h(ex -> showCode(ex, Optional.empty())));
      r.add("POST", base + "/login/code", h(this::code));
      r.add("POST", base + "/logout", h(this::logout));
    }
    r.add("GET", base, staff(this::queue));
    r.add("GET", base + "/handoffs/{id}", staff(this::handoff));
    r.add("POST", base + "/handoffs/{id}/accept", staff(this::accept));
    r.add("POST", base + "/handoffs/{id}/handback", staff(this::handBack));
    r.add("POST", base + "/handoffs/{id}/resolve", staff(this::resolve));
    r.add("GET", base + "/kpis", staff((ex, who) -> render(ex, "Service performance", KpiPage.render(engine))));
    engine.submissionHook.ifPresent(h -> new DeliveryPages(h, base).routes(r, this::staff));
    engine.pay.ifPresent(p -> p.agentRoutes(r, base, this::staff));
  }

  private WebResponse render(ExchangeImpl ex, String title, String content) {
    return ex.staffPage(title, content + signOut(ex), PageOptions.CITIZEN);
  }

  private Optional<StaffAccount> account(String username) {
    return console.accounts().stream().filter(a -> a.username().equals(username)).findFirst();
  }

  private String signOut(ExchangeImpl ex) {
    return console.sso().isPresent() ? "" : Html.buttonForm(ex.url(base + "/logout"), ex.csrfToken(),
        Html.button("Sign out", Optional.empty(), true, "sign-out"));
  }

  // ------------------------------------------------------------------------------------ sign in

  private WebResponse showLogin(ExchangeImpl ex, Optional<String> error) {
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(Locale.UK, List.<String[]>of(new String[] {"username", m}))));
    c.append(Html.h1("Sign in to the agent console"))
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url(base + "/login"))).append("\" novalidate>")
        .append(ex.csrfField())
        .append(Html.input(Locale.UK, "username", "text", "Username", Optional.empty(), error, "", "username",
            "govuk-input--width-20"))
        .append(Html.input(Locale.UK, "password", "password", "Password", Optional.empty(), Optional.empty(), "",
            "current-password", "govuk-input--width-20"))
        .append(Html.button("Sign in", Optional.empty(), false, "sign-in")).append("</form>");
    return ex.staffPage("Sign in", c.toString(), PageOptions.CITIZEN.errors(error.isPresent()));
  }

  private WebResponse login(ExchangeImpl ex) {
    String username = ex.formValue("username").orElse("").strip().toLowerCase(Locale.ROOT);
    String client = ex.request().remoteAddress();
    if (perClient.locked(client)) {
      // Too many wrong sign-ins from this address: refused before any hashing is done.
      return showLogin(ex, Optional.of("Enter a correct username and password"));
    }
    char[] password = ex.formValue("password").orElse("").toCharArray();
    Optional<StaffAccount> account = account(username);
    boolean ok = PasswordHash.matches(password, account.map(StaffAccount::passwordHash).orElse(dummyHash))
        && account.isPresent();
    Arrays.fill(password, '\0');
    if (!ok || perAccount.locked(username)) {
      perAccount.failed(username);
      perClient.failed(client);
      return showLogin(ex, Optional.of("Enter a correct username and password"));
    }
    perAccount.succeeded(username);
    // The password step is passed: a new session id now, and again after the code.
    ex.session().rotate();
    if (account.get().totpSecretBase32().isPresent()) {
      ex.session().put("staff-pending", username);
      return ex.redirect(base + "/login/code");
    }
    return signIn(ex, username);
  }

  private WebResponse signIn(ExchangeImpl ex, String username) {
    ex.session().rotate();
    ex.session().remove("staff-pending");
    ex.session().put("staff", username);
    return ex.redirect(base);
  }

  private WebResponse showCode(ExchangeImpl ex, Optional<String> error) {
    if (ex.existingSession().flatMap(s -> s.get("staff-pending")).isEmpty()) {
      return ex.redirect(base + "/login");
    }
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(Locale.UK, List.<String[]>of(new String[] {"code", m}))));
    c.append(Html.h1("Enter the code from your authenticator app"))
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url(base + "/login/code"))).append("\" novalidate>")
        .append(ex.csrfField())
        .append(Html.input(Locale.UK, "code", "text", "Code", Optional.of("The 6-digit code your app shows now"), error,
            "", "one-time-code", "govuk-input--width-10"))
        .append(Html.button("Sign in", Optional.empty(), false, "sign-in")).append("</form>");
    return ex.staffPage("Enter your code", c.toString(), PageOptions.CITIZEN.errors(error.isPresent()));
  }

  private WebResponse code(ExchangeImpl ex) {
    Optional<StaffAccount> account = ex.session().get("staff-pending").flatMap(this::account);
    if (account.isEmpty() || account.get().totpSecretBase32().isEmpty()) {
      return ex.redirect(base + "/login");
    }
    byte[] secret = new Base32().decode(account.get().totpSecretBase32().get());
    CheckResult r = engine.totp.verify(account.get().username(), secret, ex.formValue("code").orElse(""));
    if (r instanceof CheckResult.Verified) {
      return signIn(ex, account.get().username());
    }
    return showCode(ex, Optional.of(r instanceof CheckResult.LockedOut
        ? "Too many wrong codes. Try again in 15 minutes" : "Enter the code your authenticator app shows now"));
  }

  private WebResponse logout(ExchangeImpl ex) {
    ex.resetSession();
    return ex.redirect(base + "/login");
  }

  // ------------------------------------------------------------------------------------ queue

  private WebResponse queue(ExchangeImpl ex, String who) {
    int total = engine.helpDesk.count();
    int pages = Math.max(1, (total + console.pageSize() - 1) / console.pageSize());
    int page = ex.query("page").filter(p -> p.matches("[1-9][0-9]{0,5}")).map(Integer::parseInt).orElse(1);
    page = Math.min(page, pages);
    StringBuilder c = new StringBuilder(Html.h1("People waiting for help"));
    List<HelpDesk.Entry> entries = engine.helpDesk.page(page - 1, console.pageSize());
    if (entries.isEmpty()) {
      c.append(Html.p("Nobody is waiting for help."));
    } else {
      c.append("<table class=\"govuk-table\" id=\"handoffs\"><caption class=\"govuk-table__caption govuk-table__caption--m\">")
          .append(total).append(total == 1 ? " handoff" : " handoffs")
          .append(pages > 1 ? ", page " + page + " of " + pages : "")
          .append("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
      for (String h : new String[] {"Reference", "Why", "Where they were", "Segment", "Asked for help", "Status"}) {
        c.append("<th scope=\"col\" class=\"govuk-table__header\">").append(Html.e(h)).append("</th>");
      }
      c.append("</tr></thead><tbody class=\"govuk-table__body\">");
      for (HelpDesk.Entry e : entries) {
        HandoffRequest r = e.request();
        c.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">")
            .append(Html.link(ex.url(base + "/handoffs/" + r.handoffId().value()), r.reference().toString(),
                "handoff-" + r.reference()))
            .append("</td><td class=\"govuk-table__cell\">").append(Html.e(reason(r))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(r.stuckStep())).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(r.segment().orElse("none"))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(WHEN.format(r.requestedAt()))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(tag(status(r))).append("</td></tr>");
      }
      c.append("</tbody></table>");
      if (pages > 1) {
        c.append("<nav class=\"govuk-pagination\" aria-label=\"Pages of handoffs\">");
        if (page > 1) {
          c.append("<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"")
              .append(Html.a(ex.url(base) + "?page=" + (page - 1))).append("\" rel=\"prev\" id=\"previous-page\">")
              .append("<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page"
                  + "</span></span></a></div>");
        }
        if (page < pages) {
          c.append("<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"")
              .append(Html.a(ex.url(base) + "?page=" + (page + 1))).append("\" rel=\"next\" id=\"next-page\">")
              .append("<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page"
                  + "</span></span></a></div>");
        }
        c.append("</nav>");
      }
    }
    return render(ex, "Handoffs", c.toString());
  }

  private HandoffStatus status(HandoffRequest r) {
    return engine.handoffs.find(r.handoffId()).map(Handoff::status).orElse(HandoffStatus.REQUESTED);
  }

  private static String reason(HandoffRequest r) {
    switch (r.reason()) {
      case ASKED_FOR_HELP: return "Asked for help";
      case REPEATED_VALIDATION_FAILURES: return "Repeated errors";
      case IDENTITY_CHECK_FAILED: return "Identity check failed";
      case CASE_NOT_HANDLED: return "Case not handled online";
      default: return "Technical fault";
    }
  }

  private static String tag(HandoffStatus s) {
    String[] t = switch (s) {
      case REQUESTED -> new String[] {"govuk-tag--yellow", "Waiting"};
      case ACCEPTED -> new String[] {"govuk-tag--blue", "With an adviser"};
      case HANDED_BACK -> new String[] {"govuk-tag--green", "Sent back online"};
      case RESOLVED -> new String[] {"govuk-tag--grey", "Resolved"};
    };
    return "<strong class=\"govuk-tag " + t[0] + "\">" + t[1] + "</strong>";
  }

  private Optional<HelpDesk.Entry> entry(ExchangeImpl ex) {
    return ex.pathParam("id").filter(id -> id.matches("[A-Za-z0-9_-]{1,40}")).flatMap(engine.helpDesk::find);
  }

  private WebResponse notFound(ExchangeImpl ex) {
    return ex.staffPage("Page not found", Html.h1("Page not found") + Html.p("There is no such handoff."),
        PageOptions.CITIZEN.status(404));
  }

  private WebResponse handoff(ExchangeImpl ex, String who) {
    Optional<HelpDesk.Entry> found = entry(ex);
    if (found.isEmpty()) {
      return notFound(ex);
    }
    HandoffRequest r = found.get().request();
    Optional<Handoff> state = engine.handoffs.find(r.handoffId());
    HandoffStatus status = state.map(Handoff::status).orElse(HandoffStatus.REQUESTED);
    Optional<Journey> j = engine.journeys.find(r.journeyId());
    List<Html.Row> rows = new ArrayList<>();
    rows.add(row("Reference", r.reference().toString()));
    rows.add(row("Why", reason(r) + " (" + r.detail() + ")"));
    rows.add(row("Where they were", r.stuckStep()));
    rows.add(row("Segment", r.segment().orElse("none")));
    rows.add(row("Asked for help", WHEN.format(r.requestedAt())));
    rows.add(row("Contact", r.contact().map(c -> c.method().name().toLowerCase(Locale.ROOT) + ": "
        + c.detail().orElse("")).orElse("none given")));
    rows.add(row("Application now", j.map(x -> x.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ", on \"" + x.currentStep() + "\"").orElse("no longer held")));
    rows.add(row("Status", status.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    state.flatMap(Handoff::agentId).ifPresent(s -> rows.add(row("Adviser", s)));
    List<Html.Row> answers = new ArrayList<>();
    r.answers().forEach((k, v) -> answers.add(row(engine.form.question(k).map(q -> q.label().en()).orElse(k), v)));
    String id = r.handoffId().value();
    StringBuilder c = new StringBuilder();
    ex.query("done").filter("sent"::equals).ifPresent(x -> c.append(Html.successBanner("Continue-online link sent",
        "sent")));
    c.append(Html.h1("Handoff " + r.reference()))
        .append(Html.summaryList(rows))
        .append("<h2 class=\"govuk-heading-m\">Answers so far</h2>")
        .append(answers.isEmpty() ? Html.p("No answers yet.") : Html.summaryList(answers))
        .append("<div class=\"govuk-button-group\">");
    String at = ex.url(base + "/handoffs/" + id);
    if (status == HandoffStatus.REQUESTED) {
      c.append(Html.buttonForm(at + "/accept", ex.csrfToken(),
          Html.button("Pick this up", Optional.empty(), false, "accept")));
    }
    if (status.isOpen()) {
      c.append(Html.buttonForm(at + "/handback", ex.csrfToken(),
          Html.button("Send continue-online link", Optional.empty(), false, "handback")));
      c.append(Html.buttonForm(at + "/resolve", ex.csrfToken(),
          Html.button("Resolved by phone", Optional.empty(), true, "resolve")));
    }
    c.append("</div><p class=\"govuk-body\">").append(Html.link(ex.url(base), "Back to the queue", "back-to-queue"))
        .append("</p>");
    return render(ex, "Handoff " + r.reference(), c.toString());
  }

  private static Html.Row row(String key, String value) {
    return new Html.Row(key, List.of(value), Optional.empty(), "");
  }

  private WebResponse accept(ExchangeImpl ex, String who) {
    Optional<HelpDesk.Entry> e = entry(ex);
    if (e.isEmpty()) {
      return notFound(ex);
    }
    return afterTransition(ex, e.get(), engine.handoffs.accept(e.get().request().handoffId(), Actor.adviser(who)), "");
  }

  private WebResponse handBack(ExchangeImpl ex, String who) {
    Optional<HelpDesk.Entry> e = entry(ex);
    if (e.isEmpty()) {
      return notFound(ex);
    }
    HandoffRequest r = e.get().request();
    Optional<Journey> journey = engine.journeys.find(r.journeyId());
    Optional<String> email = r.contact().filter(c -> c.method() == ContactPreference.Method.EMAIL)
        .flatMap(ContactPreference::detail).or(() -> journey.flatMap(j -> CitizenPages.contactEmail(engine, j)));
    if (email.isEmpty()) {
      return notPossible(ex, "There is no email address for this person. Contact them another way.");
    }
    HandoffTransition t = engine.handoffs.handBack(r.handoffId(), Actor.adviser(who));
    if (t instanceof HandoffTransition.Done done && done.continueOnline().isPresent()) {
      Locale language = journey.map(CitizenPages::language).filter("cy"::equals).map(x -> Words.WELSH)
          .orElse(Locale.UK);
      ResumeTokens.IssuedToken token = done.continueOnline().get();
      URI link = CitizenPages.resumeLink(engine, token);
      engine.config.notifier().send(new NotificationRequest(Templates.CONTINUE_ONLINE, new Recipient.Email(email.get()),
          Map.of("service", engine.form.title().in(language), "reference", r.reference().toString(),
              "link", link.toString(), "expires", CitizenPages.expires(token.expiresAt(), language)),
          "handback-" + r.handoffId().value() + "-" + CitizenPages.keyPart(token.token()), language));
    }
    return afterTransition(ex, e.get(), t, "?done=sent");
  }

  private WebResponse resolve(ExchangeImpl ex, String who) {
    Optional<HelpDesk.Entry> e = entry(ex);
    if (e.isEmpty()) {
      return notFound(ex);
    }
    return afterTransition(ex, e.get(), engine.handoffs.resolve(e.get().request().handoffId(), Actor.adviser(who)), "");
  }

  private WebResponse afterTransition(ExchangeImpl ex, HelpDesk.Entry e, HandoffTransition t, String query) {
    if (t instanceof HandoffTransition.NotAllowed n) {
      return notPossible(ex, "This handoff is " + n.why() + ".");
    }
    return ex.redirect(base + "/handoffs/" + e.request().handoffId().value()
        + (t instanceof HandoffTransition.Done ? query : ""));
  }

  private WebResponse notPossible(ExchangeImpl ex, String why) {
    return ex.staffPage("That cannot be done", Html.h1("That cannot be done") + Html.p(why)
        + "<p class=\"govuk-body\">" + Html.link(ex.url(base), "Back to the queue", "back-to-queue") + "</p>",
        PageOptions.CITIZEN.status(409));
  }
}
