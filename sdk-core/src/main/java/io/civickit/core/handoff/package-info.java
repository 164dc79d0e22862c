/**
 * Channel handoff: when a person is stuck, hand their journey to an assisted channel (web chat,
 * a call-back queue, a team inbox, a CRM case, the phone) together with a signed context package,
 * so nobody has to ask them to start again; then hand it back with a "continue online" link.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.handoff.Handoffs#builder(io.civickit.core.Journeys,
 * io.civickit.core.handoff.HandoffRouter)} is the entry point a host app uses, with a
 * {@link io.civickit.core.handoff.HandoffRouter} that picks a channel by segment and opening
 * hours. The SPI a supplier implements is {@link io.civickit.core.handoff.HandoffChannel}: it
 * receives a {@link io.civickit.core.handoff.HandoffRequest} and returns a
 * {@link io.civickit.core.handoff.HandoffResult}. Handoffs are kept in a
 * {@link io.civickit.core.handoff.HandoffStore} (a supplier's passes
 * {@code io.civickit.test.handoff.HandoffStoreContract}).
 */
@NullMarked
package io.civickit.core.handoff;

import org.jspecify.annotations.NullMarked;
