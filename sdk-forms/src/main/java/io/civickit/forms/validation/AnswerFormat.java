package io.civickit.forms.validation;

import io.civickit.core.Value;
import io.civickit.forms.Option;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.internal.validation.Codes;
import io.civickit.forms.internal.validation.Formats;
import io.civickit.forms.internal.validation.Phones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes saved answers for people, as check-your-answers shows them, in English or Welsh:
 * dates as "5 January 2026" ("5 Ionawr 2026"), money as "£1,234.50" (whole pounds as "£75"),
 * numbers with thousands separators, option labels rather than values, yes/no as "Yes"/"No"
 * ("Ie"/"Na"), checkbox choices and repeating-group items one per line, addresses one line per
 * part, a file by its name, a National Insurance number spaced, phone numbers as typed (or in
 * the national format), and "Not provided" ("Heb ei ddarparu") for a skipped optional question.
 * Several lines are separated by {@code \n}; the HTML renderer turns them into line breaks.
 * Never throws: a value of an unexpected shape is written as plainly as possible.
 */
public final class AnswerFormat {
  private AnswerFormat() {}

  /**
   * What to show for a question that was not answered.
   *
   * @param locale the language
   * @return "Not provided" or "Heb ei ddarparu"
   */
  public static String notProvided(Locale locale) {
    return Messages.defaults().template("not.provided", Objects.requireNonNull(locale, "locale"));
  }

  /**
   * Whether a saved value holds an answer (not a skipped optional question, which is saved as
   * an empty list or blank text).
   *
   * @param value the value
   * @return true when there is an answer
   */
  public static boolean provided(Value value) {
    return !(value instanceof Value.Items i && i.values().isEmpty())
        && !(value instanceof Value.Text t && t.value().isBlank());
  }

  /**
   * An answer, or "Not provided" when there is none.
   *
   * @param question the question
   * @param value the answer, empty when skipped
   * @param locale the language
   * @return the text
   */
  public static String display(Question question, Optional<Value> value, Locale locale) {
    return value.isPresent() ? display(question, value.get(), locale) : notProvided(locale);
  }

  /**
   * An answer.
   *
   * @param question the question
   * @param value the answer
   * @param locale the language
   * @return the text, several lines separated by {@code \n}
   */
  public static String display(Question question, Value value, Locale locale) {
    return display(question, value, "", locale);
  }

  /**
   * An answer, showing a phone number as the person typed it.
   *
   * @param question the question
   * @param value the answer
   * @param typed what the person typed ({@code Answer.display()}), or an empty string
   * @param locale the language
   * @return the text, several lines separated by {@code \n}
   */
  public static String display(Question question, Value value, String typed, Locale locale) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(typed, "typed");
    Locale l = Objects.requireNonNull(locale, "locale");
    if (!provided(value)) {
      return notProvided(l);
    }
    QuestionType t = question.type();
    if ((t == QuestionType.PHONE || t == QuestionType.MOBILE) && !typed.isBlank()) {
      return typed.strip();
    }
    return write(question, value, l);
  }

  /**
   * A date as GOV.UK writes it.
   *
   * @param date the date
   * @param locale the language
   * @return e.g. "5 January 2026" or "5 Ionawr 2026"
   */
  public static String date(LocalDate date, Locale locale) {
    return Formats.date(date, locale);
  }

  /**
   * An amount of money as GOV.UK writes it.
   *
   * @param amount the amount
   * @return e.g. "£1,234.50" or "£75"
   */
  public static String money(BigDecimal amount) {
    return Formats.money(amount);
  }

  /**
   * A file size as GOV.UK writes it: megabytes to one decimal place, rounded down, then kilobytes,
   * then bytes (1KB is 1,024 bytes). The same in English and Welsh.
   *
   * @param bytes the size, 0 or more
   * @return e.g. "2MB", "1.5MB", "500KB" or "12 bytes"
   */
  public static String fileSize(long bytes) {
    return Formats.size(bytes);
  }

  private static String write(Question q, Value v, Locale locale) {
    QuestionType t = q.type();
    if (v instanceof Value.Text text) {
      String s = text.value();
      switch (t) {
        case RADIOS:
        case SELECT:
        case CHECKBOXES:
          return label(q, s, locale);
        case NATIONAL_INSURANCE_NUMBER:
          return Codes.spaced(s);
        case PHONE:
        case MOBILE:
          return Phones.pretty(s);
        default:
          return s;
      }
    }
    if (v instanceof Value.Decimal d) {
      return t == QuestionType.MONEY ? Formats.money(d.value()) : Formats.number(d.value());
    }
    if (v instanceof Value.Date d) {
      return t == QuestionType.MONTH_YEAR ? Formats.monthYear(d.value(), locale) : Formats.date(d.value(), locale);
    }
    if (v instanceof Value.Bool b) {
      return yesNo(q, b.value(), locale);
    }
    if (v instanceof Value.Items items) {
      List<String> lines = new ArrayList<>();
      for (Value item : items.values()) {
        if (t == QuestionType.REPEATING_GROUP && item instanceof Value.Fields f) {
          lines.add(groupItem(q, f, locale));
        } else {
          lines.add(write(q, item, locale).replace('\n', ' '));
        }
      }
      return String.join("\n", lines);
    }
    if (v instanceof Value.Fields f) {
      Map<String, Value> parts = f.values();
      if (t == QuestionType.FILE) {
        Value name = parts.get("name");
        return name instanceof Value.Text n ? n.value() : "";
      }
      if ((t == QuestionType.PHONE || t == QuestionType.MOBILE) && parts.get("number") instanceof Value.Text n) {
        Value ext = parts.get("extension");
        String extension = ext instanceof Value.Text e ? e.value() : "";
        return Phones.pretty(n.value()) + (extension.isEmpty() ? "" : (Formats.welsh(locale) ? " estyniad " : " extension ") + extension);
      }
      if (t == QuestionType.REPEATING_GROUP) {
        return groupItem(q, f, locale);
      }
      if (t == QuestionType.FIRST_AND_LAST_NAME) {
        return String.join(" ", parts.values().stream().filter(x -> x instanceof Value.Text).map(x -> ((Value.Text) x).value()).toList());
      }
      List<String> lines = new ArrayList<>();
      parts.forEach((k, x) -> {
        if (t == QuestionType.INTERNATIONAL_ADDRESS && "country".equals(k) && x instanceof Value.Text code) {
          // the country's name in the person's language, not its code
          lines.add(io.civickit.forms.address.Countries.find(code.value()).map(c -> c.name().in(locale))
              .orElse(code.value()));
        } else if (!"uprn".equals(k) && provided(x)) {
          lines.add(x instanceof Value.Text s ? s.value() : write(q, x, locale));
        }
      });
      return String.join("\n", lines);
    }
    return "";
  }

  private static String groupItem(Question group, Value.Fields item, Locale locale) {
    List<String> parts = new ArrayList<>();
    for (Question iq : group.items()) {
      Value x = item.values().get(iq.id());
      if (x != null && provided(x)) {
        parts.add(write(iq, x, locale).replace("\n", ", "));
      }
    }
    return String.join(", ", parts);
  }

  private static String label(Question q, String value, Locale locale) {
    for (Option o : q.options()) {
      if (o.value().equals(value)) {
        return o.label().in(locale);
      }
    }
    return value;
  }

  private static String yesNo(Question q, boolean yes, Locale locale) {
    String value = yes ? "yes" : "no";
    for (Option o : q.options()) {
      if (o.value().equals(value)) {
        return o.label().in(locale);
      }
    }
    if (Formats.welsh(locale)) {
      return yes ? "Ie" : "Na";
    }
    return yes ? "Yes" : "No";
  }
}
