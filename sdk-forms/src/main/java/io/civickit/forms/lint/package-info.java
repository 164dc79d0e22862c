/**
 * Form lint: every problem in a form definition, each a {@link io.civickit.forms.lint.LintProblem}
 * with its JSON path, so an author can fix a form before it goes live.
 *
 * <p><b>Start here:</b> {@link io.civickit.forms.lint.FormLint#checkFile(java.nio.file.Path)} (or
 * {@code check(Form)}, {@code checkJson(String)}); an empty list means the form is clean. The
 * same checks run from the command line as {@code civickit form lint FILE}. The rules (every
 * declared language present, Welsh not copied from English, conditions that name real questions,
 * GOV.UK content rules for messages) are listed in {@code docs/forms-html-and-lint.md}.
 */
@NullMarked
package io.civickit.forms.lint;

import org.jspecify.annotations.NullMarked;
