package io.civickit.core.condition;

import io.civickit.core.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One side of a comparison: a reference to an answer or attribute, a literal, or a date expression. */
public sealed interface Operand {

  /** Evaluates this operand; empty when it refers to something not answered. */
  Optional<Value> evaluate(ConditionContext context);

  /**
   * A dotted path: {@code age}, {@code address.postcode}, {@code journey.channel}.
   *
   * @param segments the parts between the dots, in order; unmodifiable
   */
  record Path(List<String> segments) implements Operand {
    /**
     * Takes an unmodifiable copy of the segments.
     *
     * @throws NullPointerException if {@code segments} is null or holds null
     * @throws IllegalArgumentException if there are no segments
     */
    public Path {
      segments = List.copyOf(segments);
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("a path needs at least one segment");
      }
    }

    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return context.resolve(segments);
    }

    @Override
    public String toString() {
      return String.join(".", segments);
    }
  }

  /**
   * A text literal.
   *
   * @param value the text, without quotes or escapes
   */
  record Text(String value) implements Operand {
    /**
     * Checks that the text is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return Optional.of(new Value.Text(value));
    }

    @Override
    public String toString() {
      return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
  }

  /**
   * A number literal; its scale is kept, so {@code 1.50} prints back as written.
   *
   * @param value the number
   */
  record Number(BigDecimal value) implements Operand {
    /**
     * Checks that the number is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return Optional.of(new Value.Decimal(value));
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  /**
   * A date literal written {@code 2024-04-01}.
   *
   * @param value the date
   */
  record Date(LocalDate value) implements Operand {
    /**
     * Checks that the date is present.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return Optional.of(new Value.Date(value));
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value the literal's value
   */
  record Bool(boolean value) implements Operand {
    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return Optional.of(new Value.Bool(value));
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** {@code today}, from the engine's clock. */
  record Today() implements Operand {
    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return Optional.of(new Value.Date(context.today()));
    }

    @Override
    public String toString() {
      return "today";
    }
  }

  /** Units for date arithmetic. */
  enum Unit {
    /** Days, written {@code days}. */
    DAYS,
    /** Weeks of seven days, written {@code weeks}. */
    WEEKS,
    /**
     * Calendar months, written {@code months}. A day that the target month lacks becomes that
     * month's last day: 31 January plus 1 month is 28 or 29 February.
     */
    MONTHS,
    /** Calendar years, written {@code years}. 29 February plus 1 year is 28 February. */
    YEARS;

    String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A date moved by a whole number of units: {@code today - 75 years}, {@code start_date + 14 days}.
   * It evaluates to empty, so any comparison with it is false, when the base is unanswered, is not
   * a date, or the result is outside the dates {@link LocalDate} can hold.
   *
   * @param base the date to move: {@code today}, a date literal or a path
   * @param amount how many units to move it; negative moves it back
   * @param unit the unit
   */
  record DateOffset(Operand base, int amount, Unit unit) implements Operand {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code base} or {@code unit} is null
     * @throws IllegalArgumentException if {@code base} is itself a date offset
     */
    public DateOffset {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(unit, "unit");
      if (base instanceof DateOffset) {
        throw new IllegalArgumentException("date offsets do not nest");
      }
    }

    @Override
    public Optional<Value> evaluate(ConditionContext context) {
      return base.evaluate(context).flatMap(v -> {
        if (!(v instanceof Value.Date d)) {
          return Optional.empty();
        }
        LocalDate date = d.value();
        try {
          LocalDate moved = switch (unit) {
            case DAYS -> date.plusDays(amount);
            case WEEKS -> date.plusWeeks(amount);
            case MONTHS -> date.plusMonths(amount);
            case YEARS -> date.plusYears(amount);
          };
          return Optional.of(new Value.Date(moved));
        } catch (java.time.DateTimeException e) {
          return Optional.empty();
        }
      });
    }

    @Override
    public String toString() {
      return base + (amount < 0 ? " - " : " + ") + Math.abs((long) amount) + " " + unit.keyword();
    }
  }
}
