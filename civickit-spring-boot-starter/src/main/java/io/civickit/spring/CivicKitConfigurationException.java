package io.civickit.spring;

import io.civickit.core.ConfigurationException;

/**
 * A {@code civickit.*} setting is missing or wrong, so the application cannot start: sdk-core's
 * {@link ConfigurationException} with a whole sentence as its {@link #problem()}. Spring Boot
 * shows it as a failure analysis: the problem as the description, and the {@link #remedy()} as
 * the action. Neither ever holds a secret's value.
 */
public class CivicKitConfigurationException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param property the property to set or correct, for example {@code civickit.keys}
   * @param message what is wrong, as a sentence, never a secret's value
   * @param action what to do about it, as a sentence
   */
  public CivicKitConfigurationException(String property, String message, String action) {
    super(property, message, action);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param property the property to set or correct
   * @param message what is wrong, as a sentence, never a secret's value
   * @param action what to do about it, as a sentence
   * @param cause the failure
   */
  public CivicKitConfigurationException(String property, String message, String action, Throwable cause) {
    super(property, message, action, cause);
  }

  /** The problem and the remedy, each a sentence: what a log shows when no failure analysis does. */
  @Override
  public String getMessage() {
    return problem() + " " + remedy();
  }
}
