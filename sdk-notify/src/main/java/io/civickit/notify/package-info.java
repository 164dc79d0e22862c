/** CivicKit notify. */
@NullMarked
package io.civickit.notify;

import org.jspecify.annotations.NullMarked;
