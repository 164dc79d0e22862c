/**
 * Validation of answers by GOV.UK rules, in English and Welsh, with the Design System's wording.
 *
 * <p><b>Start here:</b> {@link io.civickit.forms.validation.Validation#validate} checks one
 * question's raw form fields and gives a {@link io.civickit.forms.validation.ValidationResult}:
 * {@code Valid} with the normalised value, or {@code Invalid} with the errors, each linked to the
 * field it is about. A journey built by {@code FormJourney} does this for every page itself.
 * {@link io.civickit.forms.validation.Messages} holds the messages, which a form or a question can
 * override; {@link io.civickit.forms.validation.AnswerFormat} shows an answer back on check your
 * answers. See {@code docs/forms-validation.md}.
 */
@NullMarked
package io.civickit.forms.validation;

import org.jspecify.annotations.NullMarked;
