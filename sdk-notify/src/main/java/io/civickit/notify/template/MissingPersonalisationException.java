package io.civickit.notify.template;

import java.util.List;

/**
 * The personalisation lacks a value for one or more of the template's placeholders. The message
 * names every missing field (never a value), in the order the template first uses them, the
 * way GOV.UK Notify reports it: {@code Missing personalisation: first name, reference}.
 */
public final class MissingPersonalisationException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final List<String> missingFields;

  /** Creates the exception for the given placeholder names, as the template spells them. */
  public MissingPersonalisationException(List<String> missingFields) {
    super("Missing personalisation: " + String.join(", ", missingFields));
    if (missingFields.isEmpty()) {
      throw new IllegalArgumentException("at least one missing field must be named");
    }
    this.missingFields = List.copyOf(missingFields);
  }

  /** Every placeholder without a value, as the template spells it, in order of first use. */
  public List<String> missingFields() {
    return missingFields;
  }
}
