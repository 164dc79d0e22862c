package io.civickit.pay;

import java.util.Locale;

/** The language of GOV.UK Pay's payment pages. */
public enum Language {
  /** English ({@code en}). */
  EN,
  /** Welsh ({@code cy}). */
  CY;

  /** The API's code: {@code en} or {@code cy}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Welsh for a Welsh locale, English for any other. */
  public static Language of(Locale locale) {
    return "cy".equals(locale.getLanguage()) ? CY : EN;
  }
}
