package io.civickit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private static boolean eval(String condition, Map<String, Value> answers) {
    return Condition.parse(condition).test(ConditionContext.of(answers, Map.of("channel", Value.text("online")), TODAY));
  }

  @Test
  void comparesNumbersByValueNotByScale() {
    Map<String, Value> a = Map.of("income", Value.number(new BigDecimal("1500.00")));
    assertThat(eval("income = 1500", a)).isTrue();
    assertThat(eval("income < 1500.01", a)).isTrue();
    assertThat(eval("income >= 2000", a)).isFalse();
  }

  @Test
  void comparesDatesIncludingArithmeticOnToday() {
    Map<String, Value> born1950 = Map.of("date-of-birth", Value.date(LocalDate.of(1950, 6, 1)));
    Map<String, Value> born1990 = Map.of("date-of-birth", Value.date(LocalDate.of(1990, 6, 1)));
    String over75 = "date-of-birth <= today - 75 years";
    assertThat(eval(over75, born1950)).isTrue();
    assertThat(eval(over75, born1990)).isFalse();
    assertThat(eval("date-of-birth < 2000-01-01", born1990)).isTrue();
  }

  @Test
  void aBirthdayExactlySeventyFiveYearsAgoCountsAsOverSeventyFive() {
    assertThat(eval("dob <= today - 75 years", Map.of("dob", Value.date(TODAY.minusYears(75))))).isTrue();
    assertThat(eval("dob <= today - 75 years", Map.of("dob", Value.date(TODAY.minusYears(75).plusDays(1))))).isFalse();
  }

  @Test
  void unansweredQuestionsMakeEveryComparisonFalseIncludingNotEquals() {
    assertThat(eval("age = 3", Map.of())).isFalse();
    assertThat(eval("age != 3", Map.of())).isFalse();
    assertThat(eval("not age = 3", Map.of())).isTrue();
    assertThat(eval("age is not answered", Map.of())).isTrue();
    assertThat(eval("name is answered", Map.of("name", Value.text("  ")))).isFalse();
  }

  @Test
  void mismatchedTypesAreFalseNotErrors() {
    assertThat(eval("age = 'three'", Map.of("age", Value.number(3)))).isFalse();
    assertThat(eval("name > 3", Map.of("name", Value.text("x")))).isFalse();
    assertThat(eval("name < 'y'", Map.of("name", Value.text("x")))).isFalse();
  }

  @Test
  void inAndNotInAndContains() {
    Map<String, Value> a = Map.of("bin", Value.text("green"), "needs", Value.texts(List.of("large-print", "braille")));
    assertThat(eval("bin in ['green', 'brown']", a)).isTrue();
    assertThat(eval("bin not in ['green', 'brown']", a)).isFalse();
    assertThat(eval("needs contains 'braille'", a)).isTrue();
    assertThat(eval("needs contains 'audio'", a)).isFalse();
  }

  @Test
  void readsGroupPartsAndJourneyAttributes() {
    Map<String, Value> a = Map.of("address", Value.fields(Map.of("postcode", Value.text("SW1A 1AA"))));
    assertThat(eval("address.postcode = 'SW1A 1AA'", a)).isTrue();
    assertThat(eval("journey.channel = 'online'", a)).isTrue();
    assertThat(eval("address.town is answered", a)).isFalse();
  }

  @Test
  void andBindsTighterThanOr() {
    Condition c = Condition.parse("a = 1 or b = 2 and c = 3");
    assertThat(c).isInstanceOf(Condition.Or.class);
    assertThat(c.toString()).isEqualTo("a = 1 or (b = 2 and c = 3)");
    assertThat(c.references()).extracting(Object::toString).containsExactly("a", "b", "c");
  }

  @Test
  void syntaxErrorsSayWhatWasExpectedAndWhere() {
    assertThatThrownBy(() -> Condition.parse("age >"))
        .isInstanceOf(ConditionSyntaxException.class)
        .hasMessage("Expected a question, attribute or value but found the end of the condition at position 5"
            + " in condition: age >");
    assertThatThrownBy(() -> Condition.parse("bin in ['green' 'brown']"))
        .isInstanceOf(ConditionSyntaxException.class)
        .satisfies(e -> assertThat(((ConditionSyntaxException) e).position()).isEqualTo(16))
        .hasMessageStartingWith("Expected ']' to close the list of values but found the text 'brown'");
    assertThatThrownBy(() -> Condition.parse("dob < 2023-02-30"))
        .hasMessageStartingWith("'2023-02-30' is not a real date at position 6");
    assertThatThrownBy(() -> Condition.parse("name = 'unclosed"))
        .hasMessageStartingWith("Text starting here has no closing ' at position 7");
    assertThatThrownBy(() -> Condition.parse("a = 1 b = 2"))
        .hasMessageStartingWith("Expected 'and', 'or' or the end of the condition but found 'b' at position 6");
  }
}
