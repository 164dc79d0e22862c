package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.forms.Question;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates one question's input by GOV.UK rules, and never throws on any input. The entry point
 * of this package: it hands each type of question to the rules of its family ({@link TextRules},
 * {@link NumberRules}, {@link DateRules}, {@link ContactRules}, {@link ChoiceRules},
 * {@link FileRules}, {@link RepeatingGroupRules}), which share a {@link RuleContext} for reading
 * the input and wording messages. The fields a question is read from are named by
 * {@link FieldNames}.
 */
public final class QuestionValidator {
  private final Question root;
  private final RuleContext context;

  /**
   * @param q the question
   * @param input submitted fields
   * @param locale language of messages
   * @param today today's date
   * @param messages the message templates
   */
  public QuestionValidator(Question q, Map<String, List<String>> input, Locale locale, LocalDate today,
      Messages messages) {
    this.root = q;
    this.context = new RuleContext(input == null ? Map.of() : input, locale == null ? Locale.UK : locale, today,
        messages);
  }

  /** @return the result; never throws */
  public ValidationResult validate() {
    try {
      return validate(root, root.id());
    } catch (RuntimeException e) {
      // Input must never crash a page. A bug here shows as a generic error on the question.
      return fallback(root, root.id());
    }
  }

  /**
   * Validates without the safety net, so that tests can prove the net is never needed.
   *
   * @return the result
   * @throws RuntimeException on a bug
   */
  public ValidationResult validateWithoutSafetyNet() {
    return validate(root, root.id());
  }

  private ValidationResult fallback(Question q, String base) {
    String message;
    try {
      message = context.message(q, "required", Map.of());
    } catch (RuntimeException e) {
      message = q.errorNoun().in(context.locale());
    }
    return new ValidationResult.Invalid(new FieldError(FieldNames.firstField(q, base), message));
  }

  private ValidationResult validate(Question q, String base) {
    RuleContext c = context;
    return switch (q.type()) {
      case TEXT, NAME -> TextRules.text(c, q, base, false);
      case TEXTAREA -> TextRules.text(c, q, base, true);
      case WHOLE_NUMBER -> NumberRules.number(c, q, base, true);
      case DECIMAL -> NumberRules.number(c, q, base, false);
      case MONEY -> NumberRules.money(c, q, base);
      case DATE, MONTH_YEAR -> DateRules.date(c, q, base);
      case EMAIL -> ContactRules.email(c, q, base);
      case PHONE -> ContactRules.phone(c, q, base, Phones::contact);
      case MOBILE -> ContactRules.phone(c, q, base, Phones::mobile);
      case POSTCODE -> ContactRules.postcode(c, q, base);
      case ADDRESS -> ContactRules.address(c, q, base);
      case INTERNATIONAL_ADDRESS -> ContactRules.internationalAddress(c, q, base);
      case FIRST_AND_LAST_NAME -> ContactRules.firstAndLast(c, q, base);
      case NATIONAL_INSURANCE_NUMBER -> ContactRules.nationalInsuranceNumber(c, q, base);
      case RADIOS, SELECT -> ChoiceRules.choice(c, q, base);
      case YES_NO -> ChoiceRules.yesNo(c, q, base);
      case CHECKBOXES -> ChoiceRules.checkboxes(c, q, base);
      case DECLARATION -> ChoiceRules.declaration(c, q, base);
      case FILE -> FileRules.file(c, q, base);
      case REPEATING_GROUP -> RepeatingGroupRules.group(c, q, base, this::validate);
    };
  }
}
