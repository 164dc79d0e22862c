/** Form lint: problems in a form definition, each with a JSON path. */
@NullMarked
package io.civickit.forms.lint;

import org.jspecify.annotations.NullMarked;
