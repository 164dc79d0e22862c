/**
 * Channel handoff: when a person is stuck, hand their journey to an assisted channel (web chat,
 * a call-back queue, a team inbox, a CRM case, the phone) together with a signed context package,
 * so nobody has to ask them to start again; then hand it back with a "continue online" link.
 *
 * <p>The SPI a supplier implements is {@link io.civickit.core.handoff.HandoffChannel}: it receives
 * a {@link io.civickit.core.handoff.HandoffRequest} and returns a
 * {@link io.civickit.core.handoff.HandoffResult}. {@link io.civickit.core.handoff.Handoffs} is the
 * entry point a host app uses.
 */
@NullMarked
package io.civickit.core.handoff;

import org.jspecify.annotations.NullMarked;
