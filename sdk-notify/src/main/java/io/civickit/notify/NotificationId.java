package io.civickit.notify;

import java.util.Objects;

/**
 * The id of one notification, as assigned by the outbox or a channel.
 *
 * @param value the id; never blank
 */
public record NotificationId(String value) {
  /**
   * Checks the id.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public NotificationId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a notification id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
