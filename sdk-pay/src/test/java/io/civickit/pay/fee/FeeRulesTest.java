package io.civickit.pay.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Value;
import io.civickit.core.condition.ConditionContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeeRulesTest {
  private static final String GARDEN = """
      {"items": [{"id": "bins", "label": "Garden waste bin", "label_cy": "Bin gwastraff gardd",
                  "unit_pence": 4500, "quantity": "bins"}],
       "discounts": [{"id": "concession", "label": "Concession (half price)", "percent_off": 50,
                      "when": "concession = true"}]}
      """;

  private static ConditionContext ctx(Map<String, Value> answers) {
    return ConditionContext.of(answers, Map.of(), LocalDate.of(2026, 12, 4));
  }

  @Test
  void fortyFivePoundsPerBinAndConcessionsAtHalfPrice() {
    FeeRules rules = FeeRules.fromJson(GARDEN);
    Fee full = rules.calculate(ctx(Map.of("bins", Value.number(2), "concession", Value.bool(false))));
    assertThat(full.totalPence()).isEqualTo(9000);
    assertThat(full.lines()).containsExactly(new FeeLine("bins", "Garden waste bin",
        java.util.Optional.of("Bin gwastraff gardd"), 2, 4500, 9000));
    Fee half = rules.calculate(ctx(Map.of("bins", Value.number(3), "concession", Value.bool(true))));
    assertThat(half.totalPence()).isEqualTo(6750);
    assertThat(half.lines()).extracting(FeeLine::amountPence).containsExactly(13500L, -6750L);
    assertThat(half.lines().get(1).isDiscount()).isTrue();
    assertThat(half.lines().get(0).label(Locale.forLanguageTag("cy"))).isEqualTo("Bin gwastraff gardd");
  }

  @Test
  void poundsAreShownTheGovUkWay() {
    assertThat(Fee.pounds(4500)).isEqualTo("£45");
    assertThat(Fee.pounds(2250)).isEqualTo("£22.50");
    assertThat(Fee.pounds(135000)).isEqualTo("£1,350");
    assertThat(Fee.pounds(-6750)).isEqualTo("−£67.50");
  }

  @Test
  void aQuantityCanBeAListOrYesNo() {
    FeeRules rules = FeeRules.builder().perUnit("bins", "Bin", 4500, "bins").build();
    assertThat(rules.calculate(ctx(Map.of("bins", Value.texts(List.of("a", "b", "c"))))).totalPence()).isEqualTo(13500);
    assertThat(rules.calculate(ctx(Map.of("bins", Value.bool(true)))).totalPence()).isEqualTo(4500);
  }

  @Test
  void aMissingOrBadQuantityIsAClearErrorNamingTheRuleNotTheAnswer() {
    FeeRules rules = FeeRules.builder().perUnit("bins", "Bin", 4500, "bins").maxQuantity(10).build();
    assertThatThrownBy(() -> rules.calculate(ctx(Map.of()))).isInstanceOf(FeeCalculationException.class)
        .hasMessageContaining("\"bins\"").hasMessageContaining("not answered");
    assertThatThrownBy(() -> rules.calculate(ctx(Map.of("bins", Value.number(new java.math.BigDecimal("1.5"))))))
        .isInstanceOf(FeeCalculationException.class).hasMessageContaining("whole number from 0 to 10");
    assertThatThrownBy(() -> rules.calculate(ctx(Map.of("bins", Value.number(11)))))
        .isInstanceOf(FeeCalculationException.class);
    assertThatThrownBy(() -> rules.calculate(ctx(Map.of("bins", Value.text("secret words")))))
        .isInstanceOf(FeeCalculationException.class).hasMessageNotContaining("secret");
  }

  @Test
  void aTotalAbovePaysLimitIsRefused() {
    FeeRules rules = FeeRules.builder().perUnit("big", "Big", 10_000_000, "n").build();
    assertThatThrownBy(() -> rules.calculate(ctx(Map.of("n", Value.number(2)))))
        .isInstanceOf(FeeCalculationException.class).hasMessageContaining("20000000");
  }

  @Test
  void lintListsEveryProblemWithWhereItIs() {
    List<FeeProblem> problems = FeeRules.lint("""
        {"items": [{"id": "Bins", "label": "", "unit_pence": -1, "quantity": "2bins", "when": "bins >"},
                   {"id": "x", "label": "X", "unit_pence": 1.5}],
         "discounts": [{"id": "d", "label": "D", "percent_off": 120}], "colour": 1}
        """);
    assertThat(problems).extracting(FeeProblem::where).contains("$", "items[0].when", "items[1].unit_pence",
        "discounts[0].percent_off");
    assertThat(FeeRules.lint("""
        {"items": [{"id": "Bins", "label": "", "unit_pence": -1, "quantity": "2bins"}]}
        """)).extracting(FeeProblem::where).containsExactly("items[0].id", "items[0].label", "items[0].unit_pence",
        "items[0].quantity");
    assertThat(FeeRules.lint("[]")).extracting(FeeProblem::toString).containsExactly("$: the document must be a JSON object");
    assertThat(FeeRules.lint(GARDEN)).isEmpty();
    assertThatThrownBy(() -> FeeRules.fromJson("{\"items\": []}")).isInstanceOf(FeeRulesException.class)
        .hasMessageContaining("items: there must be a list of at least one item");
    assertThat(FeeRules.lint("""
        {"items": [{"id": "a", "label": "A", "unit_pence": 1}, {"id": "a", "label": "B", "unit_pence": 1}]}
        """)).extracting(FeeProblem::toString).containsExactly("items[1].id: \"a\" is used twice");
  }

  @Test
  void lintAgainstAFormFindsAnswersNoStepWrites() {
    FeeRules rules = FeeRules.builder().perUnit("bins", "Bin", 4500, "bin_count")
        .percentOff("c", "Concession", 50).when("concesion = true and journey.segment = 'x'").build();
    assertThat(rules.lint(Set.of("bins", "concession"))).extracting(FeeProblem::where)
        .containsExactly("items[0].quantity", "discounts[0].when");
    assertThat(rules.lint(Set.of("bin_count", "concesion"))).isEmpty();
  }

  @Test
  void theBuilderSaysWhatWasWrong() {
    assertThatThrownBy(() -> FeeRules.builder().fixed("a", "A", -5)).hasMessageContaining("-5");
    assertThatThrownBy(() -> FeeRules.builder().fixed("a", "A", 1).when("x >")).hasMessageContaining("bad fee condition");
    assertThatThrownBy(() -> FeeRules.builder().fixed("a", "A", 1).fixed("a", "B", 1)).hasMessageContaining("twice");
    assertThatThrownBy(() -> FeeRules.builder().percentOff("d", "D", 0)).hasMessageContaining("0");
    assertThatThrownBy(() -> FeeRules.builder().percentOff("d", "D", 10).build()).hasMessageContaining("at least one item");
    assertThatThrownBy(() -> FeeRules.builder().percentOff("d", "D", 10).fixed("a", "A", 1))
        .hasMessageContaining("before discounts");
  }
}
