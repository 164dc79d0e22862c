/** Identity checks as journey steps. */
@NullMarked
package io.civickit.identity.step;

import org.jspecify.annotations.NullMarked;
