/**
 * CivicKit identity checks: assurance levels ({@link io.civickit.identity.AssuranceLevel}), the
 * sealed {@link io.civickit.identity.CheckResult} every check returns, and the shared
 * {@link io.civickit.identity.IdentityStore} that makes limits hold across app instances.
 *
 * <p><b>Start here:</b> choose the check: {@code passcode.Passcodes.builder()} (a code by email or
 * text), {@code matching.RecordMatcher.builder()} (what a person says against council records),
 * {@code onelogin.OneLogin.builder()} (GOV.UK One Login) or {@code totp.Totp.builder()} (staff).
 * Give each the same {@link io.civickit.identity.IdentityStore#jdbc(javax.sql.DataSource)} when
 * several app instances run, and put a check into a journey with
 * {@code step.IdentityCheckStep}. Read {@code docs/identity.md} first.
 */
@NullMarked
package io.civickit.identity;

import org.jspecify.annotations.NullMarked;
