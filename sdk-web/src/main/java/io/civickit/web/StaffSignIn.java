package io.civickit.web;

import java.util.Optional;

/**
 * Who may use the agent console when the council's own single sign-on stands in front of it:
 * the SSO (an authenticating proxy, a Spring Security filter, a servlet container's login)
 * has checked the adviser before the request reaches the runner, and this says who they are.
 * The runner's own password and TOTP pages are then not used.
 *
 * <pre>{@code
 * // behind a proxy that signs advisers in and strips the header from outside requests:
 * StaffSignIn sso = request -> request.header("X-Auth-Request-Email");
 * }</pre>
 *
 * <p>Trust a header only when the proxy removes it from every request that reaches it from
 * outside; otherwise anyone can send it. Prefer the adapter's own principal where there is one.
 */
@FunctionalInterface
public interface StaffSignIn {
  /**
   * The adviser making this request, as the council's sign-on established.
   *
   * @param request the request
   * @return their staff id (shown on handoffs they take), or empty if not signed in
   */
  Optional<String> adviser(WebRequest request);
}
