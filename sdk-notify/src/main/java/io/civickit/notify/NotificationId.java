package io.civickit.notify;

import java.util.Objects;

/** The id of one notification, as assigned by the outbox or a channel. */
public record NotificationId(String value) {
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
