package io.civickit.core;

import java.util.Objects;

/**
 * CivicKit was set up in a way it cannot work with: a setting is missing or has a value it
 * cannot use, found when the setting is used rather than when it was given (a database of a kind
 * CivicKit has no schema for, encrypted rows and no key ring, a module missing from the class
 * path). Fix the setting named by {@link #setting()} as {@link #remedy()} says; retrying does not
 * help.
 *
 * <p>A value that can be given wrongly at build time is refused there, with an
 * {@link IllegalArgumentException}; this exception is for what only shows later. Its message
 * never holds a secret: a key or password is named, never quoted.
 */
public class ConfigurationException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;
  private final String remedy;

  /**
   * Creates the exception.
   *
   * @param setting the setting, as the host writes it: {@code Outbox.builder().keyRing},
   *     {@code dataSource}, {@code civickit.notify.api-key}
   * @param problem what is wrong with its value: {@code "is a MySQL database"}
   * @param remedy what to do: {@code "use H2 or PostgreSQL, or apply the schema yourself"}
   */
  public ConfigurationException(String setting, String problem, String remedy) {
    super(message(setting, problem, remedy));
    this.setting = setting;
    this.problem = problem;
    this.remedy = remedy;
  }

  /**
   * As {@link #ConfigurationException(String, String, String)}, with the failure that showed it.
   *
   * @param setting the setting, as the host writes it
   * @param problem what is wrong with its value
   * @param remedy what to do
   * @param cause the failure that showed it
   */
  public ConfigurationException(String setting, String problem, String remedy, Throwable cause) {
    super(message(setting, problem, remedy), Objects.requireNonNull(cause, "cause"));
    this.setting = setting;
    this.problem = problem;
    this.remedy = remedy;
  }

  private static String message(String setting, String problem, String remedy) {
    return Objects.requireNonNull(setting, "setting") + " " + Objects.requireNonNull(problem, "problem")
        + ": " + Objects.requireNonNull(remedy, "remedy");
  }

  /** The setting that is wrong. */
  public String setting() {
    return setting;
  }

  /** What is wrong with its value. */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String remedy() {
    return remedy;
  }
}
