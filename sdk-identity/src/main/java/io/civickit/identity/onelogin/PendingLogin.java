package io.civickit.identity.onelogin;

import io.civickit.identity.AuthenticationLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * What must be kept in the person's session between the redirect to One Login and the callback:
 * all three values are secrets of this one sign-in. Keep it server-side (or encrypted), use it once.
 *
 * @param state the {@code state} sent
 * @param nonce the {@code nonce} sent
 * @param codeVerifier the PKCE code verifier
 * @param authentication the credential level asked for
 * @param identity whether identity was asked for
 * @param createdAt when the sign-in started
 */
public record PendingLogin(String state, String nonce, String codeVerifier, AuthenticationLevel authentication,
    boolean identity, Instant createdAt) {
  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public PendingLogin {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  @Override
  public String toString() {
    return "PendingLogin[" + authentication.vectorOfTrust() + (identity ? ".P2" : "") + ", " + createdAt + "]";
  }
}
