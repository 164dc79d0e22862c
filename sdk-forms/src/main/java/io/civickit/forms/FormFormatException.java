package io.civickit.forms;

import io.civickit.core.CivicKitException;
import io.civickit.forms.lint.LintProblem;
import java.util.List;

/**
 * A form's JSON is not a form: it does not parse, has a field of the wrong type, misses an id,
 * names an unknown question type, has a condition that does not parse, or breaks a limit.
 * {@link #path()} points at the first problem, such as {@code $.pages[2].questions[0].type};
 * {@link #problems()} lists every problem found.
 */
public final class FormFormatException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient List<LintProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one, the first being the one reported
   */
  public FormFormatException(List<LintProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<LintProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a form format exception needs at least one problem");
    }
    String first = "bad form: " + problems.get(0);
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }

  /**
   * Where the first problem is.
   *
   * @return the JSON path of the first problem, e.g. {@code $.pages[0].id}
   */
  public String path() {
    return problems.get(0).path();
  }

  /**
   * What the first problem is.
   *
   * @return what is wrong at {@link #path()}, in English
   */
  public String problem() {
    return problems.get(0).message();
  }

  /**
   * Every problem found, not only the first.
   *
   * @return the problems, in document order
   */
  public List<LintProblem> problems() {
    return problems;
  }
}
