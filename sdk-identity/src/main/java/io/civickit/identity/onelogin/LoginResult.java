package io.civickit.identity.onelogin;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.AuthenticationLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.Evidence;
import io.civickit.identity.FailureReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a One Login callback. */
public sealed interface LoginResult {

  /**
   * Every check passed.
   *
   * @param subject One Login's {@code sub} for this person (map it to your own id; do not use it as one)
   * @param authentication the {@code vot} reached
   * @param idToken the raw ID token, needed only as {@code id_token_hint} to log out
   * @param sessionId One Login's {@code sid}, to match back-channel logouts
   * @param email the verified email address, when the email scope was asked for
   * @param phoneNumber the phone number, when the phone scope was asked for
   * @param identity the verified identity, when {@code P2} was asked for
   * @param addresses the addresses, when the address claim was asked for
   * @param at when the sign-in completed
   */
  record LoggedIn(String subject, AuthenticationLevel authentication, String idToken, Optional<String> sessionId,
      Optional<String> email, Optional<String> phoneNumber, Optional<VerifiedIdentity> identity,
      List<PostalAddress> addresses, Instant at) implements LoginResult {
    /**
     * Checks the components and takes an unmodifiable copy of the addresses.
     *
     * @throws NullPointerException if any component is null, or the addresses hold null
     */
    public LoggedIn {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(idToken, "idToken");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(phoneNumber, "phoneNumber");
      Objects.requireNonNull(identity, "identity");
      addresses = List.copyOf(addresses);
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
      return "LoggedIn[" + authentication.vectorOfTrust() + (identity.isPresent() ? ".P2" : "") + ", " + at + "]";
    }
  }

  /**
   * Something did not check out: do not sign the person in.
   *
   * @param reason which check failed
   * @param detail a description for logs (no personal data, no tokens)
   */
  record Rejected(RejectionReason reason, String detail) implements LoginResult {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either component is null
     */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * This result as an identity check: {@link AssuranceLevel#MEDIUM} with a verified identity,
   * {@link AssuranceLevel#NONE} for sign-in alone; a rejection is a failure that may be retried.
   */
  default CheckResult toCheckResult() {
    if (this instanceof LoggedIn) {
      LoggedIn in = (LoggedIn) this;
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("vot", in.authentication().vectorOfTrust());
      facts.put("identity", in.identity().isPresent() ? "P2" : "P0");
      return new CheckResult.Verified(in.identity().isPresent() ? AssuranceLevel.MEDIUM : AssuranceLevel.NONE,
          new Evidence("one-login", facts, in.at()));
    }
    return new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 0);
  }
}
