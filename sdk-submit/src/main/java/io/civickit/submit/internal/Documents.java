package io.civickit.submit.internal;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Value;
import io.civickit.forms.CheckAnswers;
import io.civickit.forms.Form;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.submit.Attachment;
import io.civickit.submit.SubmitOptions;
import io.civickit.submit.Submission;
import io.civickit.submit.SubmittedAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Makes the submission document from a completed journey and its form. */
public final class Documents {
  private static final Locale EN = Locale.UK;
  private static final Locale CY = Locale.forLanguageTag("cy");

  private Documents() {}

  public static Submission of(Journey journey, Form form, SubmitOptions options, String id, Instant at) {
    if (journey.status() != JourneyStatus.COMPLETED) {
      throw new IllegalArgumentException("journey " + journey.reference() + " is " + journey.status()
          + ": only a completed journey can be submitted");
    }
    if (!journey.definitionId().equals(form.id()) || journey.definitionVersion() != form.version()) {
      throw new IllegalArgumentException("journey " + journey.reference() + " ran form '" + journey.definitionId()
          + "' v" + journey.definitionVersion() + " but the form given is '" + form.id() + "' v" + form.version());
    }
    // "Today" for conditions on dates: the day of submission, in UTC like the stored instant.
    Clock clock = Clock.fixed(at, ZoneOffset.UTC);
    List<CheckAnswers.Row> en = CheckAnswers.rows(form, journey, EN, clock);
    List<CheckAnswers.Row> cy = CheckAnswers.rows(form, journey, CY, clock);
    List<SubmittedAnswer> answers = new ArrayList<>(en.size());
    List<Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < en.size(); i++) {
      CheckAnswers.Row row = en.get(i);
      Question q = form.question(row.questionId()).orElseThrow();
      Answer a = journey.answers().get(q.id());
      Optional<Value> value = a != null && AnswerFormat.provided(a.value()) ? Optional.of(a.value()) : Optional.empty();
      Actor by = a == null ? Actor.citizen() : a.suppliedBy();
      answers.add(new SubmittedAnswer(q.id(), q.type().jsonName(), q.label(), value, row.answer(),
          cy.get(i).answer(), by, a != null && a.prefilled()));
      if (q.type() == QuestionType.FILE && value.isPresent()) {
        // One file's fields, or a list of them (a question taking several files).
        List<Value> files = value.get() instanceof Value.Items items ? items.values() : List.of(value.get());
        for (Value file : files) {
          if (file instanceof Value.Fields f) {
            attachment(journey, q, f).ifPresent(attachments::add);
          }
        }
      }
    }
    attachments.addAll(options.attachments());
    return new Submission(Submission.FORMAT_VERSION, id, journey.reference().toString(), form.id(), form.version(),
        form.title(), at, options.language(), journey.assuranceLevel(), answers, options.payment(), attachments);
  }

  /**
   * A file's fields as an attachment (sdk-files' {@code FileRef.toValue()}: {@code id},
   * {@code name}, {@code size}, {@code contentType}; {@code type} is read too): its {@code id}
   * part, or the reference and question id.
   */
  private static Optional<Attachment> attachment(Journey journey, Question q, Value.Fields f) {
    Optional<String> name = text(f, "name");
    Optional<BigDecimal> size = f.get("size").filter(Value.Decimal.class::isInstance)
        .map(v -> ((Value.Decimal) v).value());
    if (name.isEmpty() || size.isEmpty() || size.get().signum() <= 0) {
      return Optional.empty();
    }
    String id = text(f, "id").orElse(journey.reference() + "/" + q.id());
    return Optional.of(new Attachment(id, name.get(), size.get().longValue(),
        text(f, "contentType").or(() -> text(f, "type")).filter(t -> !t.isBlank())
            .orElse("application/octet-stream")));
  }

  private static Optional<String> text(Value.Fields f, String part) {
    return f.get(part).filter(Value.Text.class::isInstance).map(v -> ((Value.Text) v).value());
  }
}
