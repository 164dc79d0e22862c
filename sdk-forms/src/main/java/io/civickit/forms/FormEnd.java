package io.civickit.forms;

import io.civickit.core.Outcome;
import java.util.Objects;

/**
 * An end of the form: a page that completes the journey with an outcome, such as the
 * confirmation page ({@link Outcome#SUCCESS}) or a "not eligible" page
 * ({@link Outcome#INELIGIBLE}).
 *
 * @param id the step id
 * @param title the page heading
 * @param body the page text
 * @param outcome the outcome recorded when the journey ends here
 */
public record FormEnd(String id, LocalisedText title, LocalisedText body, Outcome outcome) {
  /** Validates the end. */
  public FormEnd {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(outcome, "outcome");
    if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("end id '" + id + "' must be lower-case letters, digits and hyphens");
    }
  }
}
