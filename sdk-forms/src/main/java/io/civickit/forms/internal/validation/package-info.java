/**
 * Implementation of question validation; not exported. Start at {@link
 * io.civickit.forms.internal.validation.QuestionValidator}, which hands each type of question to
 * the rules of its family ({@code TextRules}, {@code NumberRules}, {@code DateRules},
 * {@code ContactRules}, {@code ChoiceRules}, {@code FileRules}, {@code RepeatingGroupRules});
 * those decide and share {@code RuleContext} for reading fields and wording messages. The parsers
 * they call ({@link io.civickit.forms.internal.validation.Input},
 * {@link io.civickit.forms.internal.validation.Codes}, {@code Emails}, {@code Phones},
 * {@link io.civickit.forms.internal.validation.Formats}, {@code Welsh}) hold no state. Field names
 * come from {@link io.civickit.forms.internal.fields.FieldNames}, which the HTML renderers share.
 */
@NullMarked
package io.civickit.forms.internal.validation;

import org.jspecify.annotations.NullMarked;
