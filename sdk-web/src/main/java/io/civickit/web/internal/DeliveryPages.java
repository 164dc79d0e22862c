package io.civickit.web.internal;

import io.civickit.submit.DeliveryState;
import io.civickit.web.PageHandler;
import io.civickit.web.PageOptions;
import io.civickit.web.WebResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent console's "Deliveries that failed": the dead-lettered deliveries of submissions
 * (reference, destination, when, the last error's category: no answers, no personal data) and a
 * "Send again" button for each, a POST with the CSRF token, recorded with the adviser's id.
 */
final class DeliveryPages {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPages.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));
  /** Submission ids are UUIDs. */
  private static final String SUBMISSION_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final SubmissionHook hook;
  private final String path;

  DeliveryPages(SubmissionHook hook, String consolePath) {
    this.hook = hook;
    this.path = consolePath + "/deliveries";
  }

  /** The console's navigation entry, under the base path. */
  static String[] nav(Paths paths, String consolePath) {
    return new String[] {paths.to(consolePath + "/deliveries"), "Deliveries that failed"};
  }

  void routes(CitizenPages.Routes r, Function<BiFunction<ExchangeImpl, String, WebResponse>, PageHandler> staff) {
    r.add("GET", path, staff.apply(this::list));
    r.add("POST", path + "/send-again", staff.apply(this::sendAgain));
  }

  /**
   * The category of a delivery's last error: its first clause, without what follows a colon (a
   * counterpart's own words) and at most 80 characters.
   */
  static String category(Optional<String> lastError) {
    String e = lastError.orElse("unknown").strip();
    int colon = e.indexOf(':');
    String head = colon > 0 ? e.substring(0, colon) : e;
    return head.length() > 80 ? head.substring(0, 79) + "\u2026" : head;
  }

  private WebResponse list(ExchangeImpl ex, String who) {
    List<DeliveryState> dead = hook.submissions().deadLetters();
    StringBuilder c = new StringBuilder();
    ex.query("sent").filter(ref -> ref.matches("[0-9A-Z-]{1,20}")).ifPresent(ref -> c.append(
        "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
            + "aria-labelledby=\"banner-title\" data-module=\"govuk-notification-banner\">"
            + "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
            + "id=\"banner-title\">Success</h2></div><div class=\"govuk-notification-banner__content\">"
            + "<p class=\"govuk-notification-banner__heading\" id=\"sent\">" + Html.e(ref)
            + " queued to send again</p></div></div>"));
    c.append(Html.h1("Deliveries that failed"));
    if (dead.isEmpty()) {
      c.append(Html.p("Every submission has been delivered or is on its way."));
      return ex.staffPage("Deliveries that failed", c.toString(), PageOptions.CITIZEN);
    }
    c.append(Html.p("These submissions could not be delivered after every attempt. Put the fault right (an address, "
        + "a password, the case system), then send them again."));
    c.append("<table class=\"govuk-table\" id=\"dead-letters\"><caption class=\"govuk-table__caption "
        + "govuk-table__caption--m\">").append(dead.size()).append(dead.size() == 1 ? " delivery" : " deliveries")
        .append("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
    for (String h : new String[] {"Reference", "Destination", "Attempts", "Last tried", "Last error", "Action"}) {
      c.append("<th scope=\"col\" class=\"govuk-table__header\">").append(h).append("</th>");
    }
    c.append("</tr></thead><tbody class=\"govuk-table__body\">");
    for (DeliveryState d : dead) {
      c.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").append(Html.e(d.reference()))
          .append("</td><td class=\"govuk-table__cell\">").append(Html.e(d.destination()))
          .append("</td><td class=\"govuk-table__cell\">").append(d.attempts())
          .append("</td><td class=\"govuk-table__cell\">").append(Html.e(WHEN.format(d.updatedAt())))
          .append("</td><td class=\"govuk-table__cell\">").append(Html.e(category(d.lastError())))
          .append("</td><td class=\"govuk-table__cell\"><form method=\"post\" action=\"").append(Html.a(ex.url(path + "/send-again")))
          .append("\" novalidate>").append(ex.csrfField())
          .append(Html.hidden("submission", d.submissionId())).append(Html.hidden("destination", d.destination()))
          .append("<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" "
              + "data-module=\"govuk-button\">Send again<span class=\"govuk-visually-hidden\"> ")
          .append(Html.e(d.reference() + " to " + d.destination())).append("</span></button></form></td></tr>");
    }
    c.append("</tbody></table>");
    return ex.staffPage("Deliveries that failed", c.toString(), PageOptions.CITIZEN);
  }

  private WebResponse sendAgain(ExchangeImpl ex, String who) {
    String submission = ex.formValue("submission").filter(s -> s.matches(SUBMISSION_ID)).orElse("");
    String destination = ex.formValue("destination").filter(s -> !s.isBlank() && s.length() <= 100).orElse("");
    Optional<DeliveryState> dead = submission.isEmpty() || destination.isEmpty() ? Optional.empty()
        : hook.submissions().deadLetters().stream()
            .filter(d -> d.submissionId().equals(submission) && d.destination().equals(destination)).findFirst();
    if (dead.isEmpty() || !hook.submissions().sendAgain(submission, destination)) {
      return ex.staffPage("That cannot be done", Html.h1("That cannot be done")
          + Html.p("That delivery is not waiting to be sent again: it may have been sent again already.")
          + "<p class=\"govuk-body\">" + Html.link(ex.url(path), "Back to deliveries that failed", "back-to-deliveries")
          + "</p>", PageOptions.CITIZEN.status(409));
    }
    // The audit trail: who sent what again (a staff id, a reference and a destination name: no personal data).
    LOG.info("adviser {} sent submission {} ({}) to '{}' again", who, dead.get().reference(), submission, destination);
    return ex.redirect(path + "?sent=" + dead.get().reference());
  }
}
