package io.civickit.pay.fee;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * A fee worked out from a journey's answers: its lines and total.
 *
 * @param lines the items and discounts that applied, in the rules' order; unmodifiable
 * @param totalPence the amount to pay, in pence: the sum of the lines, never negative
 */
public record Fee(List<FeeLine> lines, long totalPence) {

  /**
   * Takes a copy of the lines and checks the total.
   *
   * @throws NullPointerException if {@code lines} is null or holds null
   * @throws IllegalArgumentException if the total is negative or is not the sum of the lines
   */
  public Fee {
    lines = List.copyOf(lines);
    long sum = 0;
    for (FeeLine l : lines) {
      sum = Math.addExact(sum, l.amountPence());
    }
    if (totalPence < 0 || sum != totalPence) {
      throw new IllegalArgumentException("a fee total is the sum of its lines and never negative, but was "
          + totalPence + " with lines summing to " + sum);
    }
  }

  /** True when there is nothing to pay. */
  public boolean isFree() {
    return totalPence == 0;
  }

  /**
   * Pence as pounds for display, the GOV.UK way: {@code £45}, {@code £22.50}, {@code £1,350}
   * (pence shown only when there are some), with a minus sign for negative amounts.
   *
   * @param pence the amount
   * @return the amount in pounds
   */
  public static String pounds(long pence) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    boolean whole = pence % 100 == 0;
    f.setMinimumFractionDigits(whole ? 0 : 2);
    f.setMaximumFractionDigits(whole ? 0 : 2);
    String abs = f.format(BigDecimal.valueOf(Math.abs(pence)).movePointLeft(2));
    return (pence < 0 ? "−£" : "£") + abs;
  }
}
