/** Implementation; not exported. */
@NullMarked
package io.civickit.identity.internal;

import org.jspecify.annotations.NullMarked;
