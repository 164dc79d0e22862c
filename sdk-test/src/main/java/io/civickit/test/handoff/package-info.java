/**
 * Test kit for channel handoff: {@link io.civickit.test.handoff.HandoffChannelContract}, the
 * contract every handoff channel must pass, CivicKit's own and a supplier's.
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.handoff.HandoffChannelContract} for a channel, {@link io.civickit.test.handoff.HandoffStoreContract} for a store of handoffs.
 */
@NullMarked
package io.civickit.test.handoff;

import org.jspecify.annotations.NullMarked;
