/** Implementation of question validation; not exported. */
@NullMarked
package io.civickit.forms.internal.validation;

import org.jspecify.annotations.NullMarked;
