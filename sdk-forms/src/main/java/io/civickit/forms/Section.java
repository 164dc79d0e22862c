package io.civickit.forms;

import java.util.Objects;

/**
 * A group of pages shown as one task in a GOV.UK task list.
 *
 * @param id the section id
 * @param title the task name
 */
public record Section(String id, LocalisedText title) {
  /** Validates the section. */
  public Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("section id '" + id + "' must be lower-case letters, digits and hyphens");
    }
  }
}
