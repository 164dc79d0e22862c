/** CivicKit forms. */
@NullMarked
package io.civickit.forms;

import org.jspecify.annotations.NullMarked;
