package io.civickit.core;

import java.util.Objects;

/**
 * One validation error on a page.
 *
 * @param field the id of the input the error belongs to (the error summary links to it)
 * @param message the message to show, already in the person's language
 */
public record FieldError(String field, String message) {
  /**
   * Checks that both components are present.
   *
   * @throws NullPointerException if {@code field} or {@code message} is null
   */
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
