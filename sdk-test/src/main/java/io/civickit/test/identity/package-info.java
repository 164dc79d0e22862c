/**
 * Test kit for identity: {@link io.civickit.test.identity.CouncilRecordLookupContract}, the
 * contract every lookup over a council's records must pass.
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.identity.CouncilRecordLookupContract} for a lookup, {@link io.civickit.test.identity.IdentityStoreContract} for a store of attempt limits.
 */
@NullMarked
package io.civickit.test.identity;

import org.jspecify.annotations.NullMarked;
