package io.civickit.submit;

import io.civickit.forms.LocalisedText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The submission document: what a completed journey delivers to the council's back office. One
 * per journey, immutable, in format {@link #FORMAT_VERSION}. Its JSON form is described by the
 * JSON Schema at {@value #SCHEMA_RESOURCE} in this jar (see {@link SubmissionJson}).
 *
 * @param formatVersion the version of this document's format ({@link #FORMAT_VERSION} for
 *     documents made by this release)
 * @param id the submission's id: a random UUID, and the idempotency key every destination gets
 * @param reference the journey's human reference, as the person was given it
 * @param formId the form (service) id
 * @param formVersion the form version the answers were given against
 * @param formTitle the form's title in English and Welsh
 * @param submittedAt when the submission was made
 * @param language the language the person used: {@code cy} for Welsh, English otherwise (only
 *     the language is kept, without a country)
 * @param assuranceLevel the identity assurance level the journey reached ({@code none} if no
 *     identity check was made)
 * @param answers every question asked on the person's route, in route order
 * @param payment the payment made, if there was one
 * @param attachments uploaded files, by reference
 */
public record Submission(int formatVersion, String id, String reference, String formId, int formVersion,
    LocalisedText formTitle, Instant submittedAt, Locale language, String assuranceLevel,
    List<SubmittedAnswer> answers, Optional<SubmittedPayment> payment, List<Attachment> attachments) {

  /** The document format this release writes. Readers accept this version and older. */
  public static final int FORMAT_VERSION = 1;

  /** Where the JSON Schema of the document is in the jar. */
  public static final String SCHEMA_RESOURCE = "META-INF/civickit/schema/submission.schema.json";

  /**
   * Checks the components and takes unmodifiable copies of the lists.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the format version is not 1 to {@link #FORMAT_VERSION},
   *     the form version is less than 1, or two answers have the same question id
   */
  public Submission {
    if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
      throw new IllegalArgumentException("submission format version must be 1 to " + FORMAT_VERSION + ", but was "
          + formatVersion);
    }
    SubmittedPayment.notBlank(id, "id");
    SubmittedPayment.notBlank(reference, "reference");
    SubmittedPayment.notBlank(formId, "formId");
    if (formVersion < 1) {
      throw new IllegalArgumentException("form version must be at least 1, but was " + formVersion);
    }
    Objects.requireNonNull(formTitle, "formTitle");
    Objects.requireNonNull(submittedAt, "submittedAt");
    // Only the language counts (en or cy), so a document equals itself read back from JSON.
    language = "cy".equals(Objects.requireNonNull(language, "language").getLanguage()) ? new Locale("cy")
        : Locale.ENGLISH;
    SubmittedPayment.notBlank(assuranceLevel, "assuranceLevel");
    answers = List.copyOf(answers);
    if (answers.stream().map(SubmittedAnswer::questionId).distinct().count() != answers.size()) {
      throw new IllegalArgumentException("submission " + id + " has two answers to the same question");
    }
    Objects.requireNonNull(payment, "payment");
    attachments = List.copyOf(attachments);
  }

  /**
   * Makes the document for a completed journey: every question on the person's route, in route
   * order, with its label and formatted answer in both languages (as check your answers shows
   * them) and who supplied it; the journey's reference and assurance level; the files its file
   * questions hold (by their {@code id} part if the host stored one, otherwise by
   * {@code <reference>/<question id>}) and those in the options.
   *
   * <p>{@link Submissions#submit} calls this; call it directly to preview a document.
   *
   * @param journey a completed journey
   * @param form the form it ran, at the journey's version
   * @param options the language, payment and extra files
   * @param id the submission id
   * @param submittedAt when it is submitted
   * @return the document
   * @throws IllegalArgumentException if the journey is not completed, or ran another form or version
   */
  public static Submission of(io.civickit.core.Journey journey, io.civickit.forms.Form form, SubmitOptions options,
      String id, Instant submittedAt) {
    return io.civickit.submit.internal.Documents.of(journey, form, options, id, submittedAt);
  }

  /**
   * The answer to a question.
   *
   * @param questionId the question's id
   * @return the answer, or empty if the question was not on the person's route
   */
  public Optional<SubmittedAnswer> answer(String questionId) {
    return answers.stream().filter(a -> a.questionId().equals(questionId)).findFirst();
  }

  @Override
  public String toString() {
    // Answers are personal data: only their count is printed.
    return "Submission[" + id + ", " + reference + ", " + formId + " v" + formVersion + ", answers="
        + answers.size() + "]";
  }
}
