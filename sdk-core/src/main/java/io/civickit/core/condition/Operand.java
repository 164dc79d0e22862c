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

  /** A dotted path: {@code age}, {@code address.postcode}, {@code journey.channel}. */
  record Path(List<String> segments) implements Operand {
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

  /** A text literal. */
  record Text(String value) implements Operand {
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

  /** A number literal; its scale is kept, so {@code 1.50} prints back as written. */
  record Number(BigDecimal value) implements Operand {
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

  /** A date literal written {@code 2024-04-01}. */
  record Date(LocalDate value) implements Operand {
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

  /** {@code true} or {@code false}. */
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
    DAYS, WEEKS, MONTHS, YEARS;

    String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A date moved by a whole number of units: {@code today - 75 years}, {@code start_date + 14 days}. */
  record DateOffset(Operand base, int amount, Unit unit) implements Operand {
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
