package io.civickit.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step is asked to handle: the journey so far and the input of one page submission.
 *
 * @param journey the journey as it was before this submission
 * @param input the submitted fields by name, each with every value sent (checkboxes send several)
 * @param actor who submitted it (the person, or an adviser on their behalf)
 * @param locale the language to write error messages in ({@code en} or {@code cy})
 * @param now the engine clock's time of the submission
 */
public record StepSubmission(Journey journey, Map<String, List<String>> input, Actor actor, Locale locale, Instant now) {
  /**
   * Checks the components and takes an unmodifiable copy of the input, keeping its order.
   *
   * @throws NullPointerException if any component is null, or the input holds a null name or value
   */
  public StepSubmission {
    Objects.requireNonNull(journey, "journey");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    input.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "input name"), List.copyOf(v)));
    input = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(now, "now");
  }

  /** The first value sent for a field. */
  public Optional<String> first(String name) {
    List<String> values = input.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
