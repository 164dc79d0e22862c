/**
 * A client for the GOV.UK Pay public API. Start at {@link io.civickit.pay.GovUkPay#builder()};
 * payments are {@link io.civickit.pay.Payment} records and refunds {@link io.civickit.pay.Refund}.
 * For the payment step of a journey, see {@link io.civickit.pay.step.Payments}; for fees worked out
 * from answers, {@link io.civickit.pay.fee.FeeRules}.
 */
@NullMarked
package io.civickit.pay;

import org.jspecify.annotations.NullMarked;
