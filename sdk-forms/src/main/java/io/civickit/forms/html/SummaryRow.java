package io.civickit.forms.html;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of a check-your-answers summary list.
 *
 * <pre>{@code
 * new SummaryRow("dob", "Date of birth", "1 May 1980", Optional.of("/apply/dob?return=check"),
 *     Optional.of("your date of birth"));
 * new SummaryRow("ref", "Reference", "ABC", Optional.empty(), Optional.empty()); // no Change link
 * }</pre>
 *
 * @param questionId the question's id (for the host's own use, e.g. test ids)
 * @param key the question, as shown in the row's key column
 * @param value the answer as plain text; several lines separated by {@code \n} (an address)
 * @param changeHref where the Change link goes; empty for a row that cannot be changed
 * @param visuallyHiddenChangeText what the Change link changes, read out after "Change" by
 *     screen readers ("Change <i>date of birth</i>"); empty to use {@code key}
 */
public record SummaryRow(String questionId, String key, String value, Optional<String> changeHref,
    Optional<String> visuallyHiddenChangeText) {

  /** Checks for nulls. */
  public SummaryRow {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(changeHref, "changeHref");
    Objects.requireNonNull(visuallyHiddenChangeText, "visuallyHiddenChangeText");
  }

  /**
   * The row with null meaning "no Change link" and "use the key".
   *
   * @param questionId the question's id
   * @param key the question
   * @param value the answer
   * @param changeHref where the Change link goes, or null for none
   * @param visuallyHiddenChangeText what the Change link changes, or null to use {@code key}
   * @deprecated pass {@link Optional}s: {@code Optional.ofNullable(changeHref)}; removed in 0.2
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public SummaryRow(String questionId, String key, String value, @Nullable String changeHref,
      @Nullable String visuallyHiddenChangeText) {
    this(questionId, key, value, Optional.ofNullable(changeHref), Optional.ofNullable(visuallyHiddenChangeText));
  }

  /**
   * The answer's lines.
   *
   * @return the value split at {@code \n}
   */
  public List<String> lines() {
    return List.of(value.split("\n", -1));
  }
}
