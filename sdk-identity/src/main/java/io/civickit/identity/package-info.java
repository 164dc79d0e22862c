/**
 * CivicKit identity checks: assurance levels ({@link io.civickit.identity.AssuranceLevel}), the
 * sealed {@link io.civickit.identity.CheckResult} every check returns, and the shared
 * {@link io.civickit.identity.IdentityStore} that makes limits hold across app instances.
 */
@NullMarked
package io.civickit.identity;

import org.jspecify.annotations.NullMarked;
