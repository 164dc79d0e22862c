package io.civickit.forms;

import java.util.Objects;

/**
 * A conditional jump from a page: when the condition holds after the page is answered, the
 * person goes to {@code to} (a page or an end) instead of the next page.
 *
 * @param from the page id
 * @param condition condition-language source, e.g. {@code lives-in-area = "no"}
 * @param to the target page or end id
 */
public record FormRoute(String from, String condition, String to) {
  /** Validates the route. */
  public FormRoute {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(to, "to");
    if (condition.isBlank()) {
      throw new IllegalArgumentException("route from '" + from + "' to '" + to + "' has a blank condition");
    }
  }
}
