package io.civickit.pay.fee;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Value;
import io.civickit.core.condition.ConditionContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Fee rules never charge a negative amount, and round discounts to the penny in the payer's favour. */
class FeeRulesProperties {

  private static ConditionContext answers(long bins, boolean concession) {
    return ConditionContext.of(Map.of("bins", Value.number(bins), "concession", Value.bool(concession)), Map.of(),
        LocalDate.of(2026, 12, 4));
  }

  @Property
  void aDiscountNeverTakesOffMoreThanTheTotalAndRoundsTheChargeDown(
      @ForAll @LongRange(min = 0, max = 10_000_000) long total,
      @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal percent) {
    long off = FeeRules.discountOff(total, percent);
    assertThat(off).isBetween(0L, total);
    // the exact discount, and the charge left, differ from the rounded ones by less than a penny
    BigDecimal exact = BigDecimal.valueOf(total).multiply(percent).divide(BigDecimal.valueOf(100), 10, RoundingMode.UNNECESSARY);
    assertThat(BigDecimal.valueOf(off).subtract(exact)).isGreaterThanOrEqualTo(BigDecimal.ZERO)
        .isLessThan(BigDecimal.ONE);
  }

  @Property
  void theFeeIsNeverNegativeAndIsTheSumOfItsLines(@ForAll @LongRange(min = 0, max = 100) long bins,
      @ForAll boolean concession, @ForAll @IntRange(min = 0, max = 100_000) int unit,
      @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal percent,
      @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal second) {
    FeeRules rules = FeeRules.builder()
        .perUnit("bins", "Bin", unit, "bins")
        .fixed("admin", "Admin fee", 150).when("bins > 0")
        .percentOff("concession", "Concession", percent).when("concession = true")
        .percentOff("online", "Online discount", second)
        .build();
    Fee fee = rules.calculate(answers(bins, concession));
    assertThat(fee.totalPence()).isNotNegative();
    assertThat(fee.lines().stream().mapToLong(FeeLine::amountPence).sum()).isEqualTo(fee.totalPence());
    long before = bins * unit + (bins > 0 ? 150 : 0);
    assertThat(fee.totalPence()).isLessThanOrEqualTo(before);
  }

  @Property
  void halfPriceOfAnOddAmountRoundsInThePayersFavour(@ForAll @LongRange(min = 0, max = 100) long bins) {
    FeeRules rules = FeeRules.builder().perUnit("bins", "Bin", 4501, "bins")
        .percentOff("concession", "Concession", 50).when("concession = true").build();
    long full = bins * 4501;
    assertThat(rules.calculate(answers(bins, true)).totalPence()).isEqualTo(full / 2);
    assertThat(rules.calculate(answers(bins, false)).totalPence()).isEqualTo(full);
  }

  @Property
  void rulesSurviveAJsonRoundTrip(@ForAll @IntRange(min = 0, max = 100_000) int unit,
      @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal percent,
      @ForAll @LongRange(min = 0, max = 100) long bins, @ForAll boolean concession) {
    FeeRules rules = FeeRules.builder().perUnit("bins", "Bin", unit, "bins").welsh("Bin")
        .percentOff("concession", "Concession", percent).when("concession = true").build();
    FeeRules again = FeeRules.fromJson(rules.toJson());
    assertThat(again.calculate(answers(bins, concession))).isEqualTo(rules.calculate(answers(bins, concession)));
    assertThat(again.toJson()).isEqualTo(rules.toJson());
  }

  @Property
  void anyTextGivesRulesOrProblemsNeverAnotherException(@ForAll String json) {
    assertThat(FeeRules.lint(json)).isNotNull();
  }
}
