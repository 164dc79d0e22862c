package io.civickit.spring;

import io.civickit.core.CivicKitException;
import java.util.Objects;

/**
 * A {@code civickit.*} setting is missing or wrong, so the application cannot start. Spring Boot
 * shows it as a failure analysis: what is wrong, and the {@link #action()} that fixes it.
 */
public class CivicKitConfigurationException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param property the property to set or correct, for example {@code civickit.keys}
   * @param message what is wrong, never a secret's value
   * @param action what to do about it
   */
  public CivicKitConfigurationException(String property, String message, String action) {
    super(Objects.requireNonNull(message, "message"));
    this.property = Objects.requireNonNull(property, "property");
    this.action = Objects.requireNonNull(action, "action");
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param property the property to set or correct
   * @param message what is wrong, never a secret's value
   * @param action what to do about it
   * @param cause the failure
   */
  public CivicKitConfigurationException(String property, String message, String action, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.property = Objects.requireNonNull(property, "property");
    this.action = Objects.requireNonNull(action, "action");
  }

  /** The property to set or correct. */
  public String property() {
    return property;
  }

  /** What to do about it. */
  public String action() {
    return action;
  }
}
