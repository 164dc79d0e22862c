package io.civickit.forms;

/** Entry point for forms (filled by the forms work). */
public final class Forms {
  private Forms() {}
}
