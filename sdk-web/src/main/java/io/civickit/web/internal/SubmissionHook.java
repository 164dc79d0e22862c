package io.civickit.web.internal;

import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.Value;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.submit.SubmittedPayment;
import io.civickit.submit.SubmissionSchema;
import io.civickit.submit.Submissions;
import io.civickit.submit.SubmitOptions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each completed journey to sdk-submit, once: on the journey's completion event (whichever
 * page or step completed it: a form page, the email check, a payment coming back), with the
 * person's language, the payment the payment step recorded and the copy of their answers they
 * asked for on check your answers. {@code Submissions.submit} is idempotent per journey id, so a
 * repeated POST or a second instance stores one document and queues each delivery once.
 */
final class SubmissionHook implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionHook.class);
  /** Journey attribute: whether the person asked for a copy of their answers ({@code yes}/{@code no}). */
  static final String COPY = "submission_copy";
  /** The check-your-answers field of the "email me a copy" checkbox. */
  static final String COPY_FIELD = "copy";
  /** The answer sdk-pay's payment step writes: a group of id, amount, status, reference, provider. */
  static final String PAYMENT_ANSWER = "payment";

  private final Engine engine;
  private final Submissions submissions;
  private final Duration retention;

  SubmissionHook(Engine engine, Submissions submissions, Duration retention) {
    this.engine = engine;
    this.submissions = submissions;
    this.retention = retention;
    if (engine.config.installSchema()) {
      SubmissionSchema.install(engine.config.dataSource());
    }
  }

  /** Starts the delivery workers on this instance. */
  void start() {
    submissions.start();
  }

  /** Stops them. */
  void stop() {
    submissions.close();
  }

  Submissions submissions() {
    return submissions;
  }

  /** On a successful completion, submits the journey. Never throws: the journey is complete whatever happens here. */
  @Override
  public void publish(JourneyEvent event) {
    if (event instanceof JourneyEvent.Completed done && done.outcome() == Outcome.SUCCESS) {
      JourneyId id = done.subject().journeyId();
      try {
        engine.journeys.find(id).ifPresent(this::submit);
      } catch (RuntimeException e) {
        // The class only: a message may quote a database value. The journey stays completed.
        LOG.error("could not submit a completed journey: {}", e.getClass().getName());
      }
    }
  }

  /**
   * Submits a completed journey (again: it is idempotent), then sends the copy the person asked for.
   *
   * @param j the completed journey
   */
  void submit(Journey j) {
    SubmitOptions.Builder options = SubmitOptions.builder()
        .language("cy".equals(CitizenPages.language(j)) ? Words.WELSH : java.util.Locale.UK);
    payment(j).ifPresent(options::payment);
    String submissionId = submissions.submit(j, engine.form, options.build()).id();
    if (wantsCopy(j) && submissions.sendsApplicantCopies()) {
      CitizenPages.contactEmail(engine, j).ifPresent(email -> submissions.sendCopyToApplicant(submissionId, email));
    }
  }

  /** The payment sdk-pay's step saved on the journey, if one was taken (nothing when none was due). */
  static Optional<SubmittedPayment> payment(Journey j) {
    Optional<Value> v = j.answer(PAYMENT_ANSWER).map(Answer::value);
    if (v.isEmpty() || !(v.get() instanceof Value.Fields f)) {
      return Optional.empty();
    }
    String id = text(f, "id");
    long amount = f.get("amount").filter(Value.Decimal.class::isInstance)
        .map(x -> ((Value.Decimal) x).value()).map(BigDecimal::longValue).orElse(0L);
    if (id.isBlank() || amount <= 0) {
      return Optional.empty();
    }
    String status = text(f, "status");
    String reference = text(f, "reference");
    return Optional.of(new SubmittedPayment(amount, id, status.isBlank() ? "success" : status,
        reference.isBlank() ? j.reference().value() : reference));
  }

  private static String text(Value.Fields f, String name) {
    return f.get(name).filter(Value.Text.class::isInstance).map(x -> ((Value.Text) x).value()).orElse("");
  }

  // ------------------------------------------------------------------------------------ a copy for the person

  /** Whether the "email me a copy" checkbox is offered: copies can be sent and the form asks for an email address. */
  boolean offersCopy() {
    return submissions.sendsApplicantCopies() && engine.config.emailQuestion().isPresent();
  }

  static boolean wantsCopy(Journey j) {
    return j.attributes().get(COPY) instanceof Value.Text t && t.value().equals("yes");
  }

  /** The checkbox for check your answers, ticked if the person ticked it before. */
  String copyCheckbox(ExchangeImpl ex, Journey j) {
    if (!offersCopy()) {
      return "";
    }
    return "<div class=\"govuk-form-group\"><div class=\"govuk-checkboxes govuk-checkboxes--small\" "
        + "data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">"
        + "<input class=\"govuk-checkboxes__input\" id=\"" + COPY_FIELD + "\" name=\"" + COPY_FIELD
        + "\" type=\"checkbox\" value=\"yes\" aria-describedby=\"copy-hint\"" + (wantsCopy(j) ? " checked" : "") + ">"
        + "<label class=\"govuk-label govuk-checkboxes__label\" for=\"" + COPY_FIELD + "\">"
        + Html.e(ex.text("check.copy")) + "</label>"
        + "<div id=\"copy-hint\" class=\"govuk-hint govuk-checkboxes__hint\">" + Html.e(ex.text("check.copy.hint"))
        + "</div></div></div></div>";
  }

  /**
   * Takes the checkbox out of check your answers' input and keeps the choice on the journey.
   *
   * @param j the journey, on check your answers
   * @param input the page's fields; {@value #COPY_FIELD} is removed
   */
  void recordCopyChoice(Journey j, Map<String, List<String>> input) {
    List<String> ticked = input.remove(COPY_FIELD);
    if (!offersCopy()) {
      return;
    }
    String choice = ticked != null && ticked.contains("yes") ? "yes" : "no";
    if (!(j.attributes().get(COPY) instanceof Value.Text t && t.value().equals(choice))) {
      engine.journeys.update(j.id(), x -> x.toBuilder().attribute(COPY, Value.text(choice)).build());
    }
  }

  /** The confirmation page's line saying where the copy went, if the person asked for one. */
  String confirmationNote(ExchangeImpl ex, Journey j) {
    if (!offersCopy() || !wantsCopy(j)) {
      return "";
    }
    return CitizenPages.contactEmail(engine, j).map(email -> "<p class=\"govuk-body\" id=\"copy-sent\">"
        + Html.e(ex.text("confirmation.copy")) + " <strong>" + Html.e(email) + "</strong></p>").orElse("");
  }

  // ------------------------------------------------------------------------------------ catching up

  /**
   * Submits journeys of this form that completed successfully in the last days but have no
   * submission: the submit on their completion failed (the database was unavailable a moment) or
   * the instance stopped in between. Looks only as far back as half the retention period (at most
   * 7 days), so a document purged after delivery is never made again.
   *
   * @param now the time now
   * @return how many journeys were submitted late
   */
  int catchUp(Instant now) {
    Duration window = Duration.ofDays(7);
    if (!retention.isZero() && retention.dividedBy(2).compareTo(window) < 0) {
      window = retention.dividedBy(2);
    }
    List<JourneyId> missed = new ArrayList<>();
    try (Connection c = engine.config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT DISTINCT e.journey_id FROM civickit_journey_events e"
            + " WHERE e.event_type = 'completed' AND e.outcome = 'SUCCESS' AND e.definition_id = ?"
            + " AND e.occurred_at >= ? AND NOT EXISTS (SELECT 1 FROM civickit_submission s"
            + " WHERE s.journey_id = e.journey_id)")) {
      ps.setString(1, engine.form.id());
      ps.setObject(2, OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JourneyId.tryParse(rs.getString(1)).ifPresent(missed::add);
        }
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_journey_events", "look for completed journeys without a submission",
          e);
    }
    int submitted = 0;
    for (JourneyId id : missed) {
      try {
        Optional<Journey> j = engine.journeys.find(id)
            .filter(x -> x.status() == JourneyStatus.COMPLETED && x.outcome().filter(Outcome.SUCCESS::equals).isPresent());
        if (j.isPresent()) {
          submit(j.get());
          submitted++;
        }
      } catch (RuntimeException e) {
        LOG.error("could not submit a completed journey late: {}", e.getClass().getName());
      }
    }
    if (submitted > 0) {
      LOG.warn("submitted {} completed journeys late", submitted);
    }
    return submitted;
  }

  // ------------------------------------------------------------------------------------ retention

  /**
   * Deletes stored submission documents older than the retention period that every destination holds.
   *
   * @param now the time now
   * @return how many were deleted
   */
  int purge(Instant now) {
    return retention.isZero() ? 0 : submissions.purgeDeliveredBefore(now.minus(retention));
  }
}
