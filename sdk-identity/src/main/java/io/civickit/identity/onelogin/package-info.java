/**
 * A GOV.UK One Login relying party, on the Nimbus OAuth 2.0 / OpenID Connect SDK.
 *
 * <p><b>Start here:</b> {@link io.civickit.identity.onelogin.OneLogin#builder()}; then
 * {@code start(LoginRequest)} sends the person to One Login and {@code complete(...)} turns the
 * callback into a {@link io.civickit.identity.onelogin.LoginResult}. An outage is a
 * {@link io.civickit.identity.onelogin.OneLoginUnavailableException}.
 */
@NullMarked
package io.civickit.identity.onelogin;

import org.jspecify.annotations.NullMarked;
