package io.civickit.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * One choice of a radios, checkboxes or select question.
 *
 * <pre>{@code
 * Question.builder("waste", QuestionType.CHECKBOXES)
 *     .option(Option.of("garden", LocalisedText.english("Garden waste"))
 *         .withHint(LocalisedText.english("Grass, leaves and branches")))
 *     .option(Option.of("none", LocalisedText.english("None of these")).afterDivider().asExclusive())
 * }</pre>
 *
 * @param value the stored value (stable, not shown)
 * @param label the label shown
 * @param hint optional hint shown under the label (radios and checkboxes)
 * @param exclusive for checkboxes, a "None of these" choice that cannot be chosen with any other:
 *     GOV.UK Frontend unticks the others in the browser, and validation refuses the mix on the
 *     server, so it holds without JavaScript
 * @param dividerBefore whether an "or" divider comes before this choice (radios and checkboxes)
 */
public record Option(String value, LocalisedText label, Optional<LocalisedText> hint, boolean exclusive,
    boolean dividerBefore) {
  /** Validates the value. */
  public Option {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    if (value.isBlank()) {
      throw new IllegalArgumentException("option value must not be blank (label '" + label.en() + "')");
    }
  }

  /**
   * A plain choice: no hint, not exclusive, no divider.
   *
   * @param value the stored value
   * @param label the label shown
   */
  public Option(String value, LocalisedText label) {
    this(value, label, Optional.empty(), false, false);
  }

  /**
   * A plain choice.
   *
   * @param value the stored value
   * @param label the label shown
   * @return the option
   */
  public static Option of(String value, LocalisedText label) {
    return new Option(value, label);
  }

  /**
   * This choice with a hint under its label.
   *
   * @param text the hint
   * @return a copy
   */
  public Option withHint(LocalisedText text) {
    return new Option(value, label, Optional.of(text), exclusive, dividerBefore);
  }

  /**
   * This choice as the exclusive "None of these" of a checkbox question.
   *
   * @return a copy
   */
  public Option asExclusive() {
    return new Option(value, label, hint, true, dividerBefore);
  }

  /**
   * This choice with an "or" divider before it.
   *
   * @return a copy
   */
  public Option afterDivider() {
    return new Option(value, label, hint, exclusive, true);
  }
}
