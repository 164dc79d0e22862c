package io.civickit.pay;

import io.civickit.core.CivicKitException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GOV.UK Pay refused a request, answered with something this client cannot read, or could not be
 * reached in time. The message names the operation, the HTTP status, GOV.UK Pay's error code and
 * the field at fault; it never repeats the request or response body, which may hold personal data.
 */
public final class PaymentProviderException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final OptionalInt httpStatus;
  private final Optional<String> code;

  /**
   * Creates the exception.
   *
   * @param operation what was being done, such as {@code create payment}
   * @param httpStatus the HTTP status, or empty when there was no answer
   * @param code GOV.UK Pay's error code ({@code P0102}...), when it sent one
   * @param detail a short explanation without personal data
   * @param cause the underlying fault, or null
   */
  public PaymentProviderException(String operation, OptionalInt httpStatus, Optional<String> code, String detail,
      Throwable cause) {
    super("GOV.UK Pay " + operation + " failed: " + (httpStatus.isPresent() ? "HTTP " + httpStatus.getAsInt() : "no answer")
        + code.map(c -> ", code " + c).orElse("") + (detail.isEmpty() ? "" : ", " + detail), cause);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.code = code;
  }

  /** What was being done, such as {@code create payment}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of GOV.UK Pay's answer; empty when it did not answer (timeout, connection refused). */
  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /** GOV.UK Pay's error code, when its answer had one. */
  public Optional<String> code() {
    return code;
  }

  /** True when trying again later may work: no answer, HTTP 429 or a 5xx. */
  public boolean isTransient() {
    return httpStatus.isEmpty() || httpStatus.getAsInt() == 429 || httpStatus.getAsInt() >= 500;
  }
}
