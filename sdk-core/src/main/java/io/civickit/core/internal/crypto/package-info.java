/**
 * Internal: the hashing, keyed hashing and constant-time comparison every CivicKit module uses
 * ({@link io.civickit.core.internal.crypto.Digests}). Exported only to CivicKit's own modules.
 */
@NullMarked
package io.civickit.core.internal.crypto;

import org.jspecify.annotations.NullMarked;
