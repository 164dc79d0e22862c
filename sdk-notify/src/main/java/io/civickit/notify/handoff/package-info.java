/**
 * Channel handoff by email: {@link io.civickit.notify.handoff.TeamEmailHandoffChannel} sends a
 * stuck person's context package to a council team's inbox through a
 * {@link io.civickit.notify.Notifier}, on sdk-core's {@code HandoffChannel} SPI.
 *
 * <p><b>Start here:</b> {@link io.civickit.notify.handoff.TeamEmailHandoffChannel#builder}.
 */
@NullMarked
package io.civickit.notify.handoff;

import org.jspecify.annotations.NullMarked;
