package io.civickit.forms.address;

import io.civickit.forms.LocalisedText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A country or territory outside the United Kingdom, as an {@code international-address} question
 * offers it.
 *
 * @param code the ISO 3166-1 alpha-2 code, such as {@code FR}: the value saved in the answer
 * @param name the name in English and Welsh, such as "France" / "Ffrainc"
 */
public record Country(String code, LocalisedText name) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  /** Checks the code. */
  public Country {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a country code is two capital letters (ISO 3166-1 alpha-2), but was '"
          + code + "'");
    }
  }
}
