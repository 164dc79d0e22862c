package io.civickit.forms;

import java.util.Objects;

/**
 * One choice of a radios, checkboxes or select question.
 *
 * @param value the stored value (stable, not shown)
 * @param label the label shown, in English and Welsh
 */
public record Option(String value, LocalisedText label) {
  /** Validates the value. */
  public Option {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    if (value.isBlank()) {
      throw new IllegalArgumentException("option value must not be blank (label '" + label.en() + "')");
    }
  }
}
