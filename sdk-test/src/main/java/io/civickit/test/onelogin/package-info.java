/**
 * A GOV.UK One Login stand-in for a council's own tests: a real OpenID Connect server
 * ({@code mock-oauth2-server}) set up with One Login's issuer shape, ES256 keys, {@code vot}
 * claims and a core identity JWT signer.
 *
 * <p><b>Start here:</b> {@link io.civickit.test.onelogin.OneLoginStub}.
 */
@NullMarked
package io.civickit.test.onelogin;

import org.jspecify.annotations.NullMarked;
