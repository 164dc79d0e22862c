package io.civickit.pay.fee;

import io.civickit.core.CivicKitException;
import java.util.List;
import java.util.stream.Collectors;

/** Fee rules that cannot be used: the message lists every problem, each with where it is. */
public final class FeeRulesException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient List<FeeProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong, at least one
   */
  public FeeRulesException(List<FeeProblem> problems) {
    super("the fee rules have " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
        + problems.stream().map(FeeProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in order. */
  public List<FeeProblem> problems() {
    return problems;
  }
}
