/**
 * Journeys: one person doing one transaction, step by step, saved as they go.
 *
 * <p>Start with {@link io.civickit.core.Journeys#builder()}.
 */
@NullMarked
package io.civickit.core;

import org.jspecify.annotations.NullMarked;
