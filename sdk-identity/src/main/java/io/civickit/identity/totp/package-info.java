/**
 * Time-based one-time passwords (RFC 6238) for staff and agents.
 *
 * <p><b>Start here:</b> {@link io.civickit.identity.totp.Totp#builder()}; enrol with
 * {@code Totp.newSecret(...)} and check codes with the built {@code Totp}.
 */
@NullMarked
package io.civickit.identity.totp;

import org.jspecify.annotations.NullMarked;
