package io.civickit.forms.internal.journey;

import io.civickit.core.Value;
import io.civickit.forms.Option;
import io.civickit.forms.Question;

/** Whether a saved value still fits a question, for answers kept across form versions. */
public final class AnswerFit {
  private AnswerFit() {}

  /** @param q question @param v value @return whether the value fits the question */
  public static boolean fits(Question q, Value v) {
    if (v.equals(CompiledForm.NOT_PROVIDED)) {
      return !q.required();
    }
    switch (q.type()) {
      case TEXT:
      case NAME:
      case TEXTAREA:
        return v instanceof Value.Text t && t.value().length() <= q.maxLength();
      case EMAIL:
      case POSTCODE:
      case NATIONAL_INSURANCE_NUMBER:
        return v instanceof Value.Text;
      case PHONE:
      case MOBILE:
        return v instanceof Value.Text || v instanceof Value.Fields;
      case WHOLE_NUMBER:
      case DECIMAL:
      case MONEY:
        if (!(v instanceof Value.Decimal d)) {
          return false;
        }
        return q.min().map(m -> d.value().compareTo(m) >= 0).orElse(true)
            && q.max().map(m -> d.value().compareTo(m) <= 0).orElse(true);
      case DATE:
      case MONTH_YEAR:
        return v instanceof Value.Date d
            && q.earliestDate().map(e -> !d.value().isBefore(e)).orElse(true)
            && q.latestDate().map(l -> !d.value().isAfter(l)).orElse(true);
      case ADDRESS:
      case FIRST_AND_LAST_NAME:
        return v instanceof Value.Fields;
      case INTERNATIONAL_ADDRESS:
        return v instanceof Value.Fields f && f.values().get("country") instanceof Value.Text c
            && io.civickit.forms.address.Countries.find(c.value()).isPresent();
      case FILE:
        // one file's details, or (from an upload page) the list of every file's
        return v instanceof Value.Fields
            || (v instanceof Value.Items files && files.values().stream().allMatch(Value.Fields.class::isInstance));
      case RADIOS:
      case SELECT:
        return v instanceof Value.Text t && isOption(q, t.value());
      case CHECKBOXES:
        if (!(v instanceof Value.Items items)) {
          return false;
        }
        for (Value item : items.values()) {
          if (!(item instanceof Value.Text t) || !isOption(q, t.value())) {
            return false;
          }
        }
        return true;
      case YES_NO:
        return v instanceof Value.Bool;
      case DECLARATION:
        return v instanceof Value.Bool b && b.value();
      case REPEATING_GROUP:
        return v instanceof Value.Items i && i.values().size() <= q.maxItems();
      default:
        return false;
    }
  }

  private static boolean isOption(Question q, String value) {
    for (Option o : q.options()) {
      if (o.value().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
