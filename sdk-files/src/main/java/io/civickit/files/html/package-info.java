/**
 * GOV.UK Frontend HTML for file upload: {@link io.civickit.files.html.FileUploadHtml} renders
 * the file upload component (single or multiple), the list of uploaded files with a Remove
 * button each, and the check-your-answers row. Every text is escaped with the OWASP encoder; the
 * pieces work without JavaScript.
 *
 * <p><b>Start here:</b> {@link io.civickit.files.html.FileUploadHtml}.
 */
@NullMarked
package io.civickit.files.html;

import org.jspecify.annotations.NullMarked;
