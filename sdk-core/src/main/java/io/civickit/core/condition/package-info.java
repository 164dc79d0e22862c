/**
 * The condition language: one small, safe expression language for routing, show-if and segment
 * rules. Parse once with {@link io.civickit.core.condition.Condition#parse(String)}, evaluate many
 * times with {@link io.civickit.core.condition.Condition#test(ConditionContext)}. Nothing is ever
 * evaluated as code. The grammar is in {@code docs/conditions.md}.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.condition.Condition#parse(String)}.
 */
@NullMarked
package io.civickit.core.condition;

import org.jspecify.annotations.NullMarked;
