package io.civickit.pay.fee;

import java.util.Objects;

/**
 * One problem with fee rules, found by {@link FeeRules#lint}.
 *
 * @param where where it is, as a JSON path such as {@code items[0].quantity}
 * @param message what is wrong, naming the bad value
 */
public record FeeProblem(String where, String message) {
  /**
   * Checks that both components are present.
   *
   * @throws NullPointerException if either is null
   */
  public FeeProblem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
