package io.civickit.web.internal;

import io.civickit.core.Journey;
import io.civickit.identity.passcode.PasscodeSendResult;
import io.civickit.notify.Recipient;
import io.civickit.web.Exchange;
import io.civickit.web.PageOptions;
import io.civickit.web.StepPage;
import io.civickit.web.WebResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The email check after check your answers: a code is emailed when the person accepts their
 * answers (a POST), never when the page is merely shown; "Send a new code" posts too.
 */
final class EmailCodePage implements StepPage {
  private final Engine engine;

  EmailCodePage(Engine engine) {
    this.engine = engine;
  }

  private String flag(Journey j) {
    return "code-sent:" + j.id().value();
  }

  @Override
  public void entered(Exchange ex, Journey j) {
    Optional<String> email = CitizenPages.contactEmail(engine, j);
    if (email.isPresent()) {
      engine.passcodes.send(new Recipient.Email(email.get()), ex.locale());
      ex.session().put(flag(j), "1");
    }
  }

  @Override
  public WebResponse show(Exchange ex, Journey j) {
    return page((ExchangeImpl) ex, j, Optional.empty(), Optional.empty(), 200);
  }

  @Override
  public WebResponse submit(Exchange exchange, Journey j) {
    ExchangeImpl ex = (ExchangeImpl) exchange;
    Locale l = ex.locale();
    if (ex.formValue("action").filter("resend"::equals).isPresent()) {
      PasscodeSendResult sent = engine.passcodes.send(new Recipient.Email(CitizenPages.contactEmail(engine, j).orElse("")), l);
      if (sent instanceof PasscodeSendResult.Sent) {
        ex.session().put(flag(j), "1");
      }
      return page(ex, j, Optional.empty(),
          Optional.of(ex.text(sent instanceof PasscodeSendResult.Sent ? "code.resent" : "code.wait")), 200);
    }
    String code = ex.formValue("code").orElse("");
    return ex.submitStep(j, Engine.EMAIL_CHECK, Map.of("code", List.of(code)), invalid -> page(ex, invalid.journey(),
        invalid.errors().stream().findFirst().map(e -> e.message()), Optional.empty(), 200));
  }

  private WebResponse page(ExchangeImpl ex, Journey j, Optional<String> error, Optional<String> notice, int status) {
    Locale l = ex.locale();
    String email = CitizenPages.contactEmail(engine, j).orElse("");
    boolean sent = ex.session().get(flag(j)).isPresent();
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(l, List.<String[]>of(new String[] {"code", m}))));
    notice.ifPresent(n -> c.append("<div class=\"govuk-inset-text\" id=\"notice\">").append(Html.e(n)).append("</div>"));
    c.append(Html.h1(ex.text("code.title")));
    if (sent) {
      c.append("<p class=\"govuk-body\">").append(Html.e(ex.text("code.sent"))).append(" <strong>")
          .append(Html.e(email)).append("</strong></p>");
    } else {
      c.append("<p class=\"govuk-body\">").append(Html.e(ex.text("code.none"))).append(" <strong>")
          .append(Html.e(email)).append("</strong></p>");
    }
    c.append(Html.p(ex.text("code.expiry")))
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url("/apply/" + Engine.EMAIL_CHECK))).append("\" novalidate>")
        .append(ex.csrfField())
        .append(Html.input(l, "code", "text", ex.text("code.label"), Optional.of(ex.text("code.hint")), error, "",
            "one-time-code", "govuk-input--width-10"))
        .append(Html.button(ex.text("continue"), Optional.empty(), false, "continue"))
        .append("</form>")
        .append("<form method=\"post\" action=\"").append(Html.a(ex.url("/apply/" + Engine.EMAIL_CHECK))).append("\" novalidate>")
        .append(ex.csrfField()).append(Html.hidden("action", "resend"))
        .append(Html.button(ex.text("code.resend"), Optional.empty(), true, "resend")).append("</form>");
    PageOptions o = PageOptions.CITIZEN.errors(error.isPresent()).status(status);
    if (!j.history().isEmpty()) {
      o = o.back("/apply/" + j.history().get(j.history().size() - 1));
    }
    return ex.page(ex.text("code.title"), c.toString(), o);
  }
}
