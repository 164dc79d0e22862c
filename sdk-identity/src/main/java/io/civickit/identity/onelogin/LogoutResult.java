package io.civickit.identity.onelogin;

import java.util.Objects;
import java.util.Optional;

/** The outcome of validating a back-channel logout token. */
public sealed interface LogoutResult {

  /**
   * A genuine logout: end every session of this subject. Answer the POST with 200.
   *
   * @param subject the One Login {@code sub}
   * @param sessionId the One Login {@code sid}, when sent
   */
  record Valid(String subject, Optional<String> sessionId) implements LogoutResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public Valid {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(sessionId, "sessionId");
    }
  }

  /**
   * Not a logout to act on. Answer the POST with 400.
   *
   * @param reason why
   * @param detail a description for logs
   */
  record Invalid(RejectionReason reason, String detail) implements LogoutResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
