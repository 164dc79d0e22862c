package io.civickit.forms;

/** The kinds of question a form can ask; each maps to a GOV.UK Design System pattern. */
public enum QuestionType {
  /** Single-line text. */
  TEXT,
  /** Multi-line text with a character limit (character count pattern). */
  TEXTAREA,
  /** A whole number. */
  WHOLE_NUMBER,
  /** A decimal number with optional minimum and maximum. */
  DECIMAL,
  /** An amount of money in pounds and pence. */
  MONEY,
  /** A date entered as day, month and year. */
  DATE,
  /** An email address, checked by GOV.UK Notify's rules. */
  EMAIL,
  /** A UK contact telephone number; extensions allowed. */
  PHONE,
  /** A UK mobile number able to receive text messages. */
  MOBILE,
  /** A UK postcode, stored as e.g. {@code SW1A 1AA}. */
  POSTCODE,
  /** A UK address: lines, town and postcode. */
  ADDRESS,
  /** A National Insurance number. */
  NATIONAL_INSURANCE_NUMBER,
  /** One choice from a short list. */
  RADIOS,
  /** Any number of choices from a list. */
  CHECKBOXES,
  /** One choice from a long list. */
  SELECT,
  /** Yes or no. */
  YES_NO,
  /** Metadata of an uploaded file; the bytes stay with the host application. */
  FILE,
  /** A repeating group of questions ("add another"). */
  REPEATING_GROUP,
  /**
   * A declaration: one checkbox whose label is the statement ("I confirm that the information I
   * have given is correct"), which must be ticked; the answer is yes.
   */
  DECLARATION,
  /**
   * A person's full name in one box, as the Design System's names pattern asks: a text input with
   * {@code autocomplete="name"} and {@code spellcheck="false"}, any characters accepted.
   */
  NAME,
  /**
   * A name in two boxes, "First name" and "Last name" ({@code given-name}, {@code family-name}),
   * for services that must have them apart; stored as the parts {@code first} and {@code last}.
   */
  FIRST_AND_LAST_NAME,
  /** A month and year ("April 2026"), such as a card's expiry or when a tenancy began; stored as the month's first day. */
  MONTH_YEAR,
  /**
   * An address outside the UK, as the Design System's international address guidance asks: free
   * lines (the first required), town, region and postal code (optional, as many countries have
   * none), and the country chosen from {@link io.civickit.forms.address.Countries}; stored as the
   * parts {@code line1}, {@code line2}, {@code line3}, {@code town}, {@code region},
   * {@code postcode} (those given) and {@code country} (an ISO 3166-1 code such as {@code FR}).
   */
  INTERNATIONAL_ADDRESS;

  /**
   * The name used in the JSON form format, e.g. {@code whole-number}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * Finds a type by its JSON name.
   *
   * @param jsonName e.g. {@code yes-no}
   * @return the type
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static QuestionType fromJson(String jsonName) {
    for (QuestionType t : values()) {
      if (t.jsonName().equals(jsonName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown question type '" + jsonName + "'");
  }
}
