package io.civickit.submit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One submission on its way to one destination, with its renderings made on first use.
 * Destinations get one per attempt; it is not shared between threads.
 */
public final class Delivery {
  private final Submission submission;
  private final List<String> csvColumns;
  private final String councilName;
  private final Locale teamLanguage;
  private byte[] json;
  private byte[] csv;
  private byte[] pdf;

  /**
   * A delivery.
   *
   * @param submission the document
   * @param csvColumns the question ids that make the CSV's answer columns, in order (see
   *     {@link SubmissionCsv#columns(io.civickit.forms.Form)})
   * @param councilName the council's name, printed on the PDF
   * @param teamLanguage the language of the team's copies (the PDF, the CSV's answers)
   */
  public Delivery(Submission submission, List<String> csvColumns, String councilName, Locale teamLanguage) {
    this.submission = Objects.requireNonNull(submission, "submission");
    this.csvColumns = List.copyOf(csvColumns);
    this.councilName = Objects.requireNonNull(councilName, "councilName");
    this.teamLanguage = Objects.requireNonNull(teamLanguage, "teamLanguage");
  }

  /**
   * The document.
   *
   * @return the submission
   */
  public Submission submission() {
    return submission;
  }

  /**
   * The idempotency key: the submission's id, the same on every attempt and every destination.
   * A receiver that has seen it before drops the delivery.
   *
   * @return the submission id
   */
  public String idempotencyKey() {
    return submission.id();
  }

  /**
   * A file name stem without personal data: the form id and the reference, for example
   * {@code garden-waste-GW7K3M9QXA}.
   *
   * @return the stem, safe on every file system
   */
  public String fileStem() {
    return (submission.formId() + "-" + submission.reference()).replaceAll("[^A-Za-z0-9-]", "");
  }

  /**
   * The council's name.
   *
   * @return the name printed on the PDF
   */
  public String councilName() {
    return councilName;
  }

  /**
   * The language of the team's copies.
   *
   * @return the locale
   */
  public Locale teamLanguage() {
    return teamLanguage;
  }

  /**
   * The document as JSON (UTF-8), see {@link SubmissionJson}.
   *
   * @return the bytes; the caller must not change them
   */
  public byte[] json() {
    if (json == null) {
      json = SubmissionJson.write(submission);
    }
    return json;
  }

  /**
   * The document as a CSV file of a header and one row (UTF-8), see {@link SubmissionCsv}.
   *
   * @return the bytes; the caller must not change them
   */
  public byte[] csv() {
    if (csv == null) {
      csv = SubmissionCsv.batch(csvColumns, List.of(submission), teamLanguage)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return csv;
  }

  /**
   * The accessible PDF copy, see {@link SubmissionPdf}.
   *
   * @return the bytes; the caller must not change them
   */
  public byte[] pdf() {
    if (pdf == null) {
      pdf = SubmissionPdf.render(submission, councilName, teamLanguage);
    }
    return pdf;
  }

  @Override
  public String toString() {
    return "Delivery[" + submission.id() + ", " + submission.reference() + "]";
  }
}
