/** Matching what a person says against the council's own records. */
@NullMarked
package io.civickit.identity.matching;

import org.jspecify.annotations.NullMarked;
