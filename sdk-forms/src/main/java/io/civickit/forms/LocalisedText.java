package io.civickit.forms;

import java.util.Locale;
import java.util.Objects;

/**
 * A piece of text authored in English and, for forms that declare Welsh, in Welsh.
 *
 * <p>A form declares its languages ({@link Form#languages()}); a form in English only holds texts
 * made by {@link #english(String)}, whose Welsh is empty. {@link #in(Locale)} falls back to the
 * English when there is no Welsh.
 *
 * @param en the English text, never blank
 * @param cy the Welsh text: empty when the text is in English only, otherwise never blank
 */
public record LocalisedText(String en, String cy) {
  /** Longest text accepted in either language, in characters. */
  public static final int MAX_LENGTH = 10_000;

  /** Validates the English is present and the Welsh is either absent (empty) or not blank. */
  public LocalisedText {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(cy, "cy");
    if (en.isBlank()) {
      throw new IllegalArgumentException("English text must not be blank");
    }
    if (en.length() > MAX_LENGTH || cy.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text is longer than " + MAX_LENGTH + " characters");
    }
    if (!cy.isEmpty() && cy.isBlank()) {
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
   * Creates a text in English only, for forms whose {@link Form#languages()} are {@code ["en"]}.
   *
   * @param en English
   * @return the text, with an empty Welsh
   */
  public static LocalisedText english(String en) {
    return new LocalisedText(en, "");
  }

  /**
   * Whether the text has Welsh.
   *
   * @return false for a text made by {@link #english(String)}
   */
  public boolean hasWelsh() {
    return !cy.isEmpty();
  }

  /**
   * Returns the text for a locale: Welsh for {@code cy} when there is Welsh, English otherwise.
   *
   * @param locale the person's locale
   * @return the text in that language
   */
  public String in(Locale locale) {
    return "cy".equals(locale.getLanguage()) && !cy.isEmpty() ? cy : en;
  }
}
