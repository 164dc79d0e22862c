package io.civickit.web.internal;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.PaymentProviderException;
import io.civickit.pay.RefundResult;
import io.civickit.pay.fee.Fee;
import io.civickit.pay.fee.FeeCalculationException;
import io.civickit.pay.fee.FeeLine;
import io.civickit.pay.step.BeginResult;
import io.civickit.pay.step.NextAction;
import io.civickit.pay.step.PayWebhooks;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.PaymentOutcome;
import io.civickit.pay.step.PaymentReconciler;
import io.civickit.pay.step.PaymentRecord;
import io.civickit.pay.step.PaymentStep;
import io.civickit.pay.step.Payments;
import io.civickit.web.Exchange;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.StepPage;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment step's pages: the fee and "Pay now" (the step {@value #STEP}), the return from
 * GOV.UK Pay and its outcome pages, the fee on check your answers, GOV.UK Pay's webhooks, the
 * reconciler's schedule and the agent console's refund page. {@link Payments} does the work; this
 * class only shows it.
 *
 * <p>The return page is a GET that records something: that is how GOV.UK Pay's return works (it
 * sends the person back with a plain link), and it is safe because the page only asks GOV.UK Pay
 * what happened to the journey's own payment ({@link Payments#onReturn}) and records that answer,
 * which is the same whoever asks and however often: reloading it, a bookmark, or a link-checker
 * fetching it changes nothing that GOV.UK Pay has not already decided. It never takes a payment,
 * never reads anything from its URL (the journey comes from the session) and never trusts the
 * visit itself as proof of payment.
 */
final class PaymentPage implements StepPage {
  /** The payment step's id (its page is {@code /apply/pay}). */
  static final String STEP = "pay";
  /** Where GOV.UK Pay sends the person back. */
  static final String RETURN = "/payment/return";
  /** Where GOV.UK Pay's webhooks are received. */
  static final String WEBHOOK = "/payment/webhook";
  /** The agent console's payments page, below the console's path. */
  static final String AGENT_PATH = "/payments";
  /** GOV.UK Pay's card pages, where "Pay now" redirects to (for the form-action policy). */
  static final String CARD_PAGES = "https://card.payments.service.gov.uk";

  private static final Logger LOG = LoggerFactory.getLogger(PaymentPage.class);

  private final Engine engine;
  private final PayConfig config;
  private final PaymentStep step = PaymentStep.of(STEP);
  private final String csp;
  private Payments payments;
  private Optional<PayWebhooks> webhooks = Optional.empty();
  private PaymentReconciler reconciler;
  private ScheduledExecutorService schedule;

  PaymentPage(Engine engine, PayConfig config) {
    this.engine = engine;
    this.config = config;
    // A POST to "Pay now" is answered with a redirect to GOV.UK Pay's card page: the browser
    // applies form-action to that redirect, so pages with the button allow Pay's origins too.
    Set<String> origins = new LinkedHashSet<>(List.of("'self'", CARD_PAGES));
    URI base = config.client().baseUri();
    if (!base.equals(GovUkPay.DEFAULT_BASE_URI)) {
      origins.add(base.getScheme() + "://" + base.getRawAuthority());
    }
    this.csp = Engine.CSP.replace("form-action 'self'", "form-action " + String.join(" ", origins));
  }

  PaymentStep step() {
    return step;
  }

  /** Builds the engine once the runner's journeys exist. */
  void connect() {
    payments = Payments.builder().journeys(engine.journeys).pay(config.client()).fees(config.fees()).step(step)
        .description(j -> config.description())
        .email(j -> CitizenPages.contactEmail(engine, j).filter(e -> e.length() <= 254))
        .ledger(PaymentLedger.jdbc(engine.config.dataSource())).clock(engine.config.clock()).build();
    webhooks = config.webhookSecret().map(secret -> PayWebhooks.of(payments, secret));
    reconciler = PaymentReconciler.builder(payments).clock(engine.config.clock()).build();
  }

  Payments payments() {
    return payments;
  }

  /** Runs the reconciler every minute, on a daemon thread, until {@link #stop}. */
  void start() {
    schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "civickit-payment-reconciler");
      t.setDaemon(true);
      return t;
    });
    schedule.scheduleWithFixedDelay(this::reconcile, 1, 1, TimeUnit.MINUTES);
  }

  private void reconcile() {
    try {
      PaymentReconciler.Run run = reconciler.runOnce();
      if (run.looked() > 0) {
        LOG.info("payment reconciler: looked at {}, settled {}, could not reach GOV.UK Pay for {}", run.looked(),
            run.settled(), run.failed());
      }
    } catch (RuntimeException e) {
      LOG.warn("payment reconciler failed: {}", e.getClass().getName());
    }
  }

  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  void routes(CitizenPages.Routes r) {
    r.add("GET", RETURN, ex -> afterReturn((ExchangeImpl) ex));
  }

  /** The agent console's payments page and refund button, behind the console's sign-in. */
  void agentRoutes(CitizenPages.Routes r, String base,
      Function<BiFunction<ExchangeImpl, String, WebResponse>, PageHandler> staff) {
    r.add("GET", base + AGENT_PATH, staff.apply(this::agentPayment));
    r.add("POST", base + AGENT_PATH + "/{reference}/refund", staff.apply((ex, who) -> refund(ex, who, base)));
  }

  // ------------------------------------------------------------------------------------- the fee

  private String t(Exchange ex, String key) {
    return ex.text(key);
  }

  /** The fee's lines and total as a GOV.UK table, or nothing when the answers give no fee yet. */
  private String feeTable(Exchange ex, Fee fee, String captionKey) {
    Locale l = ex.locale();
    StringBuilder b = new StringBuilder("<table class=\"govuk-table\" id=\"fee\"><caption class=\"govuk-table__caption "
        + "govuk-table__caption--m\">").append(Html.e(t(ex, captionKey))).append("</caption>")
        .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" "
            + "class=\"govuk-table__header\">").append(Html.e(t(ex, "pay.item")))
        .append("</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">")
        .append(Html.e(t(ex, "pay.amount"))).append("</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (FeeLine line : fee.lines()) {
      String label = line.label(l) + (line.quantity() > 1 && !line.isDiscount() ? " \u00d7 " + line.quantity() : "");
      b.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").append(Html.e(label))
          .append("</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">")
          .append(Html.e(Fee.pounds(line.amountPence()))).append("</td></tr>");
    }
    return b.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">")
        .append(Html.e(t(ex, "pay.total"))).append("</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">"
            + "<strong id=\"total\">").append(Html.e(Fee.pounds(fee.totalPence()))).append("</strong></td></tr>")
        .append("</tbody></table>").toString();
  }

  /**
   * The fee on check your answers.
   *
   * @return a table, or nothing if the answers do not give a fee yet
   */
  String onCheckAnswers(Exchange ex, Journey j) {
    try {
      return feeTable(ex, payments.fee(j), "pay.check.caption");
    } catch (FeeCalculationException e) {
      return "";
    }
  }

  private String payForm(Exchange ex, String labelKey, String id) {
    return "<form method=\"post\" action=\"" + Html.a(ex.url("/apply/" + STEP)) + "\" novalidate>" + ex.csrfField()
        + Html.button(t(ex, labelKey), Optional.empty(), false, id) + "</form>";
  }

  /** A page with the pay button: form-action also allows GOV.UK Pay's card pages. */
  private WebResponse withPayButton(WebResponse page) {
    List<WebResponse.Header> headers = new ArrayList<>(page.headers());
    headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Security-Policy"));
    headers.add(new WebResponse.Header("Content-Security-Policy", csp));
    return new WebResponse(page.status(), headers, page.body());
  }

  // ------------------------------------------------------------------------------------- the step

  /**
   * The payment step's page. A journey that already has a payment under way (a person back from
   * a resume link, or who closed the tab on GOV.UK Pay's page) goes to the return page, which
   * asks GOV.UK Pay where it stands; otherwise the fee and "Pay now". Changes nothing.
   */
  @Override
  public WebResponse show(Exchange ex, Journey j) {
    if (underWay(j)) {
      return ex.redirect(RETURN);
    }
    Fee fee = payments.fee(j);
    String content = Html.h1(t(ex, "pay.title")) + Html.p(t(ex, "pay.intro")) + feeTable(ex, fee, "pay.caption")
        + (fee.isFree() ? payForm(ex, "continue", "pay-now")
            : Html.p(t(ex, "pay.card")) + payForm(ex, "pay.button", "pay-now"));
    return withPayButton(ex.page(t(ex, "pay.title"), content));
  }

  /** A payment attempt whose outcome GOV.UK Pay has not yet told us (or not yet been asked for). */
  private static boolean underWay(Journey j) {
    Value v = j.attributes().get(PaymentStep.ANSWER_KEY);
    if (!(v instanceof Value.Fields f)) {
      return false;
    }
    Optional<String> status = f.get("status").filter(Value.Text.class::isInstance).map(x -> ((Value.Text) x).value());
    return status.map(s -> !s.equals("failed") && !s.equals("cancelled") && !s.equals("error")).orElse(false);
  }

  /** "Pay now" (and "Try again"): one payment however often it is pressed; 303 to GOV.UK Pay. */
  @Override
  public WebResponse submit(Exchange ex, Journey j) {
    BeginResult r;
    try {
      r = payments.begin(j.id(), engine.config.publicUrl().resolve(engine.paths.to(RETURN)), ex.locale());
    } catch (PaymentProviderException e) {
      return providerProblem(ex, e);
    }
    if (r instanceof BeginResult.Redirect go) {
      return new WebResponse(303, List.of(new WebResponse.Header("Location", go.nextUrl().toString())), new byte[0]);
    }
    if (r instanceof BeginResult.AlreadySettled s) {
      return outcome((ExchangeImpl) ex, s.outcome());
    }
    if (r instanceof BeginResult.NothingToPay n) {
      return outcome((ExchangeImpl) ex, n.outcome());
    }
    return ex.redirect("/apply/" + ((BeginResult.NotAvailable) r).currentStep());
  }

  private WebResponse providerProblem(Exchange ex, PaymentProviderException e) {
    LOG.warn("GOV.UK Pay failed: {} {} {}", e.operation(), e.httpStatus(), e.code().orElse(""));
    return ex.page(t(ex, "pay.error.title"), Html.h1(t(ex, "pay.error.title")) + Html.p(t(ex, "pay.error.text"))
        + "<p class=\"govuk-body\">" + Html.link(ex.url("/help"), t(ex, "pay.help"), "get-help") + "</p>",
        PageOptions.CITIZEN.status(503));
  }

  // ------------------------------------------------------------------------------------- the return

  /** GOV.UK Pay's return: asks GOV.UK Pay (never the URL) what happened, and shows it. */
  private WebResponse afterReturn(ExchangeImpl ex) {
    Optional<Journey> j = ex.journey();
    if (j.isEmpty()) {
      return ex.redirect("/");
    }
    if (!j.get().currentStep().equals(STEP) && !j.get().history().contains(STEP)) {
      return ex.redirect("/apply/" + j.get().currentStep());
    }
    try {
      return outcome(ex, payments.onReturn(j.get().id()));
    } catch (PaymentProviderException e) {
      return providerProblem(ex, e);
    }
  }

  /** Where the payment now stands, as a GOV.UK pattern page (or the next step once paid). */
  private WebResponse outcome(ExchangeImpl ex, PaymentOutcome o) {
    ex.journeyChanged();
    Journey j = o.journey();
    if (o instanceof PaymentOutcome.Paid) {
      if (j.status() == JourneyStatus.COMPLETED && j.outcome().filter(Outcome.SUCCESS::equals).isPresent()) {
        // Finished: a new session id, as for any completed journey, and the confirmation email
        // (its idempotency key makes a reload, a webhook or a second tab one email).
        ex.session().rotate();
        CitizenPages.sendConfirmation(engine, j, ex.locale());
      }
      return ex.redirect("/apply/" + j.currentStep());
    }
    if (o instanceof PaymentOutcome.NotStarted) {
      return ex.redirect("/apply/" + j.currentStep());
    }
    String key = o instanceof PaymentOutcome.Declined ? "pay.declined"
        : o instanceof PaymentOutcome.Expired ? "pay.expired"
        : o instanceof PaymentOutcome.CancelledByUser ? "pay.cancelled"
        : o instanceof PaymentOutcome.StillInProgress ? "pay.waiting" : "pay.failed";
    StringBuilder c = new StringBuilder(Html.h1(t(ex, key + ".title"))).append(Html.p(t(ex, key + ".text")));
    if (o instanceof PaymentOutcome.StillInProgress p) {
      p.continueAt().ifPresentOrElse(
          at -> c.append("<p class=\"govuk-body\"><a class=\"govuk-link\" id=\"continue-paying\" href=\"")
              .append(Html.a(at.toString())).append("\">").append(Html.e(t(ex, "pay.waiting.continue")))
              .append("</a></p>"),
          () -> c.append("<p class=\"govuk-body\">").append(Html.link(ex.url(RETURN), t(ex, "pay.waiting.check"), "check-again"))
              .append("</p>"));
    }
    boolean again = o.nextActions().contains(NextAction.TRY_AGAIN);
    if (again) {
      c.append(payForm(ex, "pay.again", "try-again"));
    }
    if (o.nextActions().contains(NextAction.GET_HELP)) {
      c.append("<p class=\"govuk-body\">").append(Html.link(ex.url("/help"), t(ex, "pay.help"), "get-help")).append("</p>");
    }
    WebResponse page = ex.page(t(ex, key + ".title"), c.toString());
    return again ? withPayButton(page) : page;
  }

  // ------------------------------------------------------------------------------------- webhooks

  boolean isWebhook(String method, String path) {
    return webhooks.isPresent() && method.equals("POST") && path.equals(WEBHOOK);
  }

  /**
   * A GOV.UK Pay webhook: no session or CSRF token (GOV.UK Pay has neither), a body bounded
   * before and while it is read, and the signature checked before anything in it is used.
   */
  WebResponse webhook(WebRequest request) {
    Optional<String> length = request.header("Content-Length");
    try {
      if (length.isPresent() && Long.parseLong(length.get().strip()) > PayWebhooks.MAX_BODY_BYTES) {
        return plain(413, "too large").withHeader("Connection", "close");
      }
    } catch (NumberFormatException e) {
      return plain(400, "bad length");
    }
    byte[] body;
    try {
      body = Requests.readBounded(request.body(), PayWebhooks.MAX_BODY_BYTES);
    } catch (Requests.TooLarge e) {
      return plain(413, "too large").withHeader("Connection", "close");
    } catch (IOException e) {
      return plain(400, "unreadable");
    }
    PayWebhooks.Result r;
    try {
      r = webhooks.orElseThrow().receive(body, request.header(PayWebhooks.SIGNATURE_HEADER));
    } catch (PaymentProviderException e) {
      LOG.warn("webhook: GOV.UK Pay could not be asked: {} {}", e.operation(), e.httpStatus());
      return plain(503, "try again");
    } catch (RuntimeException e) {
      LOG.warn("webhook failed: {}", e.getClass().getName());
      return plain(500, "failed");
    }
    if (r instanceof PayWebhooks.Result.BadSignature) {
      LOG.warn("refused a webhook with a missing or wrong signature");
      return plain(401, "bad signature");
    }
    if (r instanceof PayWebhooks.Result.Malformed) {
      return plain(400, "malformed");
    }
    if (r instanceof PayWebhooks.Result.Accepted a && a.outcome() instanceof PaymentOutcome.Paid paid
        && paid.journey().status().isFinal()) {
      Journey j = paid.journey();
      CitizenPages.sendConfirmation(engine, j, CitizenPages.language(j).equals("cy") ? Words.WELSH : Locale.UK);
    }
    return plain(200, "ok");
  }

  private static WebResponse plain(int status, String text) {
    return new WebResponse(status, List.of(new WebResponse.Header("Content-Type", "text/plain; charset=utf-8")),
        text.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------- agent console

  /** Finds a paid application by reference and offers a refund. */
  private WebResponse agentPayment(ExchangeImpl ex, String who) {
    String typed = ex.query("reference").orElse("").strip();
    Optional<Journey> j = Reference.parse(typed).flatMap(engine.journeys::findByReference);
    Optional<PaymentRecord> paid = j.flatMap(payments::record);
    StringBuilder c = new StringBuilder();
    ex.query("done").filter("refunded"::equals).ifPresent(x -> c.append(Html.successBanner("Refund sent to GOV.UK Pay",
        "refunded")));
    c.append(Html.h1("Payments"))
        .append("<form method=\"get\" action=\"").append(Html.a(ex.url(ex.path()))).append("\" novalidate>")
        .append(Html.input(Locale.UK, "reference", "text", "Reference number", Optional.empty(),
            typed.isEmpty() || paid.isPresent() ? Optional.empty() : Optional.of("No payment found for that reference"),
            typed, "off", "govuk-input--width-10"))
        .append(Html.button("Find", Optional.empty(), true, "find")).append("</form>");
    if (paid.isPresent()) {
      PaymentRecord p = paid.get();
      c.append(Html.summaryList(List.of(
          new Html.Row("Reference", List.of(j.get().reference().toString()), Optional.empty(), ""),
          new Html.Row("Amount", List.of(Fee.pounds(p.amountPence())), Optional.empty(), ""),
          new Html.Row("Status", List.of(p.status().apiName()), Optional.empty(), ""),
          new Html.Row("GOV.UK Pay payment ID", List.of(p.paymentId()), Optional.empty(), ""))));
      if (p.status() == io.civickit.pay.PaymentStatus.SUCCESS && !p.paymentId().isEmpty()) {
        c.append("<h2 class=\"govuk-heading-m\">Refund</h2>")
            .append("<form method=\"post\" action=\"").append(Html.a(ex.url(ex.path() + "/" + j.get().reference().value()
                + "/refund"))).append("\" novalidate>").append(ex.csrfField())
            .append(Html.input(Locale.UK, "amount", "text", "Amount to refund, in pounds",
                Optional.of("Up to the amount paid, less any refunds already made"), Optional.empty(),
                new BigDecimal(p.amountPence()).movePointLeft(2).toPlainString(), "off", "govuk-input--width-5"))
            .append(Html.button("Refund", Optional.empty(), false, "refund")).append("</form>");
      }
    }
    return ex.staffPage("Payments", c.toString(), PageOptions.CITIZEN.status(typed.isEmpty() || paid.isPresent()
        ? 200 : 404));
  }

  /** The refund button (POST, CSRF-checked): the adviser's id is recorded on the journey with the refund. */
  private WebResponse refund(ExchangeImpl ex, String who, String base) {
    Optional<Journey> j = ex.pathParam("reference").flatMap(Reference::parse)
        .flatMap(engine.journeys::findByReference);
    Optional<Long> pence = ex.formValue("amount").map(String::strip).filter(a -> a.matches("[0-9]{1,6}(\\.[0-9]{1,2})?"))
        .map(a -> new BigDecimal(a).movePointRight(2).longValueExact()).filter(p -> p > 0);
    if (j.isEmpty() || pence.isEmpty()) {
      return notPossible(ex, base, j.isEmpty() ? "There is no such application." : "Enter an amount in pounds, "
          + "like 45 or 22.50.");
    }
    RefundResult r;
    try {
      r = payments.refund(j.get().id(), pence.get(), Actor.adviser(who));
    } catch (IllegalStateException e) {
      return notPossible(ex, base, "This application has no successful payment to refund.");
    } catch (PaymentProviderException e) {
      LOG.warn("refund failed at GOV.UK Pay: {} {} {}", e.operation(), e.httpStatus(), e.code().orElse(""));
      return notPossible(ex, base, "GOV.UK Pay did not take the refund. Try again later.");
    }
    if (r instanceof RefundResult.Submitted) {
      return ex.redirect(base + AGENT_PATH + "?reference=" + j.get().reference().value() + "&done=refunded");
    }
    return notPossible(ex, base, r instanceof RefundResult.AmountAvailableMismatch
        ? "Someone else refunded this payment at the same time. Look at it again before refunding."
        : "That is more than is left to refund on this payment.");
  }

  private WebResponse notPossible(ExchangeImpl ex, String base, String why) {
    return ex.staffPage("That cannot be done", Html.h1("That cannot be done") + Html.p(why)
        + "<p class=\"govuk-body\">" + Html.link(ex.url(base + AGENT_PATH), "Back to payments", "back-to-payments") + "</p>",
        PageOptions.CITIZEN.status(409));
  }

  @Override
  public String toString() {
    return "PaymentPage[" + STEP + "]";
  }
}
