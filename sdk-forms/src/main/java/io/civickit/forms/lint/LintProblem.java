package io.civickit.forms.lint;

import java.util.Objects;

/**
 * One problem in a form definition.
 *
 * @param path JSON path to the place in the form's JSON, such as {@code $.pages[2].showIf}
 * @param message what is wrong, in English
 */
public record LintProblem(String path, String message) {
  /** Validates both parts are present. */
  public LintProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code path: message}, the form the command line prints. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
