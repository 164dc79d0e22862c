/**
 * GOV.UK Frontend 5 HTML for form pages, every text escaped with the OWASP Java Encoder.
 *
 * <p><b>Start here:</b> a {@link io.civickit.forms.html.FormRenderer} (one per service name)
 * renders a page's questions, with the answers typed and the errors found, as the GOV.UK
 * components make them ({@code renderPage} for a whole page, {@code renderForm} for the form
 * inside a host's own layout); its static methods make check your answers, the task list and
 * content. {@link io.civickit.forms.html.FormOptions} carries a page's extra parts (a file
 * question's uploaded files, an address finder's choices). The markup is compared with GOV.UK
 * Frontend's own fixtures in the tests; see {@code docs/forms-html-and-lint.md}.
 */
@NullMarked
package io.civickit.forms.html;

import org.jspecify.annotations.NullMarked;
