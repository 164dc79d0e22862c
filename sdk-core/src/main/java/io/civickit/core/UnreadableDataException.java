package io.civickit.core;

import java.util.Objects;

/**
 * Data CivicKit wrote or was given could not be read back: a saved journey, a journey event, a
 * handoff context or an outbox row that is not in the shape CivicKit expects (damaged, written by
 * a newer version, or edited by hand). Retrying does not help; the record named by
 * {@link #what()} needs looking at.
 *
 * <p>The message says what was wrong with the shape (a missing field, an unknown type, the line
 * and column of a syntax error) and never quotes the data: it can hold a person's answers.
 */
public class UnreadableDataException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param what the data, such as {@code "a journey event"} or {@code "saved journey 7f…"}
   * @param problem what is wrong with it, never quoting its values
   */
  public UnreadableDataException(String what, String problem) {
    super(Objects.requireNonNull(what, "what") + ": " + Objects.requireNonNull(problem, "problem"));
    this.what = what;
    this.problem = problem;
  }

  /**
   * As {@link #UnreadableDataException(String, String)}, with the parser's failure. Pass a parser
   * failure through {@link Failures#redacted} if its message may quote the data (Jackson's does).
   */
  public UnreadableDataException(String what, String problem, Throwable cause) {
    super(Objects.requireNonNull(what, "what") + ": " + Objects.requireNonNull(problem, "problem"),
        Objects.requireNonNull(cause, "cause"));
    this.what = what;
    this.problem = problem;
  }

  /** The data that could not be read. */
  public String what() {
    return what;
  }

  /** What is wrong with it. */
  public String problem() {
    return problem;
  }
}
