package io.civickit.core.condition.internal;

import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionSyntaxException;
import io.civickit.core.condition.Operand;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for the condition language. Input length and nesting
 * depth are bounded so that no input, however hostile, does anything but parse or throw
 * {@link ConditionSyntaxException}.
 */
public final class Parser {

  /** Longest condition accepted, in characters. */
  public static final int MAX_LENGTH = 10_000;
  /** Deepest nesting of brackets and {@code not} accepted. */
  public static final int MAX_DEPTH = 64;
  /** Largest amount in a date offset ({@code today - N years}). */
  public static final int MAX_OFFSET = 100_000;

  /** Words with a meaning in the language; they cannot name a question. */
  public static final Set<String> KEYWORDS = Set.of(
      "and", "or", "not", "in", "is", "answered", "contains", "today", "true", "false",
      "days", "day", "weeks", "week", "months", "month", "years", "year");

  private enum Kind { IDENT, STRING, NUMBER, DATE, SYMBOL, END }

  private record Token(Kind kind, String text, int position) {}

  private final String source;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private Parser(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Parses a whole condition. */
  public static Condition parse(String source) {
    if (source.length() > MAX_LENGTH) {
      throw new ConditionSyntaxException(
          "Condition is longer than " + MAX_LENGTH + " characters", MAX_LENGTH, source);
    }
    Parser p = new Parser(source);
    Condition c = p.or();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      throw p.error("Expected 'and', 'or' or the end of the condition but found " + describe(t), t);
    }
    return c;
  }

  // ---- grammar -------------------------------------------------------------------------------

  private Condition or() {
    Condition left = and();
    while (isWord("or")) {
      next();
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = unary();
    while (isWord("and")) {
      next();
      left = new Condition.And(left, unary());
    }
    return left;
  }

  private Condition unary() {
    Token t = peek();
    if (isWord("not")) {
      next();
      enter(t);
      try {
        return new Condition.Not(unary());
      } finally {
        depth--;
      }
    }
    if (isSymbol("(")) {
      next();
      enter(t);
      try {
        Condition inner = or();
        expectSymbol(")", "to close the '(' at position " + t.position);
        return inner;
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw error("Condition is nested more than " + MAX_DEPTH + " deep", t);
    }
  }

  private Condition comparison() {
    Token start = peek();
    Operand left = operand();
    Token t = peek();
    if (isWord("is")) {
      next();
      boolean negated = false;
      if (isWord("not")) {
        next();
        negated = true;
      }
      if (!isWord("answered")) {
        throw error("Expected 'answered' after 'is" + (negated ? " not" : "") + "' but found " + describe(peek()), peek());
      }
      next();
      if (!(left instanceof Operand.Path path)) {
        throw error("Only a question or attribute can be 'answered', not " + left, start);
      }
      return new Condition.Answered(path, negated);
    }
    if (isWord("not")) {
      next();
      if (!isWord("in")) {
        throw error("Expected 'in' after 'not' but found " + describe(peek()), peek());
      }
      next();
      return new Condition.In(left, list(), true);
    }
    if (isWord("in")) {
      next();
      return new Condition.In(left, list(), false);
    }
    if (isWord("contains")) {
      next();
      return new Condition.Contains(left, operand());
    }
    if (t.kind == Kind.SYMBOL) {
      Condition.Operator op = switch (t.text) {
        case "=" -> Condition.Operator.EQ;
        case "!=" -> Condition.Operator.NE;
        case "<" -> Condition.Operator.LT;
        case "<=" -> Condition.Operator.LE;
        case ">" -> Condition.Operator.GT;
        case ">=" -> Condition.Operator.GE;
        default -> null;
      };
      if (op != null) {
        next();
        return new Condition.Comparison(left, op, operand());
      }
    }
    throw error("Expected a comparison (=, !=, <, <=, >, >=, in, not in, contains, is answered) but found "
        + describe(t), t);
  }

  private List<Operand> list() {
    expectSymbol("[", "to start the list of values");
    List<Operand> values = new ArrayList<>();
    if (isSymbol("]")) {
      throw error("A list needs at least one value", peek());
    }
    values.add(operand());
    while (isSymbol(",")) {
      next();
      values.add(operand());
    }
    expectSymbol("]", "to close the list of values");
    return values;
  }

  private Operand operand() {
    Operand base = primary();
    if ((isSymbol("+") || isSymbol("-")) && peekAt(1).kind == Kind.NUMBER) {
      Token sign = next();
      Token number = next();
      Token unitToken = peek();
      Operand.Unit unit = unit(unitToken);
      if (unit == null) {
        throw error("Expected days, weeks, months or years after " + number.text + " but found "
            + describe(unitToken), unitToken);
      }
      next();
      if (number.text.contains(".")) {
        throw error("A date offset must be a whole number, not " + number.text, number);
      }
      int amount = wholeNumber(number);
      if (base instanceof Operand.Number || base instanceof Operand.Text || base instanceof Operand.Bool) {
        throw error("Only a date can have " + unit.name().toLowerCase(Locale.ROOT) + " added or taken away", sign);
      }
      return new Operand.DateOffset(base, sign.text.equals("-") ? -amount : amount, unit);
    }
    return base;
  }

  private int wholeNumber(Token number) {
    BigDecimal value = new BigDecimal(number.text);
    if (value.compareTo(BigDecimal.valueOf(MAX_OFFSET)) > 0) {
      throw error("A date offset must be at most " + MAX_OFFSET + ", not " + number.text, number);
    }
    return value.intValueExact();
  }

  private static Operand.Unit unit(Token t) {
    if (t.kind != Kind.IDENT) {
      return null;
    }
    switch (t.text) {
      case "day": case "days": return Operand.Unit.DAYS;
      case "week": case "weeks": return Operand.Unit.WEEKS;
      case "month": case "months": return Operand.Unit.MONTHS;
      case "year": case "years": return Operand.Unit.YEARS;
      default: return null;
    }
  }

  private Operand primary() {
    Token t = peek();
    switch (t.kind) {
      case STRING:
        next();
        return new Operand.Text(t.text);
      case NUMBER:
        next();
        return new Operand.Number(new BigDecimal(t.text));
      case DATE:
        next();
        try {
          return new Operand.Date(LocalDate.parse(t.text));
        } catch (DateTimeException e) {
          throw error("'" + t.text + "' is not a real date", t);
        }
      case SYMBOL:
        if (t.text.equals("-") && peekAt(1).kind == Kind.NUMBER) {
          next();
          Token n = next();
          return new Operand.Number(new BigDecimal(n.text).negate());
        }
        throw error("Expected a question, attribute or value but found " + describe(t), t);
      case IDENT:
        switch (t.text) {
          case "true":
            next();
            return new Operand.Bool(true);
          case "false":
            next();
            return new Operand.Bool(false);
          case "today":
            next();
            return new Operand.Today();
          default:
            break;
        }
        if (KEYWORDS.contains(t.text)) {
          throw error("Expected a question, attribute or value but found the word '" + t.text + "'", t);
        }
        next();
        List<String> segments = new ArrayList<>();
        segments.add(t.text);
        while (isSymbol(".")) {
          next();
          Token seg = peek();
          if (seg.kind != Kind.IDENT || KEYWORDS.contains(seg.text)) {
            throw error("Expected a name after '.' but found " + describe(seg), seg);
          }
          next();
          segments.add(seg.text);
        }
        return new Operand.Path(segments);
      default:
        throw error("Expected a question, attribute or value but found the end of the condition", t);
    }
  }

  // ---- tokens --------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(index);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind != Kind.END) {
      index++;
    }
    return t;
  }

  private boolean isWord(String word) {
    Token t = peek();
    return t.kind == Kind.IDENT && t.text.equals(word);
  }

  private boolean isSymbol(String symbol) {
    Token t = peek();
    return t.kind == Kind.SYMBOL && t.text.equals(symbol);
  }

  private void expectSymbol(String symbol, String why) {
    if (!isSymbol(symbol)) {
      throw error("Expected '" + symbol + "' " + why + " but found " + describe(peek()), peek());
    }
    next();
  }

  private ConditionSyntaxException error(String message, Token at) {
    return new ConditionSyntaxException(message, at.position, source);
  }

  private static String describe(Token t) {
    switch (t.kind) {
      case END: return "the end of the condition";
      case STRING: return "the text '" + abbreviate(t.text) + "'";
      case NUMBER: case DATE: return "'" + t.text + "'";
      default: return "'" + abbreviate(t.text) + "'";
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 30 ? s : s.substring(0, 27) + "...";
  }

  private static boolean identStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean identPart(char c) {
    return identStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      if (identStart(c)) {
        i++;
        while (i < n && (identPart(s.charAt(i))
            || (s.charAt(i) == '-' && i + 1 < n && identPart(s.charAt(i + 1)) && identPart(s.charAt(i - 1))))) {
          i++;
        }
        out.add(new Token(Kind.IDENT, s.substring(start, i), start));
      } else if (digit(c)) {
        if (i + 10 <= n && s.substring(i, i + 10).matches("\\d{4}-\\d{2}-\\d{2}")
            && (i + 10 == n || !identPart(s.charAt(i + 10)))) {
          out.add(new Token(Kind.DATE, s.substring(i, i + 10), start));
          i += 10;
          continue;
        }
        while (i < n && digit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.' && i + 1 < n && digit(s.charAt(i + 1))) {
          i++;
          while (i < n && digit(s.charAt(i))) {
            i++;
          }
        }
        if (i - start > 40) {
          throw new ConditionSyntaxException("Number is longer than 40 digits", start, s);
        }
        if (i < n && identStart(s.charAt(i))) {
          throw new ConditionSyntaxException("Expected a space after the number " + s.substring(start, i), i, s);
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
      } else if (c == '\'' || c == '"') {
        StringBuilder text = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = s.charAt(i);
          if (d == '\\') {
            if (i + 1 >= n) {
              break;
            }
            char e = s.charAt(i + 1);
            if (e != '\\' && e != '\'' && e != '"') {
              throw new ConditionSyntaxException("Unknown escape '\\" + e + "' in text", i, s);
            }
            text.append(e);
            i += 2;
          } else if (d == c) {
            i++;
            closed = true;
            break;
          } else {
            text.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new ConditionSyntaxException("Text starting here has no closing " + c, start, s);
        }
        out.add(new Token(Kind.STRING, text.toString(), start));
      } else if (c == '!' || c == '<' || c == '>' || c == '=') {
        if (i + 1 < n && s.charAt(i + 1) == '=') {
          out.add(new Token(Kind.SYMBOL, s.substring(i, i + 2), start));
          i += 2;
        } else if (c == '!') {
          throw new ConditionSyntaxException("Expected '=' after '!'", i + 1, s);
        } else {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
          i++;
        }
      } else if ("()[],.+-".indexOf(c) >= 0) {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
        i++;
      } else {
        String shown = Character.isISOControl(c) || Character.isSurrogate(c)
            ? String.format("U+%04X", (int) c) : "'" + c + "'";
        throw new ConditionSyntaxException("Unexpected character " + shown, i, s);
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }
}
