package io.civickit.forms.internal.html;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The HTML input attributes GOV.UK recommends for each kind of text-like question: the input
 * {@code type}, {@code autocomplete}, {@code inputmode}, width class and whether spellcheck is
 * turned off.
 */
public record InputAttributes(String type, @Nullable String autocomplete,
    @Nullable String inputmode, @Nullable String widthClass, boolean spellcheckOff) {

  /**
   * The attributes for a question kind name such as {@code "email"}, {@code "uk-phone"},
   * {@code "whole-number"}, {@code "money"}, {@code "postcode"}, {@code "ni-number"}; plain text
   * for anything else.
   */
  public static InputAttributes forKind(String kind) {
    String k = kind.toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (k) {
      case "email" -> new InputAttributes("email", "email", null, null, true);
      case "phone", "uk-phone", "contact-phone", "mobile", "mobile-phone", "uk-mobile" ->
          new InputAttributes("tel", "tel", null, "govuk-input--width-20", false);
      case "whole-number", "integer", "number" ->
          new InputAttributes("text", null, "numeric", "govuk-input--width-10", true);
      case "decimal" -> new InputAttributes("text", null, "decimal", "govuk-input--width-10", true);
      case "money" -> new InputAttributes("text", null, "decimal", "govuk-input--width-10", true);
      case "postcode", "uk-postcode" ->
          new InputAttributes("text", "postal-code", null, "govuk-input--width-10", true);
      case "ni-number", "national-insurance-number" ->
          new InputAttributes("text", null, null, "govuk-input--width-10", true);
      case "name", "full-name" -> new InputAttributes("text", "name", null, null, true);
      default -> new InputAttributes("text", null, null, null, false);
    };
  }
}
