package io.civickit.pay.fee;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a fee, to show on check your answers: an item ({@code 2 × Garden waste bin, £90.00})
 * or a discount ({@code Concession: half price, −£45.00}, a negative amount).
 *
 * @param id the rule's id
 * @param label what it is, in English
 * @param labelWelsh what it is, in Welsh, when the rules give it
 * @param quantity how many (1 for a discount or a fixed charge)
 * @param unitPence the price of one, in pence (for a discount, the amount it takes off)
 * @param amountPence the line's amount in pence: quantity × unit for an item, negative for a discount
 */
public record FeeLine(String id, String label, Optional<String> labelWelsh, long quantity, long unitPence,
    long amountPence) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the quantity is negative
   */
  public FeeLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(labelWelsh, "labelWelsh");
    if (quantity < 0) {
      throw new IllegalArgumentException("a quantity is at least 0, but was " + quantity);
    }
  }

  /** True for a discount line. */
  public boolean isDiscount() {
    return amountPence < 0;
  }

  /** The label in the locale's language: Welsh when asked for and given, else English. */
  public String label(Locale locale) {
    return "cy".equals(locale.getLanguage()) ? labelWelsh.orElse(label) : label;
  }
}
