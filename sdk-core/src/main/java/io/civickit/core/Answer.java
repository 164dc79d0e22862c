package io.civickit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One saved answer: its typed value, how the person typed it, and who supplied it.
 *
 * @param value the validated, normalised value
 * @param display the answer as the person typed it, to play back (for example a phone number
 *     in their own spacing); empty where the value itself reads well
 * @param suppliedBy who supplied it: the person, an adviser, or a system (pre-fill)
 * @param prefilled true where it was seeded by the host app rather than entered on the page
 */
public record Answer(Value value, Optional<String> display, Actor suppliedBy, boolean prefilled) {

  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if {@code value}, {@code display} or {@code suppliedBy} is null
   */
  public Answer {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(suppliedBy, "suppliedBy");
  }

  /** An answer the person gave themselves. */
  public static Answer of(Value value) {
    return new Answer(value, Optional.empty(), Actor.citizen(), false);
  }

  /** An answer given by an actor, with how it was typed. */
  public static Answer of(Value value, String display, Actor actor) {
    return new Answer(value, Optional.of(display), actor, false);
  }

  /** An answer seeded by the host app (a council record, the query string of a link). */
  public static Answer prefilled(Value value, Actor source) {
    return new Answer(value, Optional.empty(), source, true);
  }

  @Override
  public String toString() {
    // Answers are personal data: only their type is ever printed.
    return "Answer[" + value.typeName() + ", by " + suppliedBy + (prefilled ? ", prefilled" : "") + "]";
  }
}
