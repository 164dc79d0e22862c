/**
 * Test kit for identity: {@link io.civickit.test.identity.CouncilRecordLookupContract}, the
 * contract every lookup over a council's records must pass.
 */
@NullMarked
package io.civickit.test.identity;

import org.jspecify.annotations.NullMarked;
