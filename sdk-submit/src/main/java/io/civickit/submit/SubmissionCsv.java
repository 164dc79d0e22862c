package io.civickit.submit;

import io.civickit.forms.Form;
import io.civickit.forms.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Submissions as CSV (RFC 4180: comma-separated, every cell quoted, {@code CRLF} between rows,
 * UTF-8), for a team that works in a spreadsheet.
 *
 * <p>The columns are stable for a form version: first {@link #FIXED_COLUMNS}, then one column per
 * question of the form, in the form's order, headed by the question id. A question not on the
 * person's route leaves its cell empty; a skipped optional question reads "Not provided". Each
 * answer cell holds the answer as check your answers shows it (lines of an address separated by
 * a line feed inside the quotes).
 *
 * <p>Spreadsheet safety: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text rather
 * than running it as a formula (OWASP's advice on CSV injection). {@link #cellText(String)}
 * takes the apostrophe off again.
 */
public final class SubmissionCsv {
  private SubmissionCsv() {}

  /** The columns every CSV starts with, in order. */
  public static final List<String> FIXED_COLUMNS = List.of("submission_id", "reference", "form_id", "form_version",
      "submitted_at", "language", "assurance_level", "payment_amount_pence", "payment_status", "payment_reference",
      "payment_provider_id", "attachments");

  /**
   * The answer columns of a form version: its question ids, in order.
   *
   * @param form the form
   * @return the question ids
   */
  public static List<String> columns(Form form) {
    return form.questions().stream().map(Question::id).toList();
  }

  /**
   * The header row, with its line ending.
   *
   * @param columns the answer columns, from {@link #columns(Form)}
   * @return the header line
   */
  public static String header(List<String> columns) {
    List<String> cells = new ArrayList<>(FIXED_COLUMNS);
    cells.addAll(columns);
    return line(cells);
  }

  /**
   * One submission's row, with its line ending.
   *
   * @param columns the answer columns, from {@link #columns(Form)}
   * @param submission the submission
   * @param locale the language of the answers
   * @return the row
   */
  public static String row(List<String> columns, Submission submission, Locale locale) {
    Objects.requireNonNull(submission, "submission");
    List<String> cells = new ArrayList<>();
    cells.add(submission.id());
    cells.add(submission.reference());
    cells.add(submission.formId());
    cells.add(String.valueOf(submission.formVersion()));
    cells.add(submission.submittedAt().toString());
    cells.add(submission.language().getLanguage());
    cells.add(submission.assuranceLevel());
    Optional<SubmittedPayment> p = submission.payment();
    cells.add(p.map(x -> String.valueOf(x.amountPence())).orElse(""));
    cells.add(p.map(SubmittedPayment::status).orElse(""));
    cells.add(p.map(SubmittedPayment::reference).orElse(""));
    cells.add(p.map(SubmittedPayment::providerId).orElse(""));
    cells.add(String.join("\n", submission.attachments().stream().map(a -> a.name() + " (" + a.id() + ")").toList()));
    for (String column : columns) {
      cells.add(submission.answer(column).map(a -> a.formatted(locale)).orElse(""));
    }
    return line(cells);
  }

  /**
   * A batch: the header, then a row per submission (for a daily or weekly file).
   *
   * @param columns the answer columns, from {@link #columns(Form)}
   * @param submissions the submissions, all of the same form version
   * @param locale the language of the answers
   * @return the CSV text
   */
  public static String batch(List<String> columns, List<Submission> submissions, Locale locale) {
    StringBuilder out = new StringBuilder(header(columns));
    for (Submission s : submissions) {
      out.append(row(columns, s, locale));
    }
    return out.toString();
  }

  /**
   * The text a cell stood for, taking off the apostrophe added against formula injection.
   *
   * @param cell a parsed cell
   * @return the text as it was before it was written
   */
  public static String cellText(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && needsGuard(cell.charAt(1)) ? cell.substring(1) : cell;
  }

  /** Whether a cell starting with this character gets an apostrophe: formula starts, and the apostrophe itself. */
  private static boolean needsGuard(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
  }

  private static String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String cell = cells.get(i);
      if (!cell.isEmpty() && needsGuard(cell.charAt(0))) {
        cell = "'" + cell;
      }
      out.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
    return out.append("\r\n").toString();
  }
}
