package io.civickit.identity.onelogin;

import io.civickit.core.CivicKitException;

/** One Login could not be reached, or answered with something that is not OAuth at all. */
public class OneLoginUnavailableException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /** An outage with its cause. */
  public OneLoginUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An outage. */
  public OneLoginUnavailableException(String message) {
    super(message);
  }
}
