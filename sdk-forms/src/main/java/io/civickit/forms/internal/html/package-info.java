/**
 * Internal GOV.UK Frontend 5 markup layer. Every piece of text and every attribute value is
 * escaped with the OWASP Java Encoder. Not exported.
 */
@NullMarked
package io.civickit.forms.internal.html;

import org.jspecify.annotations.NullMarked;
