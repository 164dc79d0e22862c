/**
 * Identity checks as journey steps.
 *
 * <p><b>Start here:</b> {@link io.civickit.identity.step.IdentityCheckStep#of}, which wraps any
 * check as a {@code Step} in a journey definition.
 */
@NullMarked
package io.civickit.identity.step;

import org.jspecify.annotations.NullMarked;
