/** Journey steps for forms; not exported. */
@NullMarked
package io.civickit.forms.internal.journey;

import org.jspecify.annotations.NullMarked;
