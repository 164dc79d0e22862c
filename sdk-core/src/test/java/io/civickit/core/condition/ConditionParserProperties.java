package io.civickit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.condition.internal.Parser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConditionParserProperties {

  @Property(tries = 2000)
  void printingAParsedConditionAndParsingItAgainGivesTheSameTree(@ForAll("conditions") Condition condition) {
    String printed = condition.toString();
    Condition reparsed = Condition.parse(printed);
    assertThat(reparsed).isEqualTo(condition);
    assertThat(reparsed.toString()).isEqualTo(printed);
  }

  @Property(tries = 3000)
  void arbitraryTextEitherParsesOrThrowsTheDocumentedError(@ForAll String text) {
    try {
      Condition c = Condition.parse(text);
      assertThat(Condition.parse(c.toString())).isEqualTo(c);
    } catch (ConditionSyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
    }
  }

  @Property(tries = 3000)
  void textMadeOfTheLanguagesOwnPiecesEitherParsesOrThrowsTheDocumentedError(@ForAll("soup") String text) {
    try {
      Condition c = Condition.parse(text);
      assertThat(Condition.parse(c.toString())).isEqualTo(c);
    } catch (ConditionSyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
    }
  }

  @Property(tries = 50)
  void deepNestingIsASyntaxErrorNotAStackOverflow(@ForAll("depths") int depth) {
    String text = "(".repeat(depth) + "a = 1" + ")".repeat(depth);
    if (depth <= Parser.MAX_DEPTH) {
      assertThat(Condition.parse(text)).isEqualTo(Condition.parse("a = 1"));
    } else {
      assertThatThrownBy(() -> Condition.parse(text)).isInstanceOf(ConditionSyntaxException.class)
          .hasMessageContaining("nested more than");
    }
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(0, 4990);
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> piece = Arbitraries.of("a", "b.c", "journey.segment", "'x'", "\"y\"", "1", "2.50", "-3",
        "2024-02-29", "2023-02-29", "today", "true", "false", "=", "!=", "<", "<=", ">", ">=", "and", "or",
        "not", "in", "[", "]", ",", "(", ")", "is", "answered", "contains", "+", "-", "days", "years", "'", "!",
        "\\", "é", "\u0000");
    return piece.list().ofMaxSize(14).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<Condition> conditions() {
    return condition(4);
  }

  private Arbitrary<Condition> condition(int depth) {
    Arbitrary<Condition> leaf = Arbitraries.oneOf(comparisons(), ins(), answereds(), containses());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Condition> sub = Arbitraries.lazy(() -> condition(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Condition.And::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Condition.Or::new)),
        net.jqwik.api.Tuple.of(1, sub.map(Condition.Not::new)));
  }

  private Arbitrary<Condition> comparisons() {
    return Combinators.combine(operands(), Arbitraries.of(Condition.Operator.class), operands())
        .as(Condition.Comparison::new);
  }

  private Arbitrary<Condition> ins() {
    return Combinators.combine(operands(), literals().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
        .as((s, v, n) -> new Condition.In(s, List.copyOf(v), n));
  }

  private Arbitrary<Condition> answereds() {
    return Combinators.combine(paths(), Arbitraries.of(true, false)).as(Condition.Answered::new);
  }

  private Arbitrary<Condition> containses() {
    return Combinators.combine(paths(), literals()).as(Condition.Contains::new);
  }

  private Arbitrary<Operand> operands() {
    Arbitrary<Operand> offsets = Combinators.combine(
            Arbitraries.oneOf(paths().map(Operand.class::cast), Arbitraries.just(new Operand.Today()), dates()),
            Arbitraries.integers().between(-Parser.MAX_OFFSET, Parser.MAX_OFFSET),
            Arbitraries.of(Operand.Unit.class))
        .as(Operand.DateOffset::new);
    return Arbitraries.oneOf(paths().map(Operand.class::cast), literals(), offsets.map(Operand.class::cast),
        Arbitraries.just(new Operand.Today()));
  }

  private Arbitrary<Operand> literals() {
    Arbitrary<Operand> text = Arbitraries.strings().ofMaxLength(12).map(Operand.Text::new);
    Arbitrary<Operand> number = Combinators.combine(
            Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L), Arbitraries.integers().between(0, 4))
        .as((unscaled, scale) -> new Operand.Number(BigDecimal.valueOf(unscaled, scale)));
    Arbitrary<Operand> bool = Arbitraries.of(true, false).map(Operand.Bool::new);
    return Arbitraries.oneOf(text, number, bool, dates());
  }

  private Arbitrary<Operand> dates() {
    return Arbitraries.longs().between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(d -> new Operand.Date(LocalDate.ofEpochDay(d)));
  }

  private Arbitrary<Operand.Path> paths() {
    Arbitrary<String> ident = Arbitraries.strings().withChars("abcxyz_").ofMinLength(1).ofMaxLength(6)
        .map(s -> "q" + s)
        .filter(s -> !Parser.KEYWORDS.contains(s));
    Arbitrary<String> hyphenated = Combinators.combine(ident, ident).as((a, b) -> a + "-" + b);
    return Arbitraries.oneOf(ident, hyphenated).list().ofMinSize(1).ofMaxSize(3).map(Operand.Path::new);
  }
}
