/** CivicKit identity. */
@NullMarked
package io.civickit.identity;

import org.jspecify.annotations.NullMarked;
