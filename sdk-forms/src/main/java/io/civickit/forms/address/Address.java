package io.civickit.forms.address;

import io.civickit.core.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A postal address found by an {@link AddressLookup}.
 *
 * @param uprn the Unique Property Reference Number (1 to 12 digits)
 * @param lines the address lines before the town, at least one, at most two (building and street)
 * @param town the post town
 * @param postcode the postcode, normalised to upper case with one space ({@code CF10 1AA})
 */
public record Address(String uprn, List<String> lines, String town, String postcode) {

  private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");
  private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

  /** Validates and normalises the address. */
  public Address {
    Objects.requireNonNull(uprn, "uprn");
    if (!UPRN.matcher(uprn).matches()) {
      throw new IllegalArgumentException("a UPRN is 1 to 12 digits, but was '" + uprn + "'");
    }
    lines = List.copyOf(lines);
    if (lines.isEmpty() || lines.size() > 2 || lines.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("an address has 1 or 2 lines before the town, none blank, but had "
          + lines.size() + " (UPRN " + uprn + ")");
    }
    Objects.requireNonNull(town, "town");
    if (town.isBlank()) {
      throw new IllegalArgumentException("the town of UPRN " + uprn + " is blank");
    }
    postcode = normalisePostcode(postcode).orElseThrow(() -> new IllegalArgumentException(
        "the postcode of UPRN " + uprn + " is not a UK postcode"));
  }

  /**
   * Normalises a typed postcode: any case, spaces or punctuation ({@code "cf10-1aa"}) become
   * {@code CF10 1AA}.
   *
   * @param typed what was typed
   * @return the postcode, or empty when it is not a UK postcode
   */
  public static Optional<String> normalisePostcode(String typed) {
    Objects.requireNonNull(typed, "typed");
    if (typed.length() > 20) {
      return Optional.empty();
    }
    String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    var m = POSTCODE.matcher(compact);
    return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
  }

  /**
   * The address as the fields of an address question, so that choosing it from a list goes
   * through the same validation as typing it: {@code ID-line1}, {@code ID-line2},
   * {@code ID-town}, {@code ID-postcode} and {@code ID-uprn}.
   *
   * @param questionId the address question's id
   * @return field names to values
   */
  public Map<String, List<String>> toInput(String questionId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(questionId + "-line1", List.of(lines.get(0)));
    out.put(questionId + "-line2", List.of(lines.size() > 1 ? lines.get(1) : ""));
    out.put(questionId + "-town", List.of(town));
    out.put(questionId + "-postcode", List.of(postcode));
    out.put(questionId + "-uprn", List.of(uprn));
    return out;
  }

  /**
   * The address as an answer value, the shape an address question saves (with the UPRN).
   *
   * @return the value
   */
  public Value toValue() {
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("line1", Value.text(lines.get(0)));
    if (lines.size() > 1) {
      f.put("line2", Value.text(lines.get(1)));
    }
    f.put("town", Value.text(town));
    f.put("postcode", Value.text(postcode));
    f.put("uprn", Value.text(uprn));
    return Value.fields(f);
  }

  /**
   * The address on one line, for a list of choices.
   *
   * @return the parts joined by commas, such as "1 High Street, Bryncoed, CF10 1AA"
   */
  public String singleLine() {
    List<String> parts = new ArrayList<>(lines);
    parts.add(town);
    parts.add(postcode);
    return String.join(", ", parts);
  }

  /** Never prints the address: it is personal data. */
  @Override
  public String toString() {
    return "Address[uprn=" + uprn + "]";
  }
}
