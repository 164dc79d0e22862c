/** Internal checks used by form lint. Not exported. */
@NullMarked
package io.civickit.forms.internal.lint;

import org.jspecify.annotations.NullMarked;
