package io.civickit.web.internal;

import io.civickit.core.Answer;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.StartOptions;
import io.civickit.core.Value;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.forms.CheckAnswers;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.Page;
import io.civickit.forms.PageInput;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.Section;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import io.civickit.identity.CheckResult;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.StepPage;
import io.civickit.web.WebResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import java.util.function.Function;

/** The pages a member of the public sees: the form, save and return, get help, the language switch. */
// Over 500 lines and kept whole: the citizen's request handlers (start, question pages, check
// answers, resume, confirmation) sharing the session, CSRF and rendering helpers; payment, upload
// and email-code pages are already classes of their own.
final class CitizenPages {
  /** Journey attribute: the address given when saving or asking for help. */
  static final String CONTACT_EMAIL = "contact_email";
  /** Journey attribute: the language the person uses, so emails and a resumed session use it too. */
  static final String LANGUAGE = "language";

  private final Engine engine;
  private final Form form;
  /** The pages of repeating sets ("add to a list"). */
  private final AddToListPages addToList;

  CitizenPages(Engine engine) {
    this.engine = engine;
    this.form = engine.form;
    this.addToList = new AddToListPages(engine);
  }

  interface Routes {
    void add(String method, String pattern, PageHandler handler);
  }

  private static PageHandler h(Function<ExchangeImpl, WebResponse> f) {
    return ex -> f.apply((ExchangeImpl) ex);
  }

  void routes(Routes r) {
    r.add("GET", "/", h(this::start));
    r.add("POST", "/start", h(this::begin));
    r.add("GET", "/apply/{step}", h(this::showStep));
    r.add("POST", "/apply/{step}", h(ex -> submitStep(ex, false)));
    r.add("GET", "/change/{step}", h(this::showChange));
    r.add("POST", "/change/{step}", h(ex -> submitStep(ex, true)));
    r.add("GET", "/save", h(this::showSave));
    r.add("POST", "/save", h(this::save));
    r.add("GET", "/saved", h(this::saved));
    r.add("GET", "/resume", h(this::resume));
    r.add("POST", "/resume", h(this::resumeByReference));
    r.add("POST", "/resume/link", h(this::resumeByLink));
    r.add("GET", "/resume/code", h(ex -> showResumeCode(ex, Optional.empty())));
    r.add("POST", "/resume/code", h(this::resumeCode));
    r.add("GET", "/help", h(ex -> showHelp(ex, Map.of(), Map.of())));
    r.add("POST", "/help", h(ex -> Engine.retryConflicts(() -> askForHelp(ex))));
    r.add("GET", "/help/requested", h(this::helpRequested));
    r.add("POST", "/language", h(ex -> Engine.retryConflicts(() -> language(ex))));
    r.add("GET", "/accessibility", h(ex -> info(ex, "footer.accessibility", "accessibility.text")));
    r.add("GET", "/privacy", h(ex -> info(ex, "footer.privacy", "privacy.text")));
    r.add("GET", "/cookies", h(ex -> info(ex, "footer.cookies", "cookies.text")));
    addToList.routes(r);
  }

  // ------------------------------------------------------------------------------------- helpers

  private String t(ExchangeImpl ex, String key) {
    return ex.text(key);
  }

  private String service(Locale l) {
    return form.title().in(l);
  }

  /** Where the journey's person can be emailed: the email question's answer, or the address given when saving. */
  static Optional<String> contactEmail(Engine engine, Journey j) {
    Optional<String> answered = engine.config.emailQuestion().flatMap(j::answer).map(Answer::value)
        .filter(v -> v instanceof Value.Text).map(v -> ((Value.Text) v).value());
    if (answered.isPresent()) {
      return answered;
    }
    Value v = j.attributes().get(CONTACT_EMAIL);
    return v instanceof Value.Text t ? Optional.of(t.value()) : Optional.empty();
  }

  static String keyPart(String token) {
    return HexFormat.of().formatHex(Digests.sha256(token.getBytes(StandardCharsets.US_ASCII)), 0, 8);
  }

  static String expires(Instant at, Locale l) {
    return DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Words.welsh(l) ? Words.WELSH : Locale.UK)
        .withZone(ZoneId.of("Europe/London")).format(at).replace("AM", "am").replace("PM", "pm");
  }

  /** The resume link for a token, on the public URL. */
  static URI resumeLink(Engine engine, ResumeTokens.IssuedToken token) {
    return token.link(engine.config.publicUrl().resolve(engine.paths.to("/resume")));
  }

  /** The language a journey was last used in: {@code cy} or {@code en}. */
  static String language(Journey j) {
    Value v = j.attributes().get(LANGUAGE);
    return v instanceof Value.Text t && t.value().equals("cy") ? "cy" : "en";
  }

  private Question emailQuestion(String labelKey, Optional<String> hintKey) {
    Question.Builder b = Question.builder("email", QuestionType.EMAIL)
        .label(engine.words.t(Locale.UK, labelKey), engine.words.t(Words.WELSH, labelKey))
        .errorNoun("your email address", "eich cyfeiriad e-bost");
    hintKey.ifPresent(h -> b.hint(engine.words.t(Locale.UK, h), engine.words.t(Words.WELSH, h)));
    return b.build();
  }

  private Optional<String> validEmail(ExchangeImpl ex, Question q, Map<String, List<String>> in,
      Map<String, String> errors) {
    ValidationResult v = Validation.validate(q, in, ex.locale(), LocalDate.now(engine.config.clock()));
    if (v instanceof ValidationResult.Invalid bad) {
      errors.put("email", bad.error().message());
      return Optional.empty();
    }
    return ((ValidationResult.Valid) v).value().map(x -> ((Value.Text) x).value());
  }

  /** Binds the session to a journey the person has just proved is theirs: a new session id first. */
  private void bind(ExchangeImpl ex, Journey j) {
    ex.session().rotate();
    ex.session().put("journey", j.id().value());
    ex.session().put("lang", language(j));
    ex.journeyChanged();
  }

  // ------------------------------------------------------------------------------------- start

  private WebResponse start(ExchangeImpl ex) {
    Locale l = ex.locale();
    String content = "<h1 class=\"govuk-heading-xl\">" + Html.e(service(l)) + "</h1>"
        + Html.p(t(ex, "start.intro")) + Html.p(t(ex, "start.need"))
        + "<form method=\"post\" action=\"" + Html.a(ex.url("/start")) + "\" novalidate>" + ex.csrfField()
        + "<button type=\"submit\" class=\"govuk-button govuk-button--start\" data-module=\"govuk-button\" id=\"start\">"
        + Html.e(t(ex, "start.button"))
        + "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" "
        + "viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" "
        + "d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg></button></form>"
        + "<h2 class=\"govuk-heading-m\">" + Html.e(t(ex, "start.resume.heading")) + "</h2>"
        + "<p class=\"govuk-body\">" + Html.link(ex.url("/resume"), t(ex, "start.resume.link"), "resume-link") + "</p>"
        + Html.p(t(ex, "start.offline"));
    return ex.page(service(l), content);
  }

  private WebResponse begin(ExchangeImpl ex) {
    Journey j = engine.journeys.start(form.id(), StartOptions.builder()
        .attribute(LANGUAGE, Value.text(ex.welsh() ? "cy" : "en")).build());
    ex.session().put("journey", j.id().value());
    ex.journeyChanged();
    return ex.redirect("/apply/" + j.currentStep());
  }

  // ------------------------------------------------------------------------------------- steps

  private WebResponse showStep(ExchangeImpl ex) {
    Optional<Journey> maybe = ex.journey();
    if (maybe.isEmpty()) {
      return ex.redirect(SessionTimeout.noJourney(ex));
    }
    Journey j = maybe.get();
    String step = ex.pathParam("step").orElseThrow();
    if (!step.equals(j.currentStep()) && (j.status().isFinal() || !j.history().contains(step))) {
      return ex.redirect("/apply/" + j.currentStep());
    }
    StepPage custom = engine.stepPages.get(step);
    if (custom != null) {
      return step.equals(j.currentStep()) ? custom.show(ex, j) : ex.redirect("/apply/" + j.currentStep());
    }
    return showStep(ex, j, step, Map.of(), false);
  }

  private WebResponse showChange(ExchangeImpl ex) {
    Optional<Journey> j = ex.journey();
    String step = ex.pathParam("step").orElseThrow();
    if (j.isEmpty() || j.get().status().isFinal() || !j.get().history().contains(step) || form.page(step).isEmpty()) {
      return ex.redirect(j.map(x -> "/apply/" + x.currentStep()).orElseGet(() -> SessionTimeout.noJourney(ex)));
    }
    if (engine.stepPages.get(step) instanceof UploadPage upload) {
      return upload.showChange(ex, j.get());
    }
    return showStep(ex, j.get(), step, Map.of(), true);
  }

  private WebResponse showStep(ExchangeImpl ex, Journey j, String step, Map<String, String> errors, boolean change) {
    Locale l = ex.locale();
    Optional<Page> page = form.page(step);
    Optional<FormEnd> end = form.ends().stream().filter(e -> e.id().equals(step)).findFirst();
    PageOptions o = PageOptions.CITIZEN.errors(!errors.isEmpty());
    Optional<String> back = change ? Optional.of(Form.CHECK_ANSWERS) : backOf(j, step);
    if (back.isPresent() && !j.status().isFinal()) {
      o = o.back("/apply/" + back.get());
    }
    if (page.isPresent() && addToList.handles(step)) {
      return addToList.showSummary(ex, j, page.get(), Optional.empty());
    }
    if (page.isPresent()) {
      Page p = page.get();
      Map<String, List<String>> raw = j.drafts().containsKey(step) ? j.drafts().get(step) : PageInput.of(p, j);
      if (engine.addressFinder.isPresent() && errors.isEmpty()) {
        Optional<WebResponse> finder = engine.addressFinder.get().show(ex, j, p, raw, o);
        if (finder.isPresent()) {
          return finder.get();
        }
        raw = AddressFinder.prefill(ex, p, raw);
      }
      String title = p.title().map(x -> x.in(l))
          .orElseGet(() -> p.questions().isEmpty() ? service(l) : p.questions().get(0).label().in(l));
      String caption = section(p).map(s -> "<span class=\"govuk-caption-l\">" + Html.e(s.title().in(l)) + "</span>")
          .orElse("");
      // Content with a show-if is shown only once resolved against the person's answers.
      Page shown = p.shownTo(j, LocalDate.now(engine.config.clock()));
      String formHtml = engine.renderer.renderForm(shown, raw, errors, l, FormOptions.builder()
          .hidden("csrf", ex.csrfToken())
          .secondaryButton("action", "save", t(ex, "save.button"))
          .build());
      return ex.page(title, engine.renderer.renderErrorSummary(p, errors, l) + caption + formHtml, o);
    }
    if (step.equals(Form.CHECK_ANSWERS)) {
      String content = Html.h1(t(ex, "check.title"))
          + FormRenderer.checkAnswers(UploadPage.withFiles(CheckAnswers.summaryRows(form, j, l, engine.config.clock(),
              s -> ex.url("/change/" + s)), j, engine.stepPages, engine.paths, l), l)
          + addToList.cards(ex, j, l)
          + engine.pay.map(p -> p.onCheckAnswers(ex, j)).orElse("")
          + "<h2 class=\"govuk-heading-m\">" + Html.e(t(ex, "check.send.heading")) + "</h2>"
          + Html.p(t(ex, "check.send.text"))
          + "<form method=\"post\" novalidate>" + ex.csrfField()
          + engine.submissionHook.map(h -> h.copyCheckbox(ex, j)).orElse("")
          + Html.button(t(ex, "check.send.button"), Optional.empty(), false, "accept") + "</form>";
      return ex.page(t(ex, "check.title"), content, o);
    }
    if (end.isPresent()) {
      FormEnd e = end.get();
      String content;
      if (e.outcome() == Outcome.SUCCESS) {
        content = Html.panel(e.title().in(l), t(ex, "confirmation.reference"), j.reference().toString())
            + "<h2 class=\"govuk-heading-m\">" + Html.e(t(ex, "confirmation.next")) + "</h2>"
            + Html.p(e.body().in(l)) + engine.submissionHook.map(h -> h.confirmationNote(ex, j)).orElse("")
            + Html.p(t(ex, "confirmation.keep"));
      } else {
        content = Html.h1(e.title().in(l)) + Html.p(e.body().in(l));
      }
      return ex.page(e.title().in(l), content, o.noHelp());
    }
    return ex.redirect("/apply/" + j.currentStep());
  }

  private Optional<Section> section(Page page) {
    return page.section().flatMap(id -> form.sections().stream().filter(s -> s.id().equals(id)).findFirst());
  }

  private static Optional<String> backOf(Journey j, String step) {
    List<String> h = j.history();
    int at = step.equals(j.currentStep()) ? h.size() : h.lastIndexOf(step);
    return at > 0 ? Optional.of(h.get(at - 1)) : Optional.empty();
  }

  private WebResponse submitStep(ExchangeImpl ex, boolean change) {
    Optional<Journey> maybe = ex.journey();
    if (maybe.isEmpty()) {
      return ex.redirect("/");
    }
    Journey j = maybe.get();
    String step = ex.pathParam("step").orElseThrow();
    StepPage custom = engine.stepPages.get(step);
    if (change && custom instanceof UploadPage upload && !j.status().isFinal() && j.history().contains(step)) {
      return upload.submitChange(ex, j);
    }
    if (custom != null) {
      return step.equals(j.currentStep()) && !j.status().isFinal() ? custom.submit(ex, j)
          : ex.redirect("/apply/" + j.currentStep());
    }
    if (addToList.handles(step)) {
      return addToList.submitSummary(ex, j, step);
    }
    Map<String, List<String>> input = new LinkedHashMap<>(ex.form());
    String action = ex.formValue("action").orElse("");
    input.remove("action");
    if ("save".equals(action) && form.page(step).isPresent() && !j.status().isFinal()) {
      engine.journeys.update(j.id(), x -> x.toBuilder().draft(step, input).build());
      return ex.redirect("/save");
    }
    if (step.equals(Form.CHECK_ANSWERS) && !j.status().isFinal()) {
      Journey onCheck = j;
      engine.submissionHook.ifPresent(h -> h.recordCopyChoice(onCheck, input));
    }
    if (change) {
      if (j.status().isFinal() || !j.history().contains(step) || form.page(step).isEmpty()) {
        return ex.redirect("/apply/" + j.currentStep());
      }
      j = engine.journeys.change(j.id(), step, Form.CHECK_ANSWERS);
    }
    Journey current = j;
    Function<Map<String, List<String>>, WebResponse> proceed = in -> ex.submitStep(current, step, in,
        invalid -> showStep(ex, invalid.journey(), step, ExchangeImpl.errorsByQuestion(form.page(step), invalid.errors()),
            false));
    Optional<Page> page = form.page(step);
    if (engine.addressFinder.isPresent() && page.isPresent()) {
      return engine.addressFinder.get().submit(ex, page.get(), input, PageOptions.CITIZEN, proceed);
    }
    return proceed.apply(input);
  }

  static void sendConfirmation(Engine engine, Journey j, Locale l) {
    Optional<String> email = contactEmail(engine, j);
    if (email.isEmpty()) {
      return;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    for (CheckAnswers.Row row : CheckAnswers.rows(engine.form, j, l, engine.config.clock())) {
      p.put(row.questionId(), row.answer());
    }
    p.put("service", engine.form.title().in(l));
    p.put("reference", j.reference().toString());
    engine.config.notifier().send(new NotificationRequest(Templates.CONFIRMATION, new Recipient.Email(email.get()),
        p, "confirmation-" + j.id().value(), l));
  }

  // ------------------------------------------------------------------------------------- save and return

  private Page singleEmailPage(String id, String titleKey, Question q) {
    return Page.builder(id).title(engine.words.t(Locale.UK, titleKey), engine.words.t(Words.WELSH, titleKey))
        .question(q).build();
  }

  private WebResponse showSave(ExchangeImpl ex) {
    Optional<Journey> j = ex.journey();
    if (j.isEmpty()) {
      return ex.redirect("/");
    }
    return showSave(ex, j.get(), contactEmail(engine, j.get()).map(e -> Map.of("email", List.of(e))).orElse(Map.of()),
        Map.of());
  }

  private WebResponse showSave(ExchangeImpl ex, Journey j, Map<String, List<String>> raw, Map<String, String> errors) {
    Locale l = ex.locale();
    Page page = singleEmailPage("save", "save.title", emailQuestion("save.email", Optional.empty()));
    String formHtml = engine.renderer.renderForm(page, raw, errors, l, FormOptions.builder()
        .hidden("csrf", ex.csrfToken()).intro(t(ex, "save.text")).continueLabel(t(ex, "save.send")).build());
    return ex.page(t(ex, "save.title"), engine.renderer.renderErrorSummary(page, errors, l) + formHtml,
        PageOptions.CITIZEN.errors(!errors.isEmpty()).back("/apply/" + j.currentStep()));
  }

  private WebResponse save(ExchangeImpl ex) {
    Optional<Journey> maybe = ex.journey();
    if (maybe.isEmpty()) {
      return ex.redirect("/");
    }
    Journey j = maybe.get();
    Locale l = ex.locale();
    if (j.status().isFinal()) {
      return ex.redirect("/apply/" + j.currentStep());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> email = validEmail(ex, emailQuestion("save.email", Optional.empty()), ex.form(), errors);
    if (email.isEmpty()) {
      return showSave(ex, j, ex.form(), errors);
    }
    engine.journeys.update(j.id(), x -> x.toBuilder().attribute(CONTACT_EMAIL, Value.text(email.get())).build());
    ResumeTokens.IssuedToken token = engine.journeys.saveForLater(j.id());
    engine.config.notifier().send(new NotificationRequest(Templates.SAVE_AND_RETURN, new Recipient.Email(email.get()),
        Map.of("service", service(l), "reference", j.reference().toString(),
            "link", resumeLink(engine, token).toString(), "expires", expires(token.expiresAt(), l)),
        "save-" + j.id().value() + "-" + keyPart(token.token()), l));
    return ex.redirect("/saved");
  }

  private WebResponse saved(ExchangeImpl ex) {
    Optional<Journey> maybe = ex.journey();
    if (maybe.isEmpty()) {
      return ex.redirect("/");
    }
    Journey j = maybe.get();
    Locale l = ex.locale();
    String content = Html.panel(t(ex, "saved.title"), t(ex, "confirmation.reference"), j.reference().toString())
        + Html.p(t(ex, "saved.text"))
        + "<p class=\"govuk-body\">" + Html.link(ex.url("/apply/" + j.currentStep()), t(ex, "helped.continue.link"),
            "continue-now") + "</p>";
    return ex.page(t(ex, "saved.title"), content);
  }

  /**
   * A resume link opened: shows what it found and, for a good link, a button that binds this
   * browser to the journey with a POST. Opening the link changes nothing, so a mail scanner
   * that fetches it neither uses it up nor gets in.
   */
  private WebResponse resume(ExchangeImpl ex) {
    Optional<String> token = ex.query("token");
    if (token.isEmpty()) {
      return showResume(ex, Map.of(), Map.of());
    }
    ResumeTokens.Redemption r = engine.journeys.tokens().orElseThrow().redeem(token.get());
    if (r instanceof ResumeTokens.Redemption.Valid v) {
      Optional<Journey> j = engine.journeys.find(v.journeyId());
      if (j.isPresent() && !j.get().status().isFinal()) {
        if (ex.existingSession().flatMap(s -> s.get("lang")).isEmpty()) {
          ex.session().put("lang", language(j.get()));
        }
        String content = Html.h1(t(ex, "link.confirm.title")) + Html.p(t(ex, "link.confirm.text"))
            + "<form method=\"post\" action=\"" + Html.a(ex.url("/resume/link")) + "\" novalidate>" + ex.csrfField()
            + Html.hidden("token", token.get())
            + Html.button(t(ex, "continue"), Optional.empty(), false, "continue") + "</form>";
        return ex.page(t(ex, "link.confirm.title"), content, PageOptions.CITIZEN.noHelp());
      }
      return linkProblem(ex, j.isPresent() ? "link.finished.title" : "link.unknown.title", j.isEmpty());
    }
    return linkProblem(ex, problemKey(r), r instanceof ResumeTokens.Redemption.Unknown);
  }

  private String problemKey(ResumeTokens.Redemption r) {
    if (r instanceof ResumeTokens.Redemption.Expired) {
      return "link.expired.title";
    }
    if (r instanceof ResumeTokens.Redemption.Superseded) {
      return "link.superseded.title";
    }
    if (r instanceof ResumeTokens.Redemption.Revoked rv) {
      return engine.journeys.find(rv.journeyId()).filter(j -> !j.status().isFinal()).isPresent()
          ? "link.used.title" : "link.finished.title";
    }
    return "link.unknown.title";
  }

  private WebResponse linkProblem(ExchangeImpl ex, String titleKey, boolean unknown) {
    String content = Html.h1(t(ex, titleKey))
        + (titleKey.equals("link.superseded.title") ? Html.p(t(ex, "link.superseded.text")) : "")
        + "<p class=\"govuk-body\">" + Html.link(ex.url("/resume"), t(ex, "link.other"), "resume-by-reference") + "</p>";
    return ex.page(t(ex, titleKey), content, PageOptions.CITIZEN.status(unknown ? 404 : 200));
  }

  /** The POST from the link's confirmation page: uses the link up (once only) and binds the session. */
  private WebResponse resumeByLink(ExchangeImpl ex) {
    String token = ex.formValue("token").orElse("");
    ResumeTokens.Redemption r = engine.journeys.tokens().orElseThrow().redeem(token);
    if (r instanceof ResumeTokens.Redemption.Valid v) {
      Optional<Journey> j = engine.journeys.find(v.journeyId()).filter(x -> !x.status().isFinal());
      // Revoking is the use: of two browsers sending the same link at once, only one revokes it.
      if (j.isPresent() && engine.journeys.tokens().orElseThrow().revokeAll(v.journeyId()) > 0) {
        bind(ex, j.get());
        Journey resumed = engine.journeys.resume(j.get().id());
        return ex.redirect("/apply/" + resumed.currentStep());
      }
      return linkProblem(ex, j.isPresent() ? "link.used.title" : "link.finished.title", false);
    }
    return linkProblem(ex, problemKey(r), r instanceof ResumeTokens.Redemption.Unknown);
  }

  private WebResponse showResume(ExchangeImpl ex, Map<String, String> values, Map<String, String> errors) {
    Locale l = ex.locale();
    List<String[]> summary = new ArrayList<>();
    errors.forEach((k, v) -> summary.add(new String[] {k, v}));
    String content = Html.errorSummary(l, summary) + Html.h1(t(ex, "resume.title"))
        + "<form method=\"post\" action=\"" + Html.a(ex.url("/resume")) + "\" novalidate>" + ex.csrfField()
        + Html.input(l, "reference", "text", t(ex, "resume.reference"),
            Optional.of(t(ex, "resume.reference.hint")), Optional.ofNullable(errors.get("reference")),
            values.getOrDefault("reference", ""), "off", "govuk-input--width-10")
        + Html.input(l, "email", "email", t(ex, "resume.email"), Optional.of(t(ex, "resume.email.hint")),
            Optional.ofNullable(errors.get("email")), values.getOrDefault("email", ""), "email", "")
        + Html.button(t(ex, "continue"), Optional.empty(), false, "continue") + "</form>";
    return ex.page(t(ex, "resume.title"), content, PageOptions.CITIZEN.errors(!errors.isEmpty()).back("/"));
  }

  private WebResponse resumeByReference(ExchangeImpl ex) {
    Locale l = ex.locale();
    String typedRef = ex.formValue("reference").orElse("").strip();
    String typedEmail = ex.formValue("email").orElse("").strip();
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Reference> ref = Reference.parse(typedRef);
    if (ref.isEmpty()) {
      errors.put("reference", t(ex, "resume.reference.error"));
    }
    Map<String, String> emailErrors = new LinkedHashMap<>();
    validEmail(ex, emailQuestion("resume.email", Optional.empty()), Map.of("email", List.of(typedEmail)), emailErrors);
    if (!emailErrors.isEmpty()) {
      errors.put("email", t(ex, "resume.email.error"));
    }
    if (!errors.isEmpty()) {
      return showResume(ex, Map.of("reference", typedRef, "email", typedEmail), errors);
    }
    ex.session().remove("resume-pending");
    Optional<Journey> j = engine.journeys.findByReference(ref.get()).filter(x -> !x.status().isFinal());
    // The same answer whether or not the details match, so the page reveals nothing.
    if (j.isPresent() && contactEmail(engine, j.get()).map(e -> e.equalsIgnoreCase(typedEmail)).orElse(false)) {
      engine.passcodes.send(new Recipient.Email(contactEmail(engine, j.get()).get()), l);
      ex.session().put("resume-pending", j.get().id().value());
    }
    return ex.redirect("/resume/code");
  }

  private WebResponse showResumeCode(ExchangeImpl ex, Optional<String> error) {
    Locale l = ex.locale();
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(l, List.<String[]>of(new String[] {"code", m}))));
    c.append(Html.h1(t(ex, "code.title"))).append(Html.p(t(ex, "resume.code.text")))
        .append(Html.p(t(ex, "code.expiry")))
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url("/resume/code"))).append("\" novalidate>").append(ex.csrfField())
        .append(Html.input(l, "code", "text", t(ex, "code.label"), Optional.of(t(ex, "code.hint")), error, "",
            "one-time-code", "govuk-input--width-10"))
        .append(Html.button(t(ex, "continue"), Optional.empty(), false, "continue"))
        .append("</form>");
    return ex.page(t(ex, "code.title"), c.toString(), PageOptions.CITIZEN.errors(error.isPresent()).back("/resume"));
  }

  private WebResponse resumeCode(ExchangeImpl ex) {
    Optional<Journey> j = ex.session().get("resume-pending").flatMap(JourneyId::tryParse)
        .flatMap(engine.journeys::find);
    String typed = ex.formValue("code").orElse("");
    if (j.isEmpty() || contactEmail(engine, j.get()).isEmpty()) {
      return showResumeCode(ex, Optional.of(t(ex, "resume.code.error")));
    }
    CheckResult r = engine.passcodes.verify(new Recipient.Email(contactEmail(engine, j.get()).get()), typed);
    if (r instanceof CheckResult.Verified) {
      ex.session().remove("resume-pending");
      bind(ex, j.get());
      Journey resumed = engine.journeys.resume(j.get().id());
      return ex.redirect("/apply/" + resumed.currentStep());
    }
    if (r instanceof CheckResult.LockedOut) {
      engine.handoffs.handOff(j.get().id(), HandoffReason.IDENTITY_CHECK_FAILED,
          "too many wrong codes when resuming by reference number",
          contactEmail(engine, j.get()).map(ContactPreference::email));
      ex.session().remove("resume-pending");
      ex.session().put("helped", "auto");
      return ex.redirect("/help/requested");
    }
    return showResumeCode(ex, Optional.of(t(ex, "resume.code.error")));
  }

  // ------------------------------------------------------------------------------------- help

  private WebResponse showHelp(ExchangeImpl ex, Map<String, List<String>> raw, Map<String, String> errors) {
    Locale l = ex.locale();
    Optional<Journey> j = ex.journey().filter(x -> !x.status().isFinal());
    if (j.isEmpty()) {
      return ex.page(t(ex, "help.title"), Html.h1(t(ex, "help.title")) + Html.p(t(ex, "help.nojourney")),
          PageOptions.CITIZEN.noHelp().back("/"));
    }
    Map<String, List<String>> values = raw.isEmpty()
        ? contactEmail(engine, j.get()).map(e -> Map.of("email", List.of(e))).orElse(Map.of()) : raw;
    Page page = singleEmailPage("help", "help.title", emailQuestion("help.email", Optional.of("help.email.hint")));
    String formHtml = engine.renderer.renderForm(page, values, errors, l, FormOptions.builder()
        .hidden("csrf", ex.csrfToken()).intro(t(ex, "help.text")).continueLabel(t(ex, "help.button")).build());
    return ex.page(t(ex, "help.title"), engine.renderer.renderErrorSummary(page, errors, l) + formHtml
        + Html.p(t(ex, "start.offline")),
        PageOptions.CITIZEN.errors(!errors.isEmpty()).noHelp().back("/apply/" + j.get().currentStep()));
  }

  /** Asks for help: idempotent, so a double click (a conflict on the journey) is retried by the engine. */
  private WebResponse askForHelp(ExchangeImpl ex) {
    ex.journeyChanged();
    Optional<Journey> j = ex.journey().filter(x -> !x.status().isFinal());
    if (j.isEmpty()) {
      return ex.redirect("/help");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> email = validEmail(ex, emailQuestion("help.email", Optional.empty()), ex.form(), errors);
    if (email.isEmpty()) {
      return showHelp(ex, ex.form(), errors);
    }
    Journey updated = engine.journeys.update(j.get().id(),
        x -> x.toBuilder().attribute(CONTACT_EMAIL, Value.text(email.get())).build());
    engine.handoffs.getHelp(updated.id(), Optional.of(ContactPreference.email(email.get())));
    ex.session().put("helped", "asked");
    return ex.redirect("/help/requested");
  }

  private WebResponse helpRequested(ExchangeImpl ex) {
    Locale l = ex.locale();
    Optional<Journey> j = ex.journey();
    boolean auto = ex.session().get("helped").map("auto"::equals).orElse(false);
    StringBuilder c = new StringBuilder();
    j.ifPresentOrElse(
        x -> c.append(Html.panel(t(ex, "helped.title"), t(ex, "confirmation.reference"), x.reference().toString())),
        () -> c.append(Html.h1(t(ex, "helped.title"))));
    if (auto) {
      c.append(Html.p(t(ex, "helped.auto")));
    }
    c.append(Html.p(t(ex, "helped.next")));
    j.filter(x -> !x.status().isFinal()).ifPresent(x -> c.append("<p class=\"govuk-body\">")
        .append(Html.e(t(ex, "helped.continue"))).append(" ")
        .append(Html.link(ex.url("/apply/" + x.currentStep()), t(ex, "helped.continue.link"), "continue-now"))
        .append("</p>"));
    return ex.page(t(ex, "helped.title"), c.toString(), PageOptions.CITIZEN.noHelp());
  }

  // ------------------------------------------------------------------------------------- other

  /**
   * Switches language (a POST: it changes the session and the journey); returns only to a path
   * under the runner's base path, the page's own path as the switch writes it.
   */
  private WebResponse language(ExchangeImpl ex) {
    ex.journeyChanged();
    String to = ex.formValue("to").filter("cy"::equals).orElse("en");
    ex.session().put("lang", to);
    ex.journey().filter(j -> !j.status().isFinal() && !language(j).equals(to))
        .ifPresent(j -> engine.journeys.update(j.id(), x -> x.toBuilder().attribute(LANGUAGE, Value.text(to)).build()));
    return ex.redirect(ex.formValue("return").filter(Requests::isLocalPath).flatMap(engine.paths::within).orElse("/"));
  }

  private WebResponse info(ExchangeImpl ex, String titleKey, String textKey) {
    return ex.page(t(ex, titleKey), Html.h1(t(ex, titleKey)) + Html.p(t(ex, textKey)));
  }
}
