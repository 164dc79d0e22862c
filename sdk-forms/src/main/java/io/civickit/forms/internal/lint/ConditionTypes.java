package io.civickit.forms.internal.lint;

import io.civickit.core.condition.Condition;
import io.civickit.core.condition.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds comparisons in a condition whose two sides can never have the same type (they are
 * always false at run time), such as a number question compared with a text literal.
 */
public final class ConditionTypes {

  /** The type of value an operand holds, as far as lint can tell. */
  public enum Kind { TEXT, NUMBER, DATE, BOOLEAN, LIST }

  private ConditionTypes() {}

  /**
   * The problems in {@code condition}. {@code pathKind} gives the kind of answer a path holds,
   * or empty when unknown (unknown kinds are never reported).
   */
  public static List<String> check(Condition condition,
      Function<Operand.Path, Optional<Kind>> pathKind) {
    List<String> out = new ArrayList<>();
    walk(condition, pathKind, out);
    return out;
  }

  private static void walk(Condition c, Function<Operand.Path, Optional<Kind>> kinds,
      List<String> out) {
    if (c instanceof Condition.And a) {
      walk(a.left(), kinds, out);
      walk(a.right(), kinds, out);
    } else if (c instanceof Condition.Or o) {
      walk(o.left(), kinds, out);
      walk(o.right(), kinds, out);
    } else if (c instanceof Condition.Not n) {
      walk(n.condition(), kinds, out);
    } else if (c instanceof Condition.Comparison cmp) {
      Kind l = kind(cmp.left(), kinds);
      Kind r = kind(cmp.right(), kinds);
      if (l != null && r != null && l != r) {
        out.add("'" + cmp + "' compares " + name(l) + " with " + name(r) + " and is never true");
      } else if (l != null && r != null && (l == Kind.BOOLEAN || l == Kind.LIST)
          && cmp.operator() != Condition.Operator.EQ && cmp.operator() != Condition.Operator.NE) {
        out.add("'" + cmp + "' orders " + name(l) + " values, which have no order");
      }
    } else if (c instanceof Condition.In in) {
      Kind s = kind(in.subject(), kinds);
      for (Operand v : in.values()) {
        Kind k = kind(v, kinds);
        if (s != null && k != null && s != k) {
          out.add("'" + c + "' tests " + name(s) + " against " + name(k) + " " + v);
        }
      }
    }
  }

  private static String name(Kind k) {
    return k == Kind.BOOLEAN ? "yes/no" : k.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static @Nullable Kind kind(Operand o, Function<Operand.Path, Optional<Kind>> kinds) {
    if (o instanceof Operand.Path p) {
      return kinds.apply(p).orElse(null);
    } else if (o instanceof Operand.Text) {
      return Kind.TEXT;
    } else if (o instanceof Operand.Number) {
      return Kind.NUMBER;
    } else if (o instanceof Operand.Date || o instanceof Operand.Today
        || o instanceof Operand.DateOffset) {
      return Kind.DATE;
    } else if (o instanceof Operand.Bool) {
      return Kind.BOOLEAN;
    }
    return null;
  }
}
