/** Time-based one-time passwords (RFC 6238) for staff and agents. */
@NullMarked
package io.civickit.identity.totp;

import org.jspecify.annotations.NullMarked;
