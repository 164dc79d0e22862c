package io.civickit.forms;

import java.util.Locale;
import java.util.Objects;

/**
 * A piece of text authored in English and Welsh.
 *
 * @param en the English text, never blank
 * @param cy the Welsh text, never blank
 */
public record LocalisedText(String en, String cy) {
  /** Longest text accepted in either language, in characters. */
  public static final int MAX_LENGTH = 10_000;

  /** Validates both languages are present. */
  public LocalisedText {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(cy, "cy");
    if (en.isBlank()) {
      throw new IllegalArgumentException("English text must not be blank");
    }
    if (en.length() > MAX_LENGTH || cy.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text is longer than " + MAX_LENGTH + " characters");
    }
    if (cy.isBlank()) {
      throw new IllegalArgumentException("Welsh text must not be blank (English: '" + en + "')");
    }
  }

  /**
   * Creates a text in both languages.
   *
   * @param en English
   * @param cy Welsh
   * @return the text
   */
  public static LocalisedText of(String en, String cy) {
    return new LocalisedText(en, cy);
  }

  /**
   * Returns the text for a locale: Welsh for {@code cy}, English otherwise.
   *
   * @param locale the person's locale
   * @return the text in that language
   */
  public String in(Locale locale) {
    return "cy".equals(locale.getLanguage()) ? cy : en;
  }
}
