package io.civickit.forms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One choice of a radios, checkboxes or select question.
 *
 * <pre>{@code
 * Question.builder("waste", QuestionType.CHECKBOXES)
 *     .option(Option.of("garden", LocalisedText.english("Garden waste"))
 *         .withHint(LocalisedText.english("Grass, leaves and branches")))
 *     .option(Option.of("none", LocalisedText.english("None of these")).afterDivider().asExclusive())
 * Question.builder("contact", QuestionType.RADIOS)
 *     .option(Option.of("phone", LocalisedText.english("Phone")).revealing("phone_number"))
 * }</pre>
 *
 * @param value the stored value (stable, not shown)
 * @param label the label shown
 * @param hint optional hint shown under the label (radios and checkboxes)
 * @param exclusive for checkboxes, a "None of these" choice that cannot be chosen with any other:
 *     GOV.UK Frontend unticks the others in the browser, and validation refuses the mix on the
 *     server, so it holds without JavaScript
 * @param dividerBefore whether an "or" divider comes before this choice (radios and checkboxes)
 * @param reveals ids of questions later on the same page shown under this choice, GOV.UK's
 *     conditional reveal (radios, checkboxes and yes/no): asked, validated and kept only when this
 *     choice is chosen
 */
public record Option(String value, LocalisedText label, Optional<LocalisedText> hint, boolean exclusive,
    boolean dividerBefore, List<String> reveals) {
  /** Validates the value. */
  public Option {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    reveals = List.copyOf(reveals);
    if (value.isBlank()) {
      throw new IllegalArgumentException("option value must not be blank (label '" + label.en() + "')");
    }
    if (exclusive && !reveals.isEmpty()) {
      throw new IllegalArgumentException("option '" + value + "' is exclusive (\"None of these\") and cannot reveal "
          + "questions");
    }
    if (reveals.size() != Set.copyOf(reveals).size()) {
      throw new IllegalArgumentException("option '" + value + "' reveals a question twice: " + reveals);
    }
  }

  /**
   * A choice that reveals no questions (the shape before conditional reveal existed).
   *
   * @param value the stored value
   * @param label the label shown
   * @param hint optional hint
   * @param exclusive whether it is a checkbox "None of these"
   * @param dividerBefore whether an "or" divider comes before it
   */
  public Option(String value, LocalisedText label, Optional<LocalisedText> hint, boolean exclusive,
      boolean dividerBefore) {
    this(value, label, hint, exclusive, dividerBefore, List.of());
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
    return new Option(value, label, Optional.of(text), exclusive, dividerBefore, reveals);
  }

  /**
   * This choice as the exclusive "None of these" of a checkbox question.
   *
   * @return a copy
   */
  public Option asExclusive() {
    return new Option(value, label, hint, true, dividerBefore, reveals);
  }

  /**
   * This choice revealing follow-up questions under it when chosen (GOV.UK conditional reveal).
   * The questions are asked on the same page, after this choice's question.
   *
   * @param questionIds the ids of the questions revealed, in order
   * @return a copy
   */
  public Option revealing(String... questionIds) {
    return new Option(value, label, hint, exclusive, dividerBefore, List.of(questionIds));
  }

  /**
   * This choice with an "or" divider before it.
   *
   * @return a copy
   */
  public Option afterDivider() {
    return new Option(value, label, hint, exclusive, true, reveals);
  }
}
