package io.civickit.spring.internal;

import io.civickit.web.StaffSignIn;
import io.civickit.web.WebRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The agent console's adviser is whoever Spring Security has authenticated for this request (the
 * council's own sign-in, whatever it is: a login form, OAuth 2, SAML). An anonymous request is no
 * adviser. Nothing is read from the request's headers.
 */
public enum SpringSecuritySignIn implements StaffSignIn {
  /** The one instance. */
  INSTANCE;

  @Override
  public Optional<String> adviser(WebRequest request) {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.ofNullable(a.getName()).filter(n -> !n.isBlank());
  }
}
