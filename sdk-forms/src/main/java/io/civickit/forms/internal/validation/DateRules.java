package io.civickit.forms.internal.validation;

import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.validation.ValidationResult;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Dates and months with years, as the GOV.UK date input pattern checks them: which parts are
 * missing, which are not real, then the question's past or future rule and its earliest and
 * latest dates. A month and year is compared by month.
 */
final class DateRules {
  private DateRules() {}

  /**
   * A day of the month as typed: the pattern {@code ^([0-9]{1,2})(?:st|nd|rd|th)?$}, ignoring
   * case, that is one or two digits, then optionally "st", "nd", "rd" or "th".
   *
   * @param s a string
   * @return the number, or -1 when it is not written so
   */
  static int day(String s) {
    int n = 0;
    int i = 0;
    while (i < s.length() && i < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      n = n * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i == 0 || i > 2) {
      return -1;
    }
    if (i == s.length()) {
      return n;
    }
    if (s.length() - i != 2) {
      return -1;
    }
    char a = (char) (s.charAt(i) | 0x20);
    char b = (char) (s.charAt(i + 1) | 0x20);
    boolean suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
        || (a == 't' && b == 'h');
    return suffix ? n : -1;
  }

  /** @return the date, or the first rule it breaks */
  static ValidationResult date(RuleContext c, Question q, String base) {
    boolean monthYear = q.type() == QuestionType.MONTH_YEAR;
    String d = monthYear ? "1" : c.line(FieldNames.part(base, "day"));
    String m = c.line(FieldNames.part(base, "month"));
    String y = c.line(FieldNames.part(base, "year"));
    List<String> all = FieldNames.dateFields(base, monthYear);
    if ((monthYear || d.isEmpty()) && m.isEmpty() && y.isEmpty()) {
      return q.required() ? c.error(q, all, "required", Map.of()) : RuleContext.none();
    }
    if (d.isEmpty() || m.isEmpty() || y.isEmpty()) {
      List<String> parts = parts(d.isEmpty(), m.isEmpty(), y.isEmpty());
      return c.error(q, fields(base, parts), "date.missing." + String.join(".", parts), Map.of());
    }
    int day = d.length() <= 4 ? day(d) : -1;
    boolean badDay = day < 1 || day > 31;
    int month = -1;
    if (m.length() <= 2 && Input.digits(m)) {
      month = Integer.parseInt(m);
    } else if (m.length() <= 12) {
      month = Formats.monthNamed(m);
    }
    boolean badMonth = month < 1 || month > 12;
    boolean yearDigits = y.length() <= 10 && Input.digits(y);
    boolean yearLength = yearDigits && y.length() != 4;
    boolean badYear = !yearDigits || yearLength || Integer.parseInt(y) < 1000;
    if (badDay || badMonth || badYear) {
      if (!badDay && !badMonth && yearLength) {
        return c.error(q, FieldNames.part(base, "year"), "date.year.digits");
      }
      return c.error(q, fields(base, parts(badDay, badMonth, badYear)), "date.real", Map.of());
    }
    LocalDate date;
    try {
      date = LocalDate.of(Integer.parseInt(y), month, day);
    } catch (DateTimeException e) {
      return c.error(q, FieldNames.part(base, "day"), "date.real");
    }
    Function<LocalDate, String> shown = x -> monthYear ? Formats.monthYear(x, c.locale())
        : Formats.date(x, c.locale());
    String broken = broken(q, date, monthYear ? c.today().withDayOfMonth(1) : c.today());
    if (broken != null) {
      return c.error(q, all, broken, Map.of());
    }
    Optional<LocalDate> earliest = q.earliestDate().map(e -> monthYear ? e.withDayOfMonth(1) : e);
    Optional<LocalDate> latest = q.latestDate().map(l -> monthYear ? l.withDayOfMonth(1) : l);
    boolean early = earliest.isPresent() && date.isBefore(earliest.get());
    boolean late = latest.isPresent() && date.isAfter(latest.get());
    if (early || late) {
      if (earliest.isPresent() && latest.isPresent()) {
        return c.error(q, all, "date.between", Map.of("min", shown.apply(earliest.get()),
            "max", shown.apply(latest.get())));
      }
      return early ? c.error(q, all, "date.not.before", Map.of("date", shown.apply(earliest.get())))
          : c.error(q, all, "date.not.after", Map.of("date", shown.apply(latest.get())));
    }
    return RuleContext.ok(Value.date(date), shown.apply(date));
  }

  /**
   * The question's past or future rule.
   *
   * @param now today, or for a month and year the first of this month ("in the past" is before this month)
   * @return the key of the message for the rule the date breaks, or null when it keeps it
   */
  private static @Nullable String broken(Question q, LocalDate date, LocalDate now) {
    return switch (q.dateRule()) {
      case PAST -> date.isBefore(now) ? null : "date.past";
      case FUTURE -> date.isAfter(now) ? null : "date.future";
      case TODAY_OR_PAST -> date.isAfter(now) ? "date.today.or.past" : null;
      case TODAY_OR_FUTURE -> date.isBefore(now) ? "date.today.or.future" : null;
      case ANY -> null;
    };
  }

  /** @return the names of the parts flagged, in the order day, month, year */
  private static List<String> parts(boolean day, boolean month, boolean year) {
    List<String> parts = new ArrayList<>(3);
    if (day) {
      parts.add("day");
    }
    if (month) {
      parts.add("month");
    }
    if (year) {
      parts.add("year");
    }
    return parts;
  }

  private static List<String> fields(String base, List<String> parts) {
    return parts.stream().map(p -> FieldNames.part(base, p)).toList();
  }
}
