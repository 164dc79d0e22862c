/**
 * Test kit for channel handoff: {@link io.civickit.test.handoff.HandoffChannelContract}, the
 * contract every handoff channel must pass, CivicKit's own and a supplier's.
 */
@NullMarked
package io.civickit.test.handoff;

import org.jspecify.annotations.NullMarked;
