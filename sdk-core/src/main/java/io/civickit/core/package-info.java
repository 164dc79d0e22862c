/**
 * Journeys: one person doing one transaction, step by step, saved as they go.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.Journeys#builder()} builds the engine from a
 * {@link io.civickit.core.JourneyDefinition} (its {@link io.civickit.core.Step}s and routing), a
 * progress store and an event sink; then {@code start}, {@code submit} and {@code resume} drive a
 * {@link io.civickit.core.Journey}. Read {@code docs/core.md} first.
 *
 * <p>Every exception CivicKit throws is a {@link io.civickit.core.CivicKitException}; the ones a
 * host acts on are {@link io.civickit.core.StorageUnavailableException} (retry later, alert),
 * {@link io.civickit.core.ServiceUnavailableException} (the same, for a remote service),
 * {@link io.civickit.core.ConfigurationException} (fix a setting) and
 * {@link io.civickit.core.UnreadableDataException} (look at a stored record). None of their
 * messages holds personal data; {@link io.civickit.core.Failures} describes any failure the same
 * way for a log line.
 */
@NullMarked
package io.civickit.core;

import org.jspecify.annotations.NullMarked;
