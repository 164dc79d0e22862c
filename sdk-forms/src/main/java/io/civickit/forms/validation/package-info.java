/** Validation of answers to form questions by GOV.UK rules, in English and Welsh. */
@NullMarked
package io.civickit.forms.validation;

import org.jspecify.annotations.NullMarked;
