package io.civickit.forms.internal.html;

import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.address.Countries;
import io.civickit.forms.address.Country;
import io.civickit.forms.internal.html.Govuk.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The international address: a fieldset of free address lines, town, region and postal code
 * (each with its HTML autocomplete token, as the Design System's address pattern has them) and the
 * country as a GOV.UK select of {@link Countries} in the page's language, marked for the accessible
 * autocomplete. Each part shows its own error; the group is in error when any part is.
 */
public final class InternationalAddressHtml {
  private InternationalAddressHtml() {}

  /** The parts that are text inputs: name suffix, English label, Welsh label, autocomplete, width class. */
  private static final String[][] PARTS = {
      {"line1", "Address line 1", "Llinell 1 y cyfeiriad", "address-line1", null},
      {"line2", "Address line 2 (optional)", "Llinell 2 y cyfeiriad (dewisol)", "address-line2", null},
      {"line3", "Address line 3 (optional)", "Llinell 3 y cyfeiriad (dewisol)", "address-line3", null},
      {"town", "Town or city (optional)", "Tref neu ddinas (dewisol)", "address-level2", "govuk-!-width-two-thirds"},
      {"region", "State, province or region (optional)", "Talaith neu ranbarth (dewisol)", "address-level1",
          "govuk-!-width-two-thirds"},
      {"postcode", "Postal code or ZIP code (optional)", "Cod post (dewisol)", "postal-code", "govuk-input--width-10"}};

  /**
   * Renders the question.
   *
   * @param base the field base (the question id, or an item's)
   * @param label the question's label, the fieldset's legend
   * @param hint the hint, or null
   * @param raw what the person sent, by field name
   * @param byField the error message of each field in error
   * @param heading whether the legend is the page heading
   * @param locale the page's language
   * @param lang the component words
   * @return the HTML
   */
  public static String render(String base, String label, @Nullable String hint, Map<String, List<String>> raw,
      Map<String, String> byField, boolean heading, Locale locale, Lang lang) {
    boolean cy = "cy".equals(locale.getLanguage());
    boolean anyError = byField.keySet().stream().anyMatch(f -> f.startsWith(base + "-"));
    Field group = new Field(base, base, label, hint, null, heading);
    StringBuilder b = new StringBuilder("<div class=\"govuk-form-group")
        .append(anyError ? " govuk-form-group--error" : "").append("\">")
        .append(Govuk.fieldsetStart(group)).append(Govuk.hintFor(group));
    for (String[] p : PARTS) {
      String id = FieldNames.part(base, p[0]);
      Field part = Field.of(id, cy ? p[2] : p[1], null, byField.get(id));
      b.append(Govuk.input(part, "text", first(raw, id), p[3], null, p[4], p[0].equals("postcode"), lang));
    }
    String countryId = FieldNames.part(base, "country");
    List<Govuk.Option> options = new ArrayList<>();
    for (Country c : Countries.sorted(locale)) {
      options.add(new Govuk.Option(c.code(), c.name().in(locale), null));
    }
    b.append(Govuk.select(Field.of(countryId, cy ? "Gwlad" : "Country", null, byField.get(countryId)), options,
        first(raw, countryId), lang.selectPlaceholder, true, lang));
    return b.append("</fieldset></div>").toString();
  }

  private static @Nullable String first(Map<String, List<String>> raw, String name) {
    List<String> v = raw.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
