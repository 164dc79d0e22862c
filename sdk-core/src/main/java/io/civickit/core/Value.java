package io.civickit.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed answer value: what a question's input becomes once validated and normalised.
 *
 * <p>Every answer in a journey is one of these six shapes, so answers can be saved, compared by
 * the condition language and moved between form versions without knowing which question made
 * them: {@link Text}, {@link Decimal}, {@link Bool}, {@link Date}, {@link Items} (several
 * values: checkboxes, the items of a repeating group) and {@link Fields} (named parts: an
 * address, one item of a repeating group).
 */
public sealed interface Value {

  /**
   * Text, already normalised (a postcode as {@code SW1A 1AA}, a phone number in E.164).
   *
   * @param value the text
   */
  record Text(String value) implements Value {
    /**
     * Checks that the text is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A number: whole numbers, decimals and money are all {@link BigDecimal}.
   *
   * @param value the number, with the scale it was given (so {@code 2} and {@code 2.00} are not
   *     {@code equals}; the condition language compares numbers by value)
   */
  record Decimal(BigDecimal value) implements Value {
    /**
     * Checks that the number is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Decimal {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Yes or no.
   *
   * @param value true for yes
   */
  record Bool(boolean value) implements Value {}

  /**
   * A calendar date.
   *
   * @param value the date, with no time of day or time zone
   */
  record Date(LocalDate value) implements Value {
    /**
     * Checks that the date is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Date {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Several values in order: the options ticked in a checkbox question, the items of a group.
   *
   * @param values the values, in order; unmodifiable
   */
  record Items(List<Value> values) implements Value {
    /**
     * Takes an unmodifiable copy of the values.
     *
     * @throws NullPointerException if {@code values} is null or holds null
     */
    public Items {
      values = List.copyOf(values);
    }
  }

  /**
   * Named parts in order: the lines of an address, the answers of one repeating-group item.
   *
   * @param values the parts by name, in the order given; unmodifiable
   */
  record Fields(Map<String, Value> values) implements Value {
    /**
     * Takes an unmodifiable copy of the parts, keeping their order.
     *
     * @throws NullPointerException if {@code values} is null, or holds a null name or value
     */
    public Fields {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      values.forEach((k, v) -> {
        Objects.requireNonNull(k, "field name");
        Objects.requireNonNull(v, "field value");
      });
    }

    /** The part with this name. */
    public Optional<Value> get(String name) {
      return Optional.ofNullable(values.get(name));
    }
  }

  /** A text value. */
  static Value text(String value) {
    return new Text(value);
  }

  /** A number value. */
  static Value number(BigDecimal value) {
    return new Decimal(value);
  }

  /** A number value. */
  static Value number(long value) {
    return new Decimal(BigDecimal.valueOf(value));
  }

  /** A yes/no value. */
  static Value bool(boolean value) {
    return new Bool(value);
  }

  /** A date value. */
  static Value date(LocalDate value) {
    return new Date(value);
  }

  /** A list of values. */
  static Value items(List<? extends Value> values) {
    return new Items(List.copyOf(values));
  }

  /** A list of text values, for example the options ticked in a checkbox question. */
  static Value texts(List<String> values) {
    return new Items(values.stream().map(Text::new).map(Value.class::cast).toList());
  }

  /** Named parts. */
  static Value fields(Map<String, ? extends Value> values) {
    return new Fields(new LinkedHashMap<>(values));
  }

  /** A short name of this value's type, used in error messages and lint: text, number, yes/no, date, list, group. */
  default String typeName() {
    if (this instanceof Text) {
      return "text";
    } else if (this instanceof Decimal) {
      return "number";
    } else if (this instanceof Bool) {
      return "yes/no";
    } else if (this instanceof Date) {
      return "date";
    } else if (this instanceof Items) {
      return "list";
    }
    return "group";
  }
}
