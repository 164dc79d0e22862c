/** A GOV.UK One Login relying party, on the Nimbus OAuth 2.0 / OpenID Connect SDK. */
@NullMarked
package io.civickit.identity.onelogin;

import org.jspecify.annotations.NullMarked;
