package io.civickit.forms.html;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a check-your-answers summary list.
 *
 * @param questionId the question's id (for the host's own use, e.g. test ids)
 * @param key the question, as shown in the row's key column
 * @param value the answer as plain text; several lines separated by {@code \n} (an address)
 * @param changeHref where the Change link goes, or null for a row that cannot be changed
 * @param visuallyHiddenChangeText what the Change link changes, read out after "Change" by
 *     screen readers ("Change <i>date of birth</i>"); null to use {@code key}
 */
public record SummaryRow(String questionId, String key, String value, @Nullable String changeHref,
    @Nullable String visuallyHiddenChangeText) {

  /** Checks for nulls. */
  public SummaryRow {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
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
