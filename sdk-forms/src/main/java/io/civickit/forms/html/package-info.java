/** GOV.UK Frontend 5 HTML for form pages, escaped with the OWASP Java Encoder. */
@NullMarked
package io.civickit.forms.html;

import org.jspecify.annotations.NullMarked;
