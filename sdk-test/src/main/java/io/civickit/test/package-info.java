/** CivicKit test. */
@NullMarked
package io.civickit.test;

import org.jspecify.annotations.NullMarked;
