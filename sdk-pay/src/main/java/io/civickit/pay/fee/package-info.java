/**
 * Fees worked out from a journey's answers with the condition language, as data. Start at
 * {@link io.civickit.pay.fee.FeeRules#fromJson(String)} or {@link io.civickit.pay.fee.FeeRules#builder()};
 * {@link io.civickit.pay.fee.FeeRules#calculate} gives a {@link io.civickit.pay.fee.Fee} with its
 * line items for check your answers.
 */
@NullMarked
package io.civickit.pay.fee;

import org.jspecify.annotations.NullMarked;
