/**
 * The payment step of a journey. Start at {@link io.civickit.pay.step.Payments#builder()}: add
 * {@link io.civickit.pay.step.PaymentStep} to the journey definition, call
 * {@link io.civickit.pay.step.Payments#begin} from the pay button and
 * {@link io.civickit.pay.step.Payments#onReturn} from the return URL, and run a
 * {@link io.civickit.pay.step.PaymentReconciler} and {@link io.civickit.pay.step.PayWebhooks} so
 * that payments finished without a return still move their journeys on.
 */
@NullMarked
package io.civickit.pay.step;

import org.jspecify.annotations.NullMarked;
