package io.civickit.examples.garden;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.handoff.Handoff;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffTransition;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.identity.CheckResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent console: a second role in the same app, behind a sign-in (password, and a TOTP code
 * for accounts that have a secret). Advisers see the handoff queue with each person's context,
 * and send the "continue online" link. English only: it is a staff tool.
 */
final class AgentPages {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));
  private static final int MAX_FAILURES = 5;
  private static final Duration LOCKOUT = Duration.ofMinutes(15);
  /** Checked when the username is unknown, so a wrong name takes as long as a wrong password. */
  private static final String DUMMY_HASH = PasswordHash.hash("not-a-password".toCharArray(), 1000);

  private final GardenWasteApp app;
  private final SignInLimit limit;

  AgentPages(GardenWasteApp app) {
    this.app = app;
    this.limit = new SignInLimit(app.identityStore, app.config.clock(), MAX_FAILURES, LOCKOUT);
  }

  void routes(RoutesConfig r) {
    r.get("/agent/login", ctx -> showLogin(ctx, Optional.empty()));
    r.post("/agent/login", this::login);
    r.get("/agent/login/code", ctx -> showCode(ctx, Optional.empty()));
    r.post("/agent/login/code", this::code);
    r.post("/agent/logout", this::logout);
    r.get("/agent", this::queue);
    r.get("/agent/handoffs/{id}", this::handoff);
    r.post("/agent/handoffs/{id}/accept", this::accept);
    r.post("/agent/handoffs/{id}/handback", this::handBack);
    r.post("/agent/handoffs/{id}/resolve", this::resolve);
    r.get("/agent/kpis", this::kpis);
  }

  private void render(Context ctx, String title, boolean errors, String content, String path) {
    ctx.html(Html.page(Locale.UK, "Agent console", title, errors, content + signOut(ctx), Html.Chrome.staffPage(path)));
  }

  /** The signed-in adviser, or a redirect to the sign-in page. */
  private Optional<String> staff(Context ctx) {
    Optional<String> who = app.session(ctx).get("staff");
    if (who.isEmpty()) {
      ctx.redirect("/agent/login");
    }
    return who;
  }

  private Optional<ServiceConfig.StaffAccount> account(String username) {
    return app.staff.stream().filter(a -> a.username().equals(username)).findFirst();
  }

  // ------------------------------------------------------------------------------------ sign in

  private void showLogin(Context ctx, Optional<String> error) {
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(Locale.UK, List.<String[]>of(new String[] {"username", m}))));
    c.append(Html.h1("Sign in to the agent console"))
        .append("<form method=\"post\" action=\"/agent/login\" novalidate>").append(Html.csrf(app.csrf(ctx)))
        .append(Html.input(Locale.UK, "username", "text", "Username", Optional.empty(), error, "", "username", "govuk-input--width-20"))
        .append(Html.input(Locale.UK, "password", "password", "Password", Optional.empty(), Optional.empty(), "",
            "current-password", "govuk-input--width-20"))
        .append(Html.button("Sign in", Optional.empty(), false, "sign-in")).append("</form>");
    ctx.html(Html.page(Locale.UK, "Agent console", "Sign in", error.isPresent(), c.toString(),
        new Html.Chrome("/agent/login", Optional.empty(), false, false, true, false)));
  }

  private void login(Context ctx) {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip().toLowerCase(Locale.ROOT);
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    Optional<ServiceConfig.StaffAccount> account = account(username);
    boolean ok = PasswordHash.matches(password, account.map(ServiceConfig.StaffAccount::passwordHash).orElse(DUMMY_HASH))
        && account.isPresent();
    java.util.Arrays.fill(password, '\0');
    if (!ok || limit.locked(username)) {
      limit.failed(username);
      ctx.status(200);
      showLogin(ctx, Optional.of("Enter a correct username and password"));
      return;
    }
    limit.succeeded(username);
    Sessions.Session s = app.session(ctx);
    if (account.get().totpSecretBase32().isPresent()) {
      s.put("staff-pending", username);
      ctx.redirect("/agent/login/code");
      return;
    }
    signIn(ctx, username);
  }

  private void signIn(Context ctx, String username) {
    Sessions.Session s = app.session(ctx);
    s.rotate();
    s.remove("staff-pending");
    s.put("staff", username);
    ctx.redirect("/agent");
  }

  private void showCode(Context ctx, Optional<String> error) {
    if (app.session(ctx).get("staff-pending").isEmpty()) {
      ctx.redirect("/agent/login");
      return;
    }
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(Locale.UK, List.<String[]>of(new String[] {"code", m}))));
    c.append(Html.h1("Enter the code from your authenticator app"))
        .append("<form method=\"post\" action=\"/agent/login/code\" novalidate>").append(Html.csrf(app.csrf(ctx)))
        .append(Html.input(Locale.UK, "code", "text", "Code", Optional.of("The 6-digit code your app shows now"), error,
            "", "one-time-code", "govuk-input--width-10"))
        .append(Html.button("Sign in", Optional.empty(), false, "sign-in")).append("</form>");
    ctx.html(Html.page(Locale.UK, "Agent console", "Enter your code", error.isPresent(), c.toString(),
        new Html.Chrome("/agent/login/code", Optional.empty(), false, false, true, false)));
  }

  private void code(Context ctx) {
    Optional<String> pending = app.session(ctx).get("staff-pending");
    Optional<ServiceConfig.StaffAccount> account = pending.flatMap(this::account);
    if (account.isEmpty() || account.get().totpSecretBase32().isEmpty()) {
      ctx.redirect("/agent/login");
      return;
    }
    byte[] secret = new org.apache.commons.codec.binary.Base32().decode(account.get().totpSecretBase32().get());
    CheckResult r = app.totp.verify(account.get().username(), secret, Optional.ofNullable(ctx.formParam("code")).orElse(""));
    if (r instanceof CheckResult.Verified) {
      signIn(ctx, account.get().username());
      return;
    }
    showCode(ctx, Optional.of(r instanceof CheckResult.LockedOut
        ? "Too many wrong codes. Try again in 15 minutes" : "Enter the code your authenticator app shows now"));
  }

  private void logout(Context ctx) {
    app.resetSession(ctx);
    ctx.redirect("/agent/login");
  }

  // ------------------------------------------------------------------------------------ queue

  private void queue(Context ctx) {
    Optional<String> who = staff(ctx);
    if (who.isEmpty()) {
      return;
    }
    StringBuilder c = new StringBuilder(Html.h1("People waiting for help"));
    List<HelpDesk.Entry> entries = app.helpDesk.list(200);
    if (entries.isEmpty()) {
      c.append(Html.p("Nobody is waiting for help."));
    } else {
      c.append("<table class=\"govuk-table\" id=\"handoffs\"><caption class=\"govuk-table__caption govuk-table__caption--m\">")
          .append(entries.size()).append(entries.size() == 1 ? " handoff" : " handoffs")
          .append("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
      for (String h : new String[] {"Reference", "Why", "Where they were", "Segment", "Asked for help", "Status"}) {
        c.append("<th scope=\"col\" class=\"govuk-table__header\">").append(Html.e(h)).append("</th>");
      }
      c.append("</tr></thead><tbody class=\"govuk-table__body\">");
      for (HelpDesk.Entry e : entries) {
        HandoffRequest r = e.request();
        c.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">")
            .append(Html.link("/agent/handoffs/" + r.handoffId().value(), r.reference().toString(),
                "handoff-" + r.reference().toString()))
            .append("</td><td class=\"govuk-table__cell\">").append(Html.e(reason(r))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(r.stuckStep())).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(r.segment().orElse("none"))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(Html.e(WHEN.format(r.requestedAt()))).append("</td>")
            .append("<td class=\"govuk-table__cell\">").append(tag(status(r))).append("</td></tr>");
      }
      c.append("</tbody></table>");
    }
    render(ctx, "Handoffs", false, c.toString(), "/agent");
  }

  private HandoffStatus status(HandoffRequest r) {
    return app.handoffs.find(r.handoffId()).map(Handoff::status).orElse(HandoffStatus.REQUESTED);
  }

  private String signOut(Context ctx) {
    return Html.buttonForm("/agent/logout", app.csrf(ctx), Html.button("Sign out", Optional.empty(), true, "sign-out"));
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

  private Optional<HelpDesk.Entry> entry(Context ctx) {
    Optional<HelpDesk.Entry> e = app.helpDesk.find(ctx.pathParam("id"));
    if (e.isEmpty()) {
      ctx.status(404).html(app.simplePage(ctx, "notfound.title", "notfound.text"));
    }
    return e;
  }

  private void handoff(Context ctx) {
    Optional<String> who = staff(ctx);
    if (who.isEmpty()) {
      return;
    }
    Optional<HelpDesk.Entry> found = entry(ctx);
    if (found.isEmpty()) {
      return;
    }
    HelpDesk.Entry e = found.get();
    HandoffRequest r = e.request();
    Optional<Handoff> state = app.handoffs.find(r.handoffId());
    HandoffStatus status = state.map(Handoff::status).orElse(HandoffStatus.REQUESTED);
    Optional<Journey> j = app.journeys.find(r.journeyId());
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
    r.answers().forEach((k, v) -> answers.add(row(app.form.question(k).map(q -> q.label().en()).orElse(k), v)));
    String id = r.handoffId().value();
    StringBuilder c = new StringBuilder();
    Optional.ofNullable(ctx.queryParam("done")).filter("sent"::equals).ifPresent(x -> c.append(
        "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
            + "aria-labelledby=\"banner-title\" data-module=\"govuk-notification-banner\">"
            + "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
            + "id=\"banner-title\">Success</h2></div><div class=\"govuk-notification-banner__content\">"
            + "<p class=\"govuk-notification-banner__heading\" id=\"sent\">Continue-online link sent</p></div></div>"));
    c.append(Html.h1("Handoff " + r.reference()))
        .append(Html.summaryList(Locale.UK, rows))
        .append("<h2 class=\"govuk-heading-m\">Answers so far</h2>")
        .append(answers.isEmpty() ? Html.p("No answers yet.") : Html.summaryList(Locale.UK, answers))
        .append("<div class=\"govuk-button-group\">");
    if (status == HandoffStatus.REQUESTED) {
      c.append(Html.buttonForm("/agent/handoffs/" + id + "/accept", app.csrf(ctx),
          Html.button("Pick this up", Optional.empty(), false, "accept")));
    }
    if (status.isOpen()) {
      c.append(Html.buttonForm("/agent/handoffs/" + id + "/handback", app.csrf(ctx),
          Html.button("Send continue-online link", Optional.empty(), false, "handback")));
      c.append(Html.buttonForm("/agent/handoffs/" + id + "/resolve", app.csrf(ctx),
          Html.button("Resolved by phone", Optional.empty(), true, "resolve")));
    }
    c.append("</div><p class=\"govuk-body\">").append(Html.link("/agent", "Back to the queue", "back-to-queue"))
        .append("</p>");
    render(ctx, "Handoff " + r.reference(), false, c.toString(), "/agent");
  }

  private static Html.Row row(String key, String value) {
    return new Html.Row(key, List.of(value), Optional.empty(), "");
  }

  private void accept(Context ctx) {
    Optional<String> who = staff(ctx);
    Optional<HelpDesk.Entry> e = who.isEmpty() ? Optional.empty() : entry(ctx);
    if (e.isEmpty()) {
      return;
    }
    HandoffTransition t = app.handoffs.accept(e.get().request().handoffId(), Actor.adviser(who.get()));
    afterTransition(ctx, e.get(), t, "");
  }

  private void handBack(Context ctx) {
    Optional<String> who = staff(ctx);
    Optional<HelpDesk.Entry> e = who.isEmpty() ? Optional.empty() : entry(ctx);
    if (e.isEmpty()) {
      return;
    }
    HandoffRequest r = e.get().request();
    Optional<Journey> journey = app.journeys.find(r.journeyId());
    Optional<String> email = Assist.email(r, journey);
    if (email.isEmpty()) {
      notPossible(ctx, "There is no email address for this person. Contact them another way.");
      return;
    }
    HandoffTransition t = app.handoffs.handBack(r.handoffId(), Actor.adviser(who.get()));
    if (t instanceof HandoffTransition.Done done && done.continueOnline().isPresent()) {
      Locale language = journey.map(CitizenPages::language).filter("cy"::equals).map(x -> Text.WELSH).orElse(Locale.UK);
      app.assist.sendContinueOnline(r, email.get(), done.continueOnline().get(), language);
    }
    afterTransition(ctx, e.get(), t, "?done=sent");
  }

  private void resolve(Context ctx) {
    Optional<String> who = staff(ctx);
    Optional<HelpDesk.Entry> e = who.isEmpty() ? Optional.empty() : entry(ctx);
    if (e.isEmpty()) {
      return;
    }
    afterTransition(ctx, e.get(), app.handoffs.resolve(e.get().request().handoffId(), Actor.adviser(who.get())), "");
  }

  private void afterTransition(Context ctx, HelpDesk.Entry e, HandoffTransition t, String query) {
    if (t instanceof HandoffTransition.NotAllowed n) {
      notPossible(ctx, "This handoff is " + n.why() + ".");
      return;
    }
    ctx.redirect("/agent/handoffs/" + e.request().handoffId().value() + (t instanceof HandoffTransition.Done ? query : ""));
  }

  private void notPossible(Context ctx, String why) {
    ctx.status(409).html(Html.page(Locale.UK, "Agent console", "That cannot be done", false,
        Html.h1("That cannot be done") + Html.p(why)
            + "<p class=\"govuk-body\">" + Html.link("/agent", "Back to the queue", "back-to-queue") + "</p>",
        Html.Chrome.staffPage("/agent")));
  }

  // ------------------------------------------------------------------------------------ KPIs

  private void kpis(Context ctx) {
    Optional<String> who = staff(ctx);
    if (who.isEmpty()) {
      return;
    }
    render(ctx, "Service performance", false, KpiPage.render(app), "/agent/kpis");
  }
}
