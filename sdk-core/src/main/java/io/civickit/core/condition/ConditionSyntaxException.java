package io.civickit.core.condition;

import io.civickit.core.CivicKitException;

/**
 * A condition that does not parse. The message names what was expected, what was found and
 * where; {@link #position()} is the zero-based character offset of the problem.
 */
public final class ConditionSyntaxException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String problem;

  /**
   * Creates the exception. The message quotes the source, cut to 120 characters.
   *
   * @param problem what is wrong, such as what was expected and what was found
   * @param position the zero-based offset of the character where the problem was found
   * @param source the whole condition text
   */
  public ConditionSyntaxException(String problem, int position, String source) {
    super(problem + " at position " + position + " in condition: " + excerpt(source));
    this.position = position;
    this.problem = problem;
  }

  private static String excerpt(String source) {
    return source.length() <= 120 ? source : source.substring(0, 117) + "...";
  }

  /** The zero-based offset of the character where the problem was found. */
  public int position() {
    return position;
  }

  /** What is wrong, without the position and source. */
  public String problem() {
    return problem;
  }
}
