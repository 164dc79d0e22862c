package io.civickit.examples.garden;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffOutcome;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import io.civickit.identity.CheckResult;
import io.civickit.identity.passcode.SendResult;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The pages a member of the public sees: the form, save and return, get help. */
final class CitizenPages {
  private static final String CONTACT_EMAIL = "contact_email";
  /** Journey attribute: the language the person uses, so emails and a resumed session use it too. */
  static final String LANGUAGE = "language";

  private final GardenWasteApp app;
  private final Journeys journeys;
  private final Form form;

  CitizenPages(GardenWasteApp app) {
    this.app = app;
    this.journeys = app.journeys;
    this.form = app.form;
  }

  void routes(RoutesConfig r) {
    r.get("/", this::start);
    r.post("/start", this::begin);
    r.get("/apply/{step}", this::showStep);
    r.post("/apply/{step}", this::submitStep);
    r.post("/resend-code", this::resendCode);
    r.get("/change/{step}", this::change);
    r.get("/save", this::showSave);
    r.post("/save", this::save);
    r.get("/saved", this::saved);
    r.get("/resume", this::resume);
    r.post("/resume", this::resumeByReference);
    r.get("/resume/code", this::showResumeCode);
    r.post("/resume/code", this::resumeCode);
    r.get("/help", this::showHelp);
    r.post("/help", this::askForHelp);
    r.get("/help/requested", this::helpRequested);
    r.get("/language", this::language);
    r.get("/accessibility", ctx -> info(ctx, "footer.accessibility", "accessibility.text"));
    r.get("/privacy", ctx -> info(ctx, "footer.privacy", "privacy.text"));
  }

  // ------------------------------------------------------------------------------------- helpers

  private Locale locale(Context ctx) {
    return app.locale(ctx);
  }

  private String service(Locale l) {
    return form.title().in(l);
  }

  private void render(Context ctx, String title, boolean errors, String content, Html.Chrome chrome) {
    Locale l = locale(ctx);
    ctx.html(Html.page(l, service(l), title, errors, content, chrome));
  }

  private static Map<String, List<String>> input(Context ctx) {
    Map<String, List<String>> in = new LinkedHashMap<>(ctx.formParamMap());
    in.remove("csrf");
    in.remove("action");
    return in;
  }

  private static Optional<ContactPreference> contact(Journey j) {
    return contactEmail(j).map(ContactPreference::email);
  }

  /** Where the journey's person can be emailed: the email question's answer, or the address given when saving. */
  static Optional<String> contactEmail(Journey j) {
    Optional<String> answered = j.answer(GardenWasteForm.EMAIL).map(Answer::value)
        .filter(v -> v instanceof Value.Text).map(v -> ((Value.Text) v).value());
    if (answered.isPresent()) {
      return answered;
    }
    Value v = j.attributes().get(CONTACT_EMAIL);
    return v instanceof Value.Text t ? Optional.of(t.value()) : Optional.empty();
  }

  static String keyPart(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)), 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String expires(java.time.Instant at, Locale l) {
    return DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Text.welsh(l) ? Text.WELSH : Locale.UK)
        .withZone(ZoneId.of("Europe/London")).format(at).replace("AM", "am").replace("PM", "pm");
  }

  /** The resume link for a token, on the public URL. */
  private URI resumeLink(ResumeTokens.IssuedToken token) {
    return token.link(app.url().resolve("/resume"));
  }

  private Optional<Journey> journeyOrStart(Context ctx) {
    Optional<Journey> j = app.journey(ctx);
    if (j.isEmpty()) {
      ctx.redirect("/");
    }
    return j;
  }

  // ------------------------------------------------------------------------------------- start

  private void start(Context ctx) {
    Locale l = locale(ctx);
    String content = "<h1 class=\"govuk-heading-xl\">" + Html.e(service(l)) + "</h1>"
        + Html.p(Text.t(l, "start.intro")) + Html.p(Text.t(l, "start.need"))
        + "<form method=\"post\" action=\"/start\" novalidate>" + Html.csrf(app.csrf(ctx))
        + "<button type=\"submit\" class=\"govuk-button govuk-button--start\" data-module=\"govuk-button\" id=\"start\">"
        + Html.e(Text.t(l, "start.button"))
        + "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" "
        + "viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" "
        + "d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg></button></form>"
        + "<h2 class=\"govuk-heading-m\">" + Html.e(Text.t(l, "start.resume.heading")) + "</h2>"
        + "<p class=\"govuk-body\">" + Html.link("/resume", Text.t(l, "start.resume.link"), "resume-link") + "</p>"
        + Html.p(Text.t(l, "start.offline"));
    render(ctx, service(l), false, content, Html.Chrome.citizen("/"));
  }

  private void begin(Context ctx) {
    Journey j = journeys.start(GardenWasteForm.ID, io.civickit.core.StartOptions.builder()
        .attribute(LANGUAGE, Value.text(Text.welsh(locale(ctx)) ? "cy" : "en")).build());
    Sessions.Session s = app.session(ctx);
    s.put("journey", j.id().value());
    ctx.redirect("/apply/" + j.currentStep());
  }

  // ------------------------------------------------------------------------------------- steps

  private void showStep(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    String step = ctx.pathParam("step");
    if (!step.equals(j.currentStep()) && (j.status().isFinal() || !j.history().contains(step))) {
      ctx.redirect("/apply/" + j.currentStep());
      return;
    }
    showStep(ctx, j, step, Map.of(), Optional.empty());
  }

  private void showStep(Context ctx, Journey j, String step, Map<String, String> errors, Optional<String> notice) {
    Locale l = locale(ctx);
    Optional<Page> page = form.page(step);
    Optional<FormEnd> end = form.ends().stream().filter(e -> e.id().equals(step)).findFirst();
    Html.Chrome chrome = Html.Chrome.citizen("/apply/" + step);
    Optional<String> back = backOf(j, step);
    if (back.isPresent() && !j.status().isFinal()) {
      chrome = chrome.back("/apply/" + back.get());
    }
    if (page.isPresent()) {
      Page p = page.get();
      Map<String, List<String>> raw = j.drafts().containsKey(step) ? j.drafts().get(step) : raw(p, j);
      String title = p.title().map(t -> t.in(l)).orElse(p.questions().get(0).label().in(l));
      String caption = GardenWasteForm.section(form, p).map(s -> "<span class=\"govuk-caption-l\">"
          + Html.e(s.title().in(l)) + "</span>").orElse("");
      String formHtml = app.renderer.renderForm(p, raw, errors, l, FormOptions.builder()
          .hidden("csrf", app.csrf(ctx))
          .secondaryButton("action", "save", Text.t(l, "save.button"))
          .build());
      render(ctx, title, !errors.isEmpty(), app.renderer.renderErrorSummary(p, errors, l) + caption + formHtml, chrome);
    } else if (step.equals(Form.CHECK_ANSWERS)) {
      String content = Html.h1(Text.t(l, "check.title")) + Html.summaryList(l, checkAnswersRows(j, l))
          + "<h2 class=\"govuk-heading-m\">" + Html.e(Text.t(l, "check.send.heading")) + "</h2>"
          + Html.p(Text.t(l, "check.send.text"))
          + "<form method=\"post\" novalidate>" + Html.csrf(app.csrf(ctx))
          + Html.button(Text.t(l, "check.send.button"), Optional.empty(), false, "accept") + "</form>";
      render(ctx, Text.t(l, "check.title"), false, content, chrome);
    } else if (step.equals(GardenWasteForm.CONFIRM_EMAIL)) {
      showCode(ctx, j, errors, notice, chrome);
    } else if (end.isPresent()) {
      FormEnd e = end.get();
      String content;
      if (e.outcome() == Outcome.SUCCESS) {
        content = Html.panel(e.title().in(l), Text.t(l, "confirmation.reference"), j.reference().toString())
            + "<h2 class=\"govuk-heading-m\">" + Html.e(Text.t(l, "confirmation.next")) + "</h2>"
            + Html.p(e.body().in(l)) + Html.p(Text.t(l, "confirmation.keep"));
      } else {
        content = Html.h1(e.title().in(l)) + Html.p(e.body().in(l));
      }
      render(ctx, e.title().in(l), false, content, chrome.noHelp());
    } else {
      ctx.redirect("/apply/" + j.currentStep());
    }
  }

  private static Optional<String> backOf(Journey j, String step) {
    List<String> h = j.history();
    int at = step.equals(j.currentStep()) ? h.size() : h.lastIndexOf(step);
    return at > 0 ? Optional.of(h.get(at - 1)) : Optional.empty();
  }

  /** What to show in a page's fields when it is revisited: its saved answers, as they were typed. */
  private static Map<String, List<String>> raw(Page p, Journey j) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (Question q : p.questions()) {
      Optional<Answer> a = j.answer(q.id());
      if (a.isEmpty()) {
        continue;
      }
      Value v = a.get().value();
      if (v instanceof Value.Bool b) {
        raw.put(q.id(), List.of(b.value() ? "yes" : "no"));
      } else if (v instanceof Value.Date d) {
        raw.put(q.id() + "-day", List.of(String.valueOf(d.value().getDayOfMonth())));
        raw.put(q.id() + "-month", List.of(String.valueOf(d.value().getMonthValue())));
        raw.put(q.id() + "-year", List.of(String.valueOf(d.value().getYear())));
      } else if (v instanceof Value.Fields f) {
        f.values().forEach((k, part) -> raw.put(q.id() + "-" + k, List.of(text(part))));
      } else if (v instanceof Value.Items items) {
        raw.put(q.id(), items.values().stream().map(CitizenPages::text).toList());
      } else if (v instanceof Value.Decimal n) {
        raw.put(q.id(), List.of(n.value().toPlainString()));
      } else {
        String shown = a.get().display().filter(s -> !s.isBlank()).orElse(text(v));
        raw.put(q.id(), List.of(shown));
      }
    }
    return raw;
  }

  private static String text(Value v) {
    if (v instanceof Value.Text t) {
      return t.value();
    }
    if (v instanceof Value.Decimal d) {
      return d.value().toPlainString();
    }
    return v.toString();
  }

  /** Check your answers: every question on the person's route, with a Change link to its page. */
  private List<Html.Row> checkAnswersRows(Journey j, Locale l) {
    List<Html.Row> rows = new ArrayList<>();
    for (String stepId : j.history()) {
      Optional<Page> page = form.page(stepId);
      if (page.isEmpty()) {
        continue;
      }
      for (Question q : page.get().questions()) {
        Optional<Answer> a = j.answer(q.id());
        List<String> lines;
        if (a.isPresent()) {
          lines = display(q, a.get(), l);
          if (lines.stream().allMatch(String::isBlank)) {
            lines = List.of(Validation.notProvided(l));
          }
        } else if (!q.required() && q.showIf().isEmpty()) {
          lines = List.of(Validation.notProvided(l));
        } else {
          continue;
        }
        String label = q.label().in(l);
        rows.add(new Html.Row(label, lines, Optional.of("/change/" + stepId), label.toLowerCase(l)));
      }
    }
    return rows;
  }

  static List<String> display(Question q, Answer a, Locale l) {
    Value v = a.value();
    if (v instanceof Value.Bool b) {
      return List.of(Text.t(l, b.value() ? "yes" : "no"));
    }
    if (v instanceof Value.Date d) {
      return List.of(d.value().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Text.welsh(l) ? Text.WELSH : Locale.UK)));
    }
    if (v instanceof Value.Fields f) {
      return f.values().values().stream().map(CitizenPages::text).toList();
    }
    if (v instanceof Value.Items items) {
      return items.values().stream().map(x -> optionLabel(q, text(x), l)).toList();
    }
    if (q.type() == QuestionType.RADIOS || q.type() == QuestionType.SELECT) {
      return List.of(optionLabel(q, text(v), l));
    }
    if (q.type() == QuestionType.TEXTAREA) {
      return List.of(text(v).split("\\R"));
    }
    return List.of(a.display().filter(s -> !s.isBlank()).orElse(text(v)));
  }

  private static String optionLabel(Question q, String value, Locale l) {
    return q.options().stream().filter(o -> o.value().equals(value)).map(o -> o.label().in(l)).findFirst().orElse(value);
  }

  private void submitStep(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    String step = ctx.pathParam("step");
    Locale l = locale(ctx);
    Map<String, List<String>> input = input(ctx);
    if ("save".equals(ctx.formParam("action")) && form.page(step).isPresent() && !j.status().isFinal()) {
      journeys.update(j.id(), x -> x.toBuilder().draft(step, input).build());
      ctx.redirect("/save");
      return;
    }
    SubmitResult r = journeys.submit(j.id(), step, input, Actor.citizen(), l);
    Optional<HandoffOutcome> handedOff = app.handoffs.afterSubmit(r, contact(r.journey()));
    if (handedOff.isPresent() && !handedOff.get().repeated()) {
      // Repeated errors, or a locked-out email code: a person takes over, with the answers so far.
      app.session(ctx).put("helped", "auto");
      ctx.redirect("/help/requested");
      return;
    }
    if (r instanceof SubmitResult.Invalid invalid) {
      ctx.status(200);
      showStep(ctx, invalid.journey(), step, errorsByQuestion(step, invalid.errors()), Optional.empty());
    } else if (r instanceof SubmitResult.Completed done) {
      if (done.outcome() == Outcome.SUCCESS) {
        // The email address has just been proved: a new session id, so none planted earlier survives.
        app.session(ctx).rotate();
        sendConfirmation(done.journey(), l);
      }
      ctx.redirect("/apply/" + done.journey().currentStep());
    } else {
      ctx.redirect("/apply/" + r.journey().currentStep());
    }
  }

  /** Errors keyed by question id, as the renderer wants them (date errors arrive as {@code id-day} and so on). */
  private Map<String, String> errorsByQuestion(String step, List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Question> questions = form.page(step).map(Page::questions).orElse(List.of());
    for (FieldError e : errors) {
      String id = questions.stream().map(Question::id)
          .filter(q -> e.field().equals(q) || e.field().startsWith(q + "-")).findFirst().orElse(e.field());
      out.putIfAbsent(id, e.message());
    }
    return out;
  }

  private void sendConfirmation(Journey j, Locale l) {
    Optional<String> email = contactEmail(j);
    if (email.isEmpty()) {
      return;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("reference", j.reference().toString());
    p.put("bins", j.answer("number_of_bins").map(a -> text(a.value())).orElse(""));
    p.put("start", j.answer("start_date").map(a -> display(form.question("start_date").orElseThrow(), a, l).get(0))
        .orElse(""));
    app.notifier.send(new NotificationRequest(Notifications.CONFIRMATION, new Recipient.Email(email.get()), p,
        "confirmation-" + j.id().value(), l));
  }

  private void change(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    String step = ctx.pathParam("step");
    if (j.status().isFinal() || !j.history().contains(step) || form.page(step).isEmpty()) {
      ctx.redirect("/apply/" + j.currentStep());
      return;
    }
    journeys.change(j.id(), step, Form.CHECK_ANSWERS);
    ctx.redirect("/apply/" + step);
  }

  // ------------------------------------------------------------------------------------- email code

  private void showCode(Context ctx, Journey j, Map<String, String> errors, Optional<String> notice, Html.Chrome chrome) {
    Locale l = locale(ctx);
    String email = contactEmail(j).orElse("");
    Sessions.Session s = app.session(ctx);
    String flag = "code-sent:" + j.id().value();
    if (s.get(flag).isEmpty() && !email.isEmpty()) {
      app.passcodes.send(new Recipient.Email(email), l);
      s.put(flag, "1");
    }
    Optional<String> error = Optional.ofNullable(errors.get("code"));
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(l, List.<String[]>of(new String[] {"code", m}))));
    notice.ifPresent(n -> c.append("<div class=\"govuk-inset-text\" id=\"notice\">").append(Html.e(n)).append("</div>"));
    c.append(Html.h1(Text.t(l, "code.title")))
        .append("<p class=\"govuk-body\">").append(Html.e(Text.t(l, "code.sent"))).append(" <strong>")
        .append(Html.e(email)).append("</strong></p>")
        .append(Html.p(Text.t(l, "code.expiry")))
        .append("<form method=\"post\" action=\"/apply/").append(GardenWasteForm.CONFIRM_EMAIL).append("\" novalidate>")
        .append(Html.csrf(app.csrf(ctx)))
        .append(Html.input(l, "code", "text", Text.t(l, "code.label"), Optional.of(Text.t(l, "code.hint")), error, "",
            "one-time-code", "govuk-input--width-10"))
        .append(Html.button(Text.welsh(l) ? "Parhau" : "Continue", Optional.empty(), false, "continue"))
        .append("</form>")
        .append(Html.buttonForm("/resend-code", app.csrf(ctx),
            Html.button(Text.t(l, "code.resend"), Optional.empty(), true, "resend")));
    render(ctx, Text.t(l, "code.title"), error.isPresent(), c.toString(), chrome);
  }

  private void resendCode(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    Locale l = locale(ctx);
    if (!j.currentStep().equals(GardenWasteForm.CONFIRM_EMAIL) || j.status().isFinal()) {
      ctx.redirect("/apply/" + j.currentStep());
      return;
    }
    SendResult sent = app.passcodes.send(new Recipient.Email(contactEmail(j).orElse("")), l);
    String notice = sent instanceof SendResult.Sent ? Text.t(l, "code.resent") : Text.t(l, "code.wait");
    showStep(ctx, j, GardenWasteForm.CONFIRM_EMAIL, Map.of(), Optional.of(notice));
  }

  // ------------------------------------------------------------------------------------- save and return

  private Question emailQuestion(String id, String labelKey, Optional<String> hintKey) {
    Question.Builder b = Question.builder(id, QuestionType.EMAIL)
        .label(Text.t(Locale.UK, labelKey), Text.t(Text.WELSH, labelKey))
        .errorNoun("your email address", "eich cyfeiriad e-bost");
    hintKey.ifPresent(h -> b.hint(Text.t(Locale.UK, h), Text.t(Text.WELSH, h)));
    return b.build();
  }

  private void showSave(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    Map<String, List<String>> raw = contactEmail(j).map(e -> Map.of("email", List.of(e))).orElse(Map.of());
    showSave(ctx, j, raw, Map.of());
  }

  private void showSave(Context ctx, Journey j, Map<String, List<String>> raw, Map<String, String> errors) {
    Locale l = locale(ctx);
    Page page = Page.builder("save").title(Text.t(Locale.UK, "save.title"), Text.t(Text.WELSH, "save.title"))
        .question(emailQuestion("email", "save.email", Optional.empty())).build();
    String formHtml = app.renderer.renderForm(page, raw, errors, l, FormOptions.builder()
        .hidden("csrf", app.csrf(ctx))
        .intro(Text.t(l, "save.text"))
        .continueLabel(Text.t(l, "save.send"))
        .build());
    render(ctx, Text.t(l, "save.title"), !errors.isEmpty(),
        app.renderer.renderErrorSummary(page, errors, l) + formHtml,
        Html.Chrome.citizen("/save").back("/apply/" + j.currentStep()));
  }

  private void save(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    Locale l = locale(ctx);
    if (j.status().isFinal()) {
      ctx.redirect("/apply/" + j.currentStep());
      return;
    }
    Map<String, List<String>> in = input(ctx);
    ValidationResult v = Validation.validate(emailQuestion("email", "save.email", Optional.empty()), in, l,
        LocalDate.now(app.config.clock()));
    if (v instanceof ValidationResult.Invalid bad) {
      showSave(ctx, j, in, Map.of("email", bad.error().message()));
      return;
    }
    String email = ((Value.Text) ((ValidationResult.Valid) v).value().orElseThrow()).value();
    journeys.update(j.id(), x -> x.toBuilder().attribute(CONTACT_EMAIL, Value.text(email)).build());
    ResumeTokens.IssuedToken token = journeys.saveForLater(j.id());
    app.notifier.send(new NotificationRequest(Notifications.SAVE_AND_RETURN, new Recipient.Email(email),
        Map.of("reference", j.reference().toString(), "link", resumeLink(token).toString(),
            "expires", expires(token.expiresAt(), l)),
        "save-" + j.id().value() + "-" + keyPart(token.token()), l));
    ctx.redirect("/saved");
  }

  private void saved(Context ctx) {
    Optional<Journey> maybe = journeyOrStart(ctx);
    if (maybe.isEmpty()) {
      return;
    }
    Journey j = maybe.get();
    Locale l = locale(ctx);
    String content = Html.panel(Text.t(l, "saved.title"), Text.t(l, "confirmation.reference"), j.reference().toString())
        + Html.p(Text.t(l, "saved.text"))
        + "<p class=\"govuk-body\">" + Html.link("/apply/" + j.currentStep(), Text.t(l, "helped.continue.link"),
            "continue-now") + "</p>";
    render(ctx, Text.t(l, "saved.title"), false, content, Html.Chrome.citizen("/saved"));
  }

  private void resume(Context ctx) {
    String token = ctx.queryParam("token");
    Locale l = locale(ctx);
    if (token == null) {
      showResume(ctx, Map.of(), Map.of());
      return;
    }
    Journeys.ResumeResult r = journeys.resume(token);
    if (r instanceof Journeys.ResumeResult.Resumed resumed) {
      Sessions.Session s = app.session(ctx);
      s.rotate();
      s.put("journey", resumed.journey().id().value());
      s.put("lang", language(resumed.journey()));
      ctx.redirect("/apply/" + resumed.journey().currentStep());
      return;
    }
    String titleKey = r instanceof Journeys.ResumeResult.Expired ? "link.expired.title"
        : r instanceof Journeys.ResumeResult.Superseded ? "link.superseded.title"
        : r instanceof Journeys.ResumeResult.AlreadyFinished ? "link.finished.title" : "link.unknown.title";
    String content = Html.h1(Text.t(l, titleKey))
        + (r instanceof Journeys.ResumeResult.Superseded ? Html.p(Text.t(l, "link.superseded.text")) : "")
        + "<p class=\"govuk-body\">" + Html.link("/resume", Text.t(l, "link.other"), "resume-by-reference") + "</p>";
    ctx.status(r instanceof Journeys.ResumeResult.Unknown ? 404 : 200);
    render(ctx, Text.t(l, titleKey), false, content, Html.Chrome.citizen("/resume"));
  }

  private void showResume(Context ctx, Map<String, String> values, Map<String, String> errors) {
    Locale l = locale(ctx);
    List<String[]> summary = new ArrayList<>();
    errors.forEach((k, v) -> summary.add(new String[] {k, v}));
    String content = Html.errorSummary(l, summary) + Html.h1(Text.t(l, "resume.title"))
        + "<form method=\"post\" action=\"/resume\" novalidate>" + Html.csrf(app.csrf(ctx))
        + Html.input(l, "reference", "text", Text.t(l, "resume.reference"),
            Optional.of(Text.t(l, "resume.reference.hint")), Optional.ofNullable(errors.get("reference")),
            values.getOrDefault("reference", ""), "off", "govuk-input--width-10")
        + Html.input(l, "email", "email", Text.t(l, "resume.email"), Optional.of(Text.t(l, "resume.email.hint")),
            Optional.ofNullable(errors.get("email")), values.getOrDefault("email", ""), "email", "")
        + Html.button(Text.welsh(l) ? "Parhau" : "Continue", Optional.empty(), false, "continue") + "</form>";
    render(ctx, Text.t(l, "resume.title"), !errors.isEmpty(), content, Html.Chrome.citizen("/resume").back("/"));
  }

  private void resumeByReference(Context ctx) {
    Locale l = locale(ctx);
    String typedRef = Optional.ofNullable(ctx.formParam("reference")).orElse("").strip();
    String typedEmail = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Reference> ref = Reference.parse(typedRef);
    if (ref.isEmpty()) {
      errors.put("reference", Text.t(l, "resume.reference.error"));
    }
    ValidationResult v = Validation.validate(emailQuestion("email", "resume.email", Optional.empty()),
        Map.of("email", List.of(typedEmail)), l, LocalDate.now(app.config.clock()));
    if (v instanceof ValidationResult.Invalid) {
      errors.put("email", Text.t(l, "resume.email.error"));
    }
    if (!errors.isEmpty()) {
      showResume(ctx, Map.of("reference", typedRef, "email", typedEmail), errors);
      return;
    }
    Sessions.Session s = app.session(ctx);
    s.remove("resume-pending");
    Optional<Journey> j = journeys.findByReference(ref.get()).filter(x -> !x.status().isFinal());
    // The same answer whether or not the details match, so the page reveals nothing.
    if (j.isPresent() && contactEmail(j.get()).map(e -> e.equalsIgnoreCase(typedEmail)).orElse(false)) {
      app.passcodes.send(new Recipient.Email(contactEmail(j.get()).get()), l);
      s.put("resume-pending", j.get().id().value());
    }
    ctx.redirect("/resume/code");
  }

  private void showResumeCode(Context ctx) {
    showResumeCode(ctx, Optional.empty());
  }

  private void showResumeCode(Context ctx, Optional<String> error) {
    Locale l = locale(ctx);
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(l, List.<String[]>of(new String[] {"code", m}))));
    c.append(Html.h1(Text.t(l, "code.title"))).append(Html.p(Text.t(l, "resume.code.text")))
        .append(Html.p(Text.t(l, "code.expiry")))
        .append("<form method=\"post\" action=\"/resume/code\" novalidate>").append(Html.csrf(app.csrf(ctx)))
        .append(Html.input(l, "code", "text", Text.t(l, "code.label"), Optional.of(Text.t(l, "code.hint")), error, "",
            "one-time-code", "govuk-input--width-10"))
        .append(Html.button(Text.welsh(l) ? "Parhau" : "Continue", Optional.empty(), false, "continue"))
        .append("</form>");
    render(ctx, Text.t(l, "code.title"), error.isPresent(), c.toString(), Html.Chrome.citizen("/resume/code").back("/resume"));
  }

  private void resumeCode(Context ctx) {
    Locale l = locale(ctx);
    Sessions.Session s = app.session(ctx);
    Optional<Journey> j = s.get("resume-pending").flatMap(io.civickit.core.JourneyId::tryParse).flatMap(journeys::find);
    String typed = Optional.ofNullable(ctx.formParam("code")).orElse("");
    if (j.isEmpty() || contactEmail(j.get()).isEmpty()) {
      showResumeCode(ctx, Optional.of(Text.t(l, "resume.code.error")));
      return;
    }
    CheckResult r = app.passcodes.verify(new Recipient.Email(contactEmail(j.get()).get()), typed);
    if (r instanceof CheckResult.Verified) {
      s.rotate();
      s.remove("resume-pending");
      s.put("journey", j.get().id().value());
      s.put("lang", language(j.get()));
      Journey resumed = journeys.resume(j.get().id());
      ctx.redirect("/apply/" + resumed.currentStep());
      return;
    }
    if (r instanceof CheckResult.LockedOut) {
      app.handoffs.handOff(j.get().id(), HandoffReason.IDENTITY_CHECK_FAILED,
          "too many wrong codes when resuming by reference number", contact(j.get()));
      s.remove("resume-pending");
      s.put("helped", "auto");
      ctx.redirect("/help/requested");
      return;
    }
    showResumeCode(ctx, Optional.of(Text.t(l, "resume.code.error")));
  }

  // ------------------------------------------------------------------------------------- help

  private void showHelp(Context ctx) {
    showHelp(ctx, Map.of(), Map.of());
  }

  private void showHelp(Context ctx, Map<String, List<String>> raw, Map<String, String> errors) {
    Locale l = locale(ctx);
    Optional<Journey> j = app.journey(ctx).filter(x -> !x.status().isFinal());
    if (j.isEmpty()) {
      render(ctx, Text.t(l, "help.title"), false, Html.h1(Text.t(l, "help.title")) + Html.p(Text.t(l, "help.nojourney")),
          Html.Chrome.citizen("/help").noHelp().back("/"));
      return;
    }
    Map<String, List<String>> values = raw.isEmpty()
        ? contactEmail(j.get()).map(e -> Map.of("email", List.of(e))).orElse(Map.of()) : raw;
    Page page = Page.builder("help").title(Text.t(Locale.UK, "help.title"), Text.t(Text.WELSH, "help.title"))
        .question(emailQuestion("email", "help.email", Optional.of("help.email.hint"))).build();
    String formHtml = app.renderer.renderForm(page, values, errors, l, FormOptions.builder()
        .hidden("csrf", app.csrf(ctx))
        .intro(Text.t(l, "help.text"))
        .continueLabel(Text.t(l, "help.button"))
        .build());
    render(ctx, Text.t(l, "help.title"), !errors.isEmpty(),
        app.renderer.renderErrorSummary(page, errors, l) + formHtml
            + Html.p(Text.t(l, "start.offline")),
        Html.Chrome.citizen("/help").noHelp().back("/apply/" + j.get().currentStep()));
  }

  private void askForHelp(Context ctx) {
    Locale l = locale(ctx);
    Optional<Journey> j = app.journey(ctx).filter(x -> !x.status().isFinal());
    if (j.isEmpty()) {
      ctx.redirect("/help");
      return;
    }
    Map<String, List<String>> in = input(ctx);
    ValidationResult v = Validation.validate(emailQuestion("email", "help.email", Optional.empty()), in, l,
        LocalDate.now(app.config.clock()));
    if (v instanceof ValidationResult.Invalid bad) {
      showHelp(ctx, in, Map.of("email", bad.error().message()));
      return;
    }
    String email = ((Value.Text) ((ValidationResult.Valid) v).value().orElseThrow()).value();
    Journey updated = journeys.update(j.get().id(), x -> x.toBuilder().attribute(CONTACT_EMAIL, Value.text(email))
        .build());
    app.handoffs.getHelp(updated.id(), Optional.of(ContactPreference.email(email)));
    app.session(ctx).put("helped", "asked");
    ctx.redirect("/help/requested");
  }

  private void helpRequested(Context ctx) {
    Locale l = locale(ctx);
    Optional<Journey> j = app.journey(ctx);
    boolean auto = app.session(ctx).get("helped").map("auto"::equals).orElse(false);
    StringBuilder c = new StringBuilder();
    j.ifPresentOrElse(
        x -> c.append(Html.panel(Text.t(l, "helped.title"), Text.t(l, "confirmation.reference"), x.reference().toString())),
        () -> c.append(Html.h1(Text.t(l, "helped.title"))));
    if (auto) {
      c.append(Html.p(Text.t(l, "helped.auto")));
    }
    c.append(Html.p(Text.t(l, "helped.next")));
    j.filter(x -> !x.status().isFinal()).ifPresent(x -> c.append("<p class=\"govuk-body\">")
        .append(Html.e(Text.t(l, "helped.continue"))).append(" ")
        .append(Html.link("/apply/" + x.currentStep(), Text.t(l, "helped.continue.link"), "continue-now"))
        .append("</p>"));
    render(ctx, Text.t(l, "helped.title"), false, c.toString(), Html.Chrome.citizen("/help/requested").noHelp());
  }

  // ------------------------------------------------------------------------------------- other

  /** The language a journey was last used in: {@code cy} or {@code en}. */
  static String language(Journey j) {
    Value v = j.attributes().get(LANGUAGE);
    return v instanceof Value.Text t && t.value().equals("cy") ? "cy" : "en";
  }

  private void language(Context ctx) {
    String to = "cy".equals(ctx.queryParam("to")) ? "cy" : "en";
    app.session(ctx).put("lang", to);
    app.journey(ctx).filter(j -> !j.status().isFinal() && !language(j).equals(to))
        .ifPresent(j -> journeys.update(j.id(), x -> x.toBuilder().attribute(LANGUAGE, Value.text(to)).build()));
    String ret = Optional.ofNullable(ctx.queryParam("return")).orElse("/");
    // Only a path on this site: never an open redirect.
    if (!ret.matches("/[A-Za-z0-9/_-]*")) {
      ret = "/";
    }
    ctx.redirect(ret);
  }

  private void info(Context ctx, String titleKey, String textKey) {
    Locale l = locale(ctx);
    render(ctx, Text.t(l, titleKey), false, Html.h1(Text.t(l, titleKey)) + Html.p(Text.t(l, textKey)),
        Html.Chrome.citizen(ctx.path()));
  }
}
