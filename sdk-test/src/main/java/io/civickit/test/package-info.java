/**
 * CivicKit's test kit, for a council's or a supplier's own tests: contract suites that any
 * implementation of a CivicKit SPI must pass, and fakes of remote services that check requests
 * as the real APIs document them.
 *
 * <p><b>Start here:</b> extend the contract for what you implement —
 * {@link io.civickit.test.ProgressStoreContract}, {@link io.civickit.test.ResumeTokenStoreContract},
 * {@link io.civickit.test.EventSinkContract}, and in the sub-packages the handoff, notification,
 * identity, address lookup, file store and submission destination contracts — or start a fake:
 * {@code FakeNotify} (GOV.UK Notify), {@code FakeGovUkPay} (GOV.UK Pay), the One Login stand-in.
 * A web adapter for another framework proves itself with {@code JourneyRunnerSuite}.
 */
@NullMarked
package io.civickit.test;

import org.jspecify.annotations.NullMarked;
