package io.civickit.notify.template;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An authoring-time warning: a text message template contains characters that force UCS-2, so
 * each part holds 70 characters instead of 160 and a message usually costs twice as much or
 * more. Remove or replace the characters to keep the cheaper encoding.
 *
 * @param templateId the template
 * @param language the language version ({@code en} or {@code cy})
 * @param characters the characters that force UCS-2, in order of first use
 */
public record SmsCostWarning(String templateId, Locale language, Set<String> characters) {
  /** Copies the characters, keeping their order. */
  public SmsCostWarning {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(language, "language");
    characters = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(characters));
  }

  /** A sentence an author can act on. */
  public String message() {
    return "Template '" + templateId + "' (" + language.getLanguage() + ") contains "
        + String.join(" ", characters)
        + ", which cannot be sent in GSM: every text message will be sent as UCS-2, "
        + "70 characters a part instead of 160, so it may cost twice as much or more";
  }
}
