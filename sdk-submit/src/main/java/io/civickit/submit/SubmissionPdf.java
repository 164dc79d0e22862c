package io.civickit.submit;

import io.civickit.submit.internal.PdfCopy;

/**
 * The accessible PDF copy of a submission: the council's name, the form title, the reference,
 * when it was submitted, every question and answer with who supplied it, the payment and the
 * files. Made from XHTML with openhtmltopdf: the PDF is tagged (PDF/UA: headings, a table with
 * header cells, the document language and title set) and its font is embedded, so screen
 * readers and text extraction work.
 *
 * <p>Every piece of text from the submission or the form is HTML-escaped with the OWASP encoder
 * before it goes into the page.
 */
public final class SubmissionPdf {
  private SubmissionPdf() {}

  /**
   * The XHTML the PDF is made from, for a preview or a check.
   *
   * @param submission the submission
   * @param councilName the council's name, printed at the top
   * @param locale the language of the labels and answers ({@code cy} for Welsh)
   * @return a well-formed XHTML document
   */
  public static String html(Submission submission, String councilName, java.util.Locale locale) {
    return PdfCopy.html(submission, councilName, locale);
  }

  /**
   * Renders the PDF.
   *
   * @param submission the submission
   * @param councilName the council's name, printed at the top
   * @param locale the language of the labels and answers
   * @return the PDF's bytes
   * @throws IllegalStateException if the renderer fails, which is a bug: the page and its font are
   *     CivicKit's own
   */
  public static byte[] render(Submission submission, String councilName, java.util.Locale locale) {
    return PdfCopy.render(html(submission, councilName, locale));
  }
}
