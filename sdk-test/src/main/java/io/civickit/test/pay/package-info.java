/**
 * A fake GOV.UK Pay for tests and for running a service without a Pay account: start at
 * {@link io.civickit.test.pay.FakeGovUkPay}.
 */
@NullMarked
package io.civickit.test.pay;

import org.jspecify.annotations.NullMarked;
