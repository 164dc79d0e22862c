package io.civickit.core.condition;

import io.civickit.core.Value;
import io.civickit.core.condition.internal.Parser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed condition: an immutable syntax tree, safe to share and evaluate from many threads.
 *
 * <pre>{@code
 * Condition over75NoEmail = Condition.parse("date_of_birth <= today - 75 years and not email is answered");
 * boolean matches = over75NoEmail.test(context);
 * }</pre>
 *
 * <p>{@code toString()} prints the condition in canonical form; parsing that text again gives an
 * equal tree. A comparison that involves an unanswered question, or values of different types,
 * is false (never an error): form lint reports such comparisons before a form goes live.
 */
public sealed interface Condition {

  /**
   * Parses a condition.
   *
   * @throws ConditionSyntaxException if the text is not a condition; the message says where
   */
  static Condition parse(String source) {
    Objects.requireNonNull(source, "source");
    return Parser.parse(source);
  }

  /** Evaluates this condition. Never throws for missing answers or mismatched types: they are false. */
  boolean test(ConditionContext context);

  /** Every answer or attribute path this condition reads, in order of first appearance. */
  default Set<Operand.Path> references() {
    Set<Operand.Path> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  private static void collect(Condition c, Set<Operand.Path> out) {
    if (c instanceof And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (c instanceof Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    } else if (c instanceof Not n) {
      collect(n.condition(), out);
    } else if (c instanceof Comparison cmp) {
      addPath(cmp.left(), out);
      addPath(cmp.right(), out);
    } else if (c instanceof In in) {
      addPath(in.subject(), out);
      in.values().forEach(v -> addPath(v, out));
    } else if (c instanceof Answered a) {
      out.add(a.path());
    } else if (c instanceof Contains ct) {
      addPath(ct.subject(), out);
      addPath(ct.value(), out);
    }
  }

  private static void addPath(Operand o, Set<Operand.Path> out) {
    if (o instanceof Operand.Path p) {
      out.add(p);
    } else if (o instanceof Operand.DateOffset d) {
      addPath(d.base(), out);
    }
  }

  /** Comparison operators. */
  enum Operator {
    /** Equal, written {@code =}. */
    EQ("="),
    /** Not equal, written {@code !=}. */
    NE("!="),
    /** Less than, written {@code <}; numbers and dates only. */
    LT("<"),
    /** Less than or equal, written {@code <=}; numbers and dates only. */
    LE("<="),
    /** Greater than, written {@code >}; numbers and dates only. */
    GT(">"),
    /** Greater than or equal, written {@code >=}; numbers and dates only. */
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * Both sides hold. The right side is not evaluated when the left is false.
   *
   * @param left the first condition
   * @param right the second condition
   */
  record And(Condition left, Condition right) implements Condition {
    /**
     * Checks that both sides are present.
     *
     * @throws NullPointerException if either side is null
     */
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(ConditionContext context) {
      return left.test(context) && right.test(context);
    }

    @Override
    public String toString() {
      return Printing.group(left) + " and " + Printing.group(right);
    }
  }

  /**
   * Either side holds. The right side is not evaluated when the left is true.
   *
   * @param left the first condition
   * @param right the second condition
   */
  record Or(Condition left, Condition right) implements Condition {
    /**
     * Checks that both sides are present.
     *
     * @throws NullPointerException if either side is null
     */
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(ConditionContext context) {
      return left.test(context) || right.test(context);
    }

    @Override
    public String toString() {
      return Printing.group(left) + " or " + Printing.group(right);
    }
  }

  /**
   * The condition does not hold. A comparison with an unanswered question is false, so
   * {@code not} of it is true.
   *
   * @param condition the condition to negate
   */
  record Not(Condition condition) implements Condition {
    /**
     * Checks that the condition is present.
     *
     * @throws NullPointerException if {@code condition} is null
     */
    public Not {
      Objects.requireNonNull(condition, "condition");
    }

    @Override
    public boolean test(ConditionContext context) {
      return !condition.test(context);
    }

    @Override
    public String toString() {
      return "not " + Printing.group(condition);
    }
  }

  /**
   * {@code left op right}: numbers and dates compare by value; text, yes/no only by = and !=.
   * False when either side is unanswered or the two sides are of different types.
   *
   * @param left the left operand
   * @param operator the operator
   * @param right the right operand
   */
  record Comparison(Operand left, Operator operator, Operand right) implements Condition {
    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is null
     */
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(ConditionContext context) {
      Optional<Value> a = left.evaluate(context);
      Optional<Value> b = right.evaluate(context);
      if (a.isEmpty() || b.isEmpty()) {
        return false;
      }
      Optional<Integer> order = Printing.compare(a.get(), b.get());
      if (order.isEmpty()) {
        return false;
      }
      int c = order.get();
      boolean ordered = a.get() instanceof Value.Decimal || a.get() instanceof Value.Date;
      return switch (operator) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> ordered && c < 0;
        case LE -> ordered && c <= 0;
        case GT -> ordered && c > 0;
        case GE -> ordered && c >= 0;
      };
    }

    @Override
    public String toString() {
      return left + " " + operator.symbol() + " " + right;
    }
  }

  /**
   * {@code subject in [a, b]} (or {@code not in}): the subject equals one of the values. False,
   * for {@code in} and {@code not in} alike, when the subject is unanswered.
   *
   * @param subject the operand to look for
   * @param values the values to look among, in the order written; unmodifiable
   * @param negated true for {@code not in}
   */
  record In(Operand subject, List<Operand> values, boolean negated) implements Condition {
    /**
     * Checks the components and takes an unmodifiable copy of the values.
     *
     * @throws NullPointerException if {@code subject} or {@code values} is null, or a value is null
     * @throws IllegalArgumentException if there are no values
     */
    public In {
      Objects.requireNonNull(subject, "subject");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("'in' needs at least one value");
      }
    }

    @Override
    public boolean test(ConditionContext context) {
      Optional<Value> s = subject.evaluate(context);
      if (s.isEmpty()) {
        return false;
      }
      boolean found = false;
      for (Operand o : values) {
        Optional<Value> v = o.evaluate(context);
        if (v.isPresent() && Printing.compare(s.get(), v.get()).orElse(1) == 0) {
          found = true;
          break;
        }
      }
      return negated != found;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      values.forEach(v -> parts.add(v.toString()));
      return subject + (negated ? " not in [" : " in [") + String.join(", ", parts) + "]";
    }
  }

  /**
   * {@code path is answered} (or {@code is not answered}): present and not blank or empty.
   *
   * @param path the answer or attribute to look at
   * @param negated true for {@code is not answered}
   */
  record Answered(Operand.Path path, boolean negated) implements Condition {
    /**
     * Checks that the path is present.
     *
     * @throws NullPointerException if {@code path} is null
     */
    public Answered {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public boolean test(ConditionContext context) {
      Optional<Value> v = path.evaluate(context);
      boolean answered = v.isPresent() && isAnswered(v.get());
      return negated != answered;
    }

    private static boolean isAnswered(Value v) {
      if (v instanceof Value.Text t) {
        return !t.value().isBlank();
      } else if (v instanceof Value.Items i) {
        return !i.values().isEmpty();
      } else if (v instanceof Value.Fields f) {
        return !f.values().isEmpty();
      }
      return true;
    }

    @Override
    public String toString() {
      return path + (negated ? " is not answered" : " is answered");
    }
  }

  /**
   * {@code subject contains value}: a list answer (checkboxes) includes the value. False when the
   * subject is unanswered or is not a list.
   *
   * @param subject the list to look in
   * @param value the value to look for
   */
  record Contains(Operand subject, Operand value) implements Condition {
    /**
     * Checks that both operands are present.
     *
     * @throws NullPointerException if either operand is null
     */
    public Contains {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(ConditionContext context) {
      Optional<Value> s = subject.evaluate(context);
      Optional<Value> v = value.evaluate(context);
      if (s.isEmpty() || v.isEmpty() || !(s.get() instanceof Value.Items items)) {
        return false;
      }
      for (Value item : items.values()) {
        if (Printing.compare(item, v.get()).orElse(1) == 0) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return subject + " contains " + value;
    }
  }
}

/** Printing and comparison helpers shared by the node types. */
final class Printing {
  private Printing() {}

  static String group(Condition c) {
    return c instanceof Condition.And || c instanceof Condition.Or ? "(" + c + ")" : c.toString();
  }

  /** Orders two values of the same type; empty for different or unordered types. */
  static Optional<Integer> compare(Value a, Value b) {
    if (a instanceof Value.Decimal x && b instanceof Value.Decimal y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    if (a instanceof Value.Date x && b instanceof Value.Date y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    if (a instanceof Value.Text x && b instanceof Value.Text y) {
      return Optional.of(x.value().equals(y.value()) ? 0 : x.value().compareTo(y.value()) < 0 ? -1 : 1);
    }
    if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
      return Optional.of(x.value() == y.value() ? 0 : 1);
    }
    return Optional.empty();
  }
}
