package io.civickit.core;

import java.util.Objects;

/**
 * A service CivicKit calls over the network (GOV.UK Notify, GOV.UK One Login, a supplier's
 * system) could not be reached or answered with an error, outside the calls whose failures are
 * returned as results. Catch it to answer "try again later"; {@link #service()} and
 * {@link #operation()} say which service failed at what.
 *
 * <p>The message names the service, the operation and what went wrong (a status code, a
 * timeout), never a recipient or a personal value.
 */
public class ServiceUnavailableException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String service;
  private final String operation;

  /**
   * Creates the exception.
   *
   * @param service the service, such as {@code "GOV.UK Notify"}
   * @param operation what it was asked to do, as a verb phrase: {@code "list received texts"}
   * @param problem what went wrong: {@code "HTTP 503"}, {@code "no answer within PT10S"}
   */
  public ServiceUnavailableException(String service, String operation, String problem) {
    super(message(service, operation, problem));
    this.service = service;
    this.operation = operation;
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param service the service, such as {@code "GOV.UK Notify"}
   * @param operation what it was asked to do, as a verb phrase: {@code "list received texts"}
   * @param problem what went wrong: {@code "HTTP 503"}, {@code "no answer within PT10S"}
   * @param cause the failure
   */
  public ServiceUnavailableException(String service, String operation, String problem, Throwable cause) {
    super(message(service, operation, problem), Objects.requireNonNull(cause, "cause"));
    this.service = service;
    this.operation = operation;
  }

  private static String message(String service, String operation, String problem) {
    return Objects.requireNonNull(service, "service") + " could not " + Objects.requireNonNull(operation, "operation")
        + ": " + Objects.requireNonNull(problem, "problem");
  }

  /** The service that failed. */
  public String service() {
    return service;
  }

  /** What it was asked to do. */
  public String operation() {
    return operation;
  }
}
