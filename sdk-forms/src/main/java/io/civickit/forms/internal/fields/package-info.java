/**
 * The names of the form fields a question is read from, shared by the validators and the HTML
 * renderers so that both always agree; start at {@link io.civickit.forms.internal.fields.FieldNames}.
 * Not exported.
 */
@NullMarked
package io.civickit.forms.internal.fields;

import org.jspecify.annotations.NullMarked;
