package io.civickit.identity.onelogin;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send the person, and what to keep until they come back.
 *
 * @param uri the One Login authorisation URL (within its 4096-character limit)
 * @param pending keep this in the session; pass it to {@link OneLogin#complete}
 */
public record AuthorizationRedirect(URI uri, PendingLogin pending) {
  /**
   * Checks that both components are present.
   *
   * @throws NullPointerException if either component is null
   */
  public AuthorizationRedirect {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(pending, "pending");
  }
}
